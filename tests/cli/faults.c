/* argv-less guest: which fault to provoke is chosen at build time. */
#include <stdint.h>

int main(void) {
#if defined(UNMAPPED_LOAD)
  return *(volatile int32_t*)16; /* load access fault: exit 0x80 | 5 */
#elif defined(TOP_OF_MEMORY_STORE)
  *(volatile uint32_t*)(uintptr_t)-4 = 1; /* wraps past the end: store access fault 0x80 | 7 */
  return 0;
#elif defined(ILLEGAL)
  __asm__ volatile(".4byte 0xffffffff"); /* illegal instruction: exit 0x80 | 2 */
  return 0;
#endif
}
