/* Drives the example,checksum accelerator of platform.json: feeds it 64
 * bytes, waits for its interrupt through the PLIC (source 11, context 0 =
 * hart 0 machine mode) and checks its CRC-32 against one computed here. */
#include "guest.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define CHECKSUM_BASE 0x10010000UL
#define CHECKSUM_DATA ((volatile uint32_t*)(CHECKSUM_BASE + 0x00))
#define CHECKSUM_RESULT ((volatile uint32_t*)(CHECKSUM_BASE + 0x04))
#define CHECKSUM_CONTROL ((volatile uint32_t*)(CHECKSUM_BASE + 0x08))
#define CHECKSUM_STATUS ((volatile uint32_t*)(CHECKSUM_BASE + 0x0c))
#define CHECKSUM_THRESHOLD ((volatile uint32_t*)(CHECKSUM_BASE + 0x10))
#define CONTROL_RESET 1u
#define CONTROL_ACK 2u
#define STATUS_DONE 0x80000000u
#define CHECKSUM_SOURCE 11

#define PLIC_BASE 0xc000000UL
#define PLIC_PRIORITY(src) ((volatile uint32_t*)(PLIC_BASE + 4 * (src)))
#define PLIC_ENABLE(ctx) ((volatile uint32_t*)(PLIC_BASE + 0x2000 + 0x80 * (ctx)))
#define PLIC_THRESHOLD(ctx) ((volatile uint32_t*)(PLIC_BASE + 0x200000 + 0x1000 * (ctx)))
#define PLIC_CLAIM(ctx) ((volatile uint32_t*)(PLIC_BASE + 0x200004 + 0x1000 * (ctx)))

#define MIE_MEIE (1ul << 11)
#define MSTATUS_MIE 8ul

static const char text[] = "rvtlm custom peripheral example: CRC-32 of sixty-four bytes.....";
#define WORDS ((sizeof text - 1) / 4)

static volatile unsigned interrupts;
static volatile uint32_t claimed_source;
static volatile uint32_t status_at_interrupt;

void __attribute__((interrupt("machine"), aligned(4))) trap_handler(void) {
  unsigned long cause;
  __asm__ volatile("csrr %0, mcause" : "=r"(cause));
  if ((long)cause >= 0 || (cause & 0xff) != 11) guest_exit(0x80 | (int)(cause & 0x7f));
  const uint32_t source = *PLIC_CLAIM(0);
  claimed_source = source;
  if (source == CHECKSUM_SOURCE) {
    status_at_interrupt = *CHECKSUM_STATUS;
    ++interrupts;
    /* The line is level-triggered: lower it before completing. */
    *CHECKSUM_CONTROL = CONTROL_ACK;
  }
  *PLIC_CLAIM(0) = source;
}

/* The same CRC-32 in software (reflected, polynomial 0x04c11db7). */
static uint32_t crc32(const void* data, size_t length) {
  const uint8_t* p = data;
  uint32_t crc = 0xffffffffu;
  while (length--) {
    crc ^= *p++;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
  }
  return ~crc;
}

int main(void) {
  __asm__ volatile("csrw mtvec, %0" ::"r"(trap_handler));
  *PLIC_PRIORITY(CHECKSUM_SOURCE) = 1;
  *PLIC_ENABLE(0) = 1u << CHECKSUM_SOURCE;
  *PLIC_THRESHOLD(0) = 0;
  __asm__ volatile("csrs mie, %0" ::"r"(MIE_MEIE));

  *CHECKSUM_CONTROL = CONTROL_RESET;
  *CHECKSUM_THRESHOLD = WORDS;
  for (size_t i = 0; i < WORDS; ++i) {
    uint32_t word;
    memcpy(&word, text + 4 * i, 4); /* little-endian, as the device takes it */
    *CHECKSUM_DATA = word;
  }
  /* WFI wakes on a pending interrupt even while mstatus.MIE is clear: with
   * interrupts off between the test and the WFI, none can slip in between
   * and leave the hart asleep. */
  while (interrupts == 0) {
    __asm__ volatile("wfi");
    __asm__ volatile("csrs mstatus, %0" ::"r"(MSTATUS_MIE));
    __asm__ volatile("csrc mstatus, %0" ::"r"(MSTATUS_MIE));
  }

  const uint32_t hardware = *CHECKSUM_RESULT;
  const uint32_t software = crc32(text, WORDS * 4);
  printf("interrupt from PLIC source %u after %u words\n", (unsigned)claimed_source,
         (unsigned)(status_at_interrupt & ~STATUS_DONE));
  printf("CRC-32 0x%08lx (accelerator), 0x%08lx (software): %s\n", (unsigned long)hardware,
         (unsigned long)software, hardware == software ? "match" : "MISMATCH");
  return hardware == software ? 0 : 1;
}
