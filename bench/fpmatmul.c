/* fpmatmul: double-precision dense linear algebra (RV F/D).
 *
 * Each round fills B with pseudo-random values in [-1, 1), computes
 * C = A * B with one fused multiply-add per term (C[i][j] accumulates over k
 * in ascending order), checks one row of C against a dot product computed
 * with separate multiplies and adds, and scales every row of C to unit
 * Euclidean length (a square root per row, a division per element); the
 * result is the next round's A. The row lengths are folded into the
 * checksum every round, every element of the final A at the end.
 *
 * Why the checksum is the same on every correct implementation: the program
 * uses only operations that IEEE 754 defines to the bit under round to
 * nearest, ties to even (add, multiply, fused multiply-add, divide, square
 * root, conversion from integers), in an order the source fixes: the build
 * passes -ffp-contract=off, so the compiler fuses nothing on its own, and
 * -fno-math-errno, so sqrt is the instruction, not a libm call. No NaN, no
 * infinity and no subnormal arises, so neither NaN payloads nor tininess
 * detection play a part. Row scaling keeps every element in [-1, 1].
 *
 * Before the measured part, a product of small-integer matrices, which is
 * exact in double precision, is compared with the same product in integers.
 * After it, the accrued exception flags must be exactly "inexact". */
#include <fenv.h>
#include <math.h>

#include "bench.h"

#ifdef BENCH_SMALL
#define N 16
#define ROUNDS 60
/* Obtained by running fpmatmul-small-rv64.elf and fpmatmul-small-rv32.elf
 * under qemu-system-riscv64/-riscv32 7.2 (-icount shift=0), which agree, and
 * a native x86-64 build of this file (SSE2, glibc's correctly rounded fma),
 * which agrees too. */
#define EXPECTED_CHECKSUM 0xac4b53fcu
#else
#define N 64
#define ROUNDS 150
/* Obtained as for BENCH_SMALL, with the full sizes. */
#define EXPECTED_CHECKSUM 0x563f5a5eu
#endif

static double mat_a[N][N];
static double mat_b[N][N];
static double mat_c[N][N];
static int32_t int_a[N][N];
static int32_t int_b[N][N];

static uint32_t fold_double(uint32_t sum, double d) {
  union {
    double d;
    uint64_t u;
  } bits = {d};
  sum = bench_fold(sum, (uint32_t)bits.u);
  return bench_fold(sum, (uint32_t)(bits.u >> 32));
}

/* A uniformly spread value in [-1, 1): the conversion and the scaling by a
 * power of two are exact. */
static double random_unit(uint32_t* rng) { return (double)(int32_t)bench_rand(rng) * 0x1p-31; }

static void multiply(void) {
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) mat_c[i][j] = 0.0;
    for (int k = 0; k < N; k++) {
      double a = mat_a[i][k];
      for (int j = 0; j < N; j++) mat_c[i][j] = fma(a, mat_b[k][j], mat_c[i][j]);
    }
  }
}

/* Separately rounded products and sums differ from the fused result only by
 * rounding: with |a|, |b| <= 1 each of the N terms adds at most two ulps of
 * a value below N, so N * N * 2^-50 bounds the difference. */
static uint32_t check_row(int i) {
  uint32_t errors = 0;
  for (int j = 0; j < N; j++) {
    double dot = 0.0;
    for (int k = 0; k < N; k++) dot = dot + mat_a[i][k] * mat_b[k][j];
    if (fabs(dot - mat_c[i][j]) > (double)(N * N) * 0x1p-50) errors++;
  }
  return errors;
}

/* Scales the rows of C to unit length into A; returns the checksum with the
 * row lengths folded in. */
static uint32_t normalise_rows(uint32_t sum) {
  for (int i = 0; i < N; i++) {
    double squares = 0.0;
    for (int j = 0; j < N; j++) squares = fma(mat_c[i][j], mat_c[i][j], squares);
    double length = sqrt(squares);
    sum = fold_double(sum, length);
    for (int j = 0; j < N; j++) mat_a[i][j] = mat_c[i][j] / length;
  }
  return sum;
}

/* Integer matrices with entries in [-8, 8]: every product and partial sum is
 * an integer far below 2^53, so the floating-point product is exact. */
static uint32_t check_exact(uint32_t* rng) {
  uint32_t errors = 0;
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) {
      uint32_t r = bench_rand(rng);
      int_a[i][j] = (int32_t)(r % 17u) - 8;
      int_b[i][j] = (int32_t)((r >> 8) % 17u) - 8;
      mat_a[i][j] = int_a[i][j];
      mat_b[i][j] = int_b[i][j];
    }
  }
  multiply();
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) {
      int64_t acc = 0;
      for (int k = 0; k < N; k++) acc += (int64_t)int_a[i][k] * int_b[k][j];
      if (mat_c[i][j] != (double)acc) errors++;
    }
  }
  return errors;
}

int main(void) {
  uint32_t rng = 0x2468aceu;
  uint32_t errors = check_exact(&rng);
  feclearexcept(FE_ALL_EXCEPT);

  uint64_t start = bench_begin();
  uint32_t sum = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) mat_a[i][j] = random_unit(&rng);
  for (uint32_t round = 0; round < ROUNDS; round++) {
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++) mat_b[i][j] = random_unit(&rng);
    multiply();
    errors += check_row((int)(round % N));
    sum = normalise_rows(sum);
  }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) sum = fold_double(sum, mat_a[i][j]);

  if (fetestexcept(FE_ALL_EXCEPT) != FE_INEXACT) errors++;
  return bench_end("fpmatmul", start, sum, EXPECTED_CHECKSUM, errors);
}
