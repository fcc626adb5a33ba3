/* S-mode part of sv39.elf, linked at virtual addresses (sv39.ld). s_main
 * computes with s_work and hands the result to M-mode with an ecall. */
#define S_CODE __attribute__((section(".s_text"), noinline))

S_CODE long s_work(long x) {
  long y = x * 7;
  return y + 1;
}

S_CODE void s_main(void) {
  const long r = s_work(6);
  register long a0 __asm__("a0") = r;
  __asm__ volatile("ecall" ::"r"(a0));
  for (;;) {
  }
}
