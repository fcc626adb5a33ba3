/* fft: single-precision complex fast Fourier transform (RV F, with D for
 * the twiddle factors).
 *
 * An iterative radix-2 decimation-in-time transform of 1024 points (256 in
 * the small build). Each round transforms a pseudo-random signal with
 * components in [-1, 1), folds every bin of the spectrum and the sum of the
 * bin magnitudes into the checksum, transforms back, scales by 1/N and
 * checks that the signal came back to within a few float rounding errors.
 *
 * Why the checksum is the same on every correct implementation: no libm
 * function is called. The twiddle factors exp(-2 pi i k / N) come from
 * Taylor series evaluated in double precision on angles reduced to
 * [0, pi/4] by the symmetries of the unit circle, with integer arithmetic on
 * k; every step of that and of the transform is an add, multiply, fused
 * multiply-add, divide, square root or conversion, each defined to the bit
 * by IEEE 754 under round to nearest, ties to even, in an order the source
 * fixes (-ffp-contract=off: the compiler fuses nothing on its own;
 * -fno-math-errno: sqrtf is the instruction). No NaN, infinity or subnormal
 * arises. After the measured part, the accrued exception flags must be
 * exactly "inexact". */
#include <fenv.h>
#include <math.h>

#include "bench.h"

#ifdef BENCH_SMALL
#define LOG2_N 8
#define ROUNDS 12
/* Obtained by running fft-small-rv64.elf and fft-small-rv32.elf under
 * qemu-system-riscv64/-riscv32 7.2 (-icount shift=0), which agree, and a
 * native x86-64 build of this file (SSE2, glibc's correctly rounded fmaf),
 * which agrees too. */
#define EXPECTED_CHECKSUM 0xbd303481u
#else
#define LOG2_N 10
#define ROUNDS 750
/* Obtained as for BENCH_SMALL, with the full sizes. */
#define EXPECTED_CHECKSUM 0x2bcaabc7u
#endif

#define N (1u << LOG2_N)
/* The series below reach double precision on [0, pi/4] well before ten
 * terms: the first term left out is below (pi/4)^21 / 21! < 1e-21. */
#define SERIES_TERMS 10
#define TWO_PI 6.283185307179586
/* Round-trip tolerance: a few float rounding errors per stage on values of
 * magnitude up to about N, divided by N again. */
#define ROUND_TRIP_TOLERANCE 0x1p-14f

typedef struct {
  float re;
  float im;
} Complex;

static Complex signal[N];
static Complex work[N];
static Complex twiddle_forward[N / 2];
static Complex twiddle_inverse[N / 2];

static uint32_t fold_float(uint32_t sum, float f) {
  union {
    float f;
    uint32_t u;
  } bits = {f};
  return bench_fold(sum, bits.u);
}

static double sin_series(double x) {
  double x2 = x * x;
  double s = 1.0;
  for (int i = SERIES_TERMS; i >= 1; i--) s = 1.0 - x2 * s / (double)((2 * i) * (2 * i + 1));
  return x * s;
}

static double cos_series(double x) {
  double x2 = x * x;
  double c = 1.0;
  for (int i = SERIES_TERMS; i >= 1; i--) c = 1.0 - x2 * c / (double)((2 * i - 1) * (2 * i));
  return c;
}

/* exp(-2 pi i k / N) for 0 <= k < N/2. Past a quarter turn the angle is
 * pi - x (cosine negated); past an eighth within a quarter it is
 * pi/2 - y (sine and cosine swapped), so the series only see [0, pi/4]. */
static Complex twiddle_for(uint32_t k) {
  const double step = TWO_PI / N;
  uint32_t m = k <= N / 4 ? k : N / 2 - k;
  double c;
  double s;
  if (m <= N / 8) {
    double x = (double)m * step;
    c = cos_series(x);
    s = sin_series(x);
  } else {
    double y = (double)(N / 4 - m) * step;
    c = sin_series(y);
    s = cos_series(y);
  }
  if (k > N / 4) c = -c;
  Complex w = {(float)c, (float)-s};
  return w;
}

/* Returns the number of factors off the unit circle. */
static uint32_t make_twiddles(void) {
  uint32_t errors = 0;
  for (uint32_t k = 0; k < N / 2; k++) {
    Complex w = twiddle_for(k);
    twiddle_forward[k] = w;
    twiddle_inverse[k].re = w.re;
    twiddle_inverse[k].im = -w.im;
    float norm = fmaf(w.re, w.re, w.im * w.im);
    if (fabsf(norm - 1.0f) > 0x1p-21f) errors++;
  }
  return errors;
}

static void bit_reverse(Complex* x) {
  uint32_t j = 0;
  for (uint32_t i = 1; i < N; i++) {
    uint32_t bit = N >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      Complex t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }
}

static void transform(Complex* x, const Complex* twiddle) {
  bit_reverse(x);
  for (uint32_t half = 1; half < N; half *= 2) {
    uint32_t stride = N / (2 * half);
    for (uint32_t start = 0; start < N; start += 2 * half) {
      for (uint32_t j = 0; j < half; j++) {
        Complex w = twiddle[j * stride];
        Complex* p = &x[start + j];
        Complex* q = &x[start + j + half];
        float t_re = fmaf(w.re, q->re, -(w.im * q->im));
        float t_im = fmaf(w.re, q->im, w.im * q->re);
        q->re = p->re - t_re;
        q->im = p->im - t_im;
        p->re = p->re + t_re;
        p->im = p->im + t_im;
      }
    }
  }
}

int main(void) {
  uint32_t rng = 0x13579bdu;
  uint32_t errors = make_twiddles();
  feclearexcept(FE_ALL_EXCEPT);

  uint64_t start = bench_begin();
  uint32_t sum = 0;
  for (uint32_t round = 0; round < ROUNDS; round++) {
    for (uint32_t i = 0; i < N; i++) {
      uint32_t r = bench_rand(&rng);
      signal[i].re = (float)(int16_t)r * 0x1p-15f;
      signal[i].im = (float)(int16_t)(r >> 16) * 0x1p-15f;
      work[i] = signal[i];
    }

    transform(work, twiddle_forward);
    float magnitudes = 0.0f;
    for (uint32_t k = 0; k < N; k++) {
      magnitudes += sqrtf(fmaf(work[k].re, work[k].re, work[k].im * work[k].im));
      sum = fold_float(sum, work[k].re);
      sum = fold_float(sum, work[k].im);
    }
    sum = fold_float(sum, magnitudes);

    transform(work, twiddle_inverse);
    const float scale = 1.0f / N;
    for (uint32_t i = 0; i < N; i++) {
      float re = work[i].re * scale;
      float im = work[i].im * scale;
      if (fabsf(re - signal[i].re) > ROUND_TRIP_TOLERANCE ||
          fabsf(im - signal[i].im) > ROUND_TRIP_TOLERANCE)
        errors++;
    }
    uint32_t probe = (round * 37u) & (N - 1);
    sum = fold_float(sum, work[probe].re);
    sum = fold_float(sum, work[probe].im);
  }

  if (fetestexcept(FE_ALL_EXCEPT) != FE_INEXACT) errors++;
  return bench_end("fft", start, sum, EXPECTED_CHECKSUM, errors);
}
