/* The --signature output: three words stored between begin_signature and
 * end_signature, which the test compares with signature.expected. */
#include "test.h"

TEST_BEGIN
  la a0, begin_signature
  li a1, 0x01234567
  sw a1, 0(a0)
  li a1, 0x89abcdef
  sw a1, 4(a0)
  li a1, 0xdeadbeef
  sw a1, 8(a0)
TEST_END

  .data
  .align 4
  .globl begin_signature
begin_signature:
  .word 0, 0, 0, 0xfeedf00d
  .globl end_signature
end_signature:
  .word 0x55555555
