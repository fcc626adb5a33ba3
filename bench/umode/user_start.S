/* U-mode start of the user-mode benchmark build, entered from S-mode with
 * sret (bench/umode/start.S) once translation is on. Machine mode has
 * cleared .bss already. As guest/common/crt0.S does for machine mode: the
 * TLS block sits at the bottom of the stack region, then constructors,
 * main() and exit(). */
  .text
  .globl umode_user_start
umode_user_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la sp, __stacks_top
  la s1, __stacks_bottom
  mv a0, s1
  call _init_tls
  mv a0, s1
  call _set_tls
  call __libc_init_array
  li a0, 0
  li a1, 0
  call main
  call exit
1:
  j 1b
