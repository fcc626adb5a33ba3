/* intmix: an integer mix typical of embedded control and data code.
 *
 * Each round fills a buffer from a pseudo-random generator, then runs
 *   - CRC-32 (reflected, polynomial 0xEDB88320), table-driven over the whole
 *     buffer and bit by bit over its start (the two must agree),
 *   - an integer matrix multiply,
 *   - a quicksort (median-of-three, insertion sort below a cut-off) of a
 *     pseudo-random array, checked for order and for the preserved sum,
 *   - two hashes over the buffer: FNV-1a (32-bit, byte-wise) and a
 *     multiply-rotate mix over 64-bit words,
 * and folds every result into the checksum. */
#include "bench.h"

#ifdef BENCH_SMALL
#define ROUNDS 16
/* Obtained by running intmix-small-rv64.elf and intmix-small-rv32.elf under
 * qemu-system-riscv64/-riscv32 7.2 (-icount shift=0), which agree, and a
 * native x86-64 build of this file, which agrees too. */
#define EXPECTED_CHECKSUM 0x6f4917e9u
#else
#define ROUNDS 6500
/* Obtained as for BENCH_SMALL, with the full round count. */
#define EXPECTED_CHECKSUM 0x2b928196u
#endif

#define BUF_WORDS 256 /* 2 KiB */
#define BUF_BYTES (BUF_WORDS * 8)
#define CRC_BITWISE_BYTES 128
#define MAT_N 16
#define SORT_LEN 512
#define INSERTION_CUTOFF 12

static uint32_t crc_table[256];
static uint64_t buffer[BUF_WORDS];
static int32_t mat_a[MAT_N][MAT_N];
static int32_t mat_b[MAT_N][MAT_N];
static int32_t mat_c[MAT_N][MAT_N];
static uint32_t sort_data[SORT_LEN];

static uint32_t crc32_step(uint32_t crc) {
  for (int bit = 0; bit < 8; bit++) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  return crc;
}

static void crc32_init(void) {
  for (uint32_t i = 0; i < 256; i++) crc_table[i] = crc32_step(i);
}

static uint32_t crc32_by_table(const uint8_t* p, uint32_t n) {
  uint32_t crc = 0xffffffffu;
  for (uint32_t i = 0; i < n; i++) crc = crc_table[(crc ^ p[i]) & 0xffu] ^ (crc >> 8);
  return ~crc;
}

static uint32_t crc32_by_bit(const uint8_t* p, uint32_t n) {
  uint32_t crc = 0xffffffffu;
  for (uint32_t i = 0; i < n; i++) crc = crc32_step(crc ^ p[i]);
  return ~crc;
}

static void matrix_fill(uint32_t* rng) {
  for (int i = 0; i < MAT_N; i++) {
    for (int j = 0; j < MAT_N; j++) {
      uint32_t r = bench_rand(rng);
      mat_a[i][j] = (int32_t)(r & 0xffu) - 128;
      mat_b[i][j] = (int32_t)((r >> 8) & 0xffu) - 128;
    }
  }
}

static uint32_t matrix_multiply(void) {
  uint32_t sum = 0;
  for (int i = 0; i < MAT_N; i++) {
    for (int j = 0; j < MAT_N; j++) {
      int32_t acc = 0;
      for (int k = 0; k < MAT_N; k++) acc += mat_a[i][k] * mat_b[k][j];
      mat_c[i][j] = acc;
    }
  }
  for (int i = 0; i < MAT_N; i++)
    for (int j = 0; j < MAT_N; j++) sum = bench_fold(sum, (uint32_t)mat_c[i][j]);
  return sum;
}

static void insertion_sort(uint32_t* a, int n) {
  for (int i = 1; i < n; i++) {
    uint32_t v = a[i];
    int j = i;
    while (j > 0 && a[j - 1] > v) {
      a[j] = a[j - 1];
      j--;
    }
    a[j] = v;
  }
}

static uint32_t median_of_three(uint32_t x, uint32_t y, uint32_t z) {
  if (x < y) {
    if (y < z) return y;
    return x < z ? z : x;
  }
  if (x < z) return x;
  return y < z ? z : y;
}

/* Hoare partitioning around the median of the first, middle and last
 * element: both parts are non-empty, so the loop always makes progress.
 * Recursing into the smaller part bounds the stack depth by log2(n). */
static void quick_sort(uint32_t* a, int n) {
  while (n > INSERTION_CUTOFF) {
    uint32_t pivot = median_of_three(a[0], a[n / 2], a[n - 1]);
    int i = -1;
    int j = n;
    for (;;) {
      do i++;
      while (a[i] < pivot);
      do j--;
      while (a[j] > pivot);
      if (i >= j) break;
      uint32_t t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    int left = j + 1;
    if (left < n - left) {
      quick_sort(a, left);
      a += left;
      n -= left;
    } else {
      quick_sort(a + left, n - left);
      n = left;
    }
  }
  insertion_sort(a, n);
}

static uint32_t fnv1a(const uint8_t* p, uint32_t n) {
  uint32_t h = 0x811c9dc5u;
  for (uint32_t i = 0; i < n; i++) {
    h ^= p[i];
    h *= 0x01000193u;
  }
  return h;
}

static uint64_t rotl64(uint64_t x, unsigned r) { return (x << r) | (x >> (64 - r)); }

static uint64_t word_mix(const uint64_t* w, uint32_t n, uint64_t seed) {
  uint64_t h = seed ^ (n * 0xc2b2ae3d27d4eb4full);
  for (uint32_t i = 0; i < n; i++) {
    uint64_t k = w[i] * 0x87c37b91114253d5ull;
    k = rotl64(k, 31) * 0x4cf5ad432745937full;
    h = rotl64(h ^ k, 27) * 5 + 0x52dce729u;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  return h ^ (h >> 33);
}

int main(void) {
  uint32_t errors = 0;
  uint32_t sum = 0;
  uint32_t rng = 0x1234567u;
  crc32_init();
  /* The CRC-32 check value of the nine ASCII digits "123456789". */
  static const uint8_t digits[9] = {'1', '2', '3', '4', '5', '6', '7', '8', '9'};
  if (crc32_by_table(digits, 9) != 0xcbf43926u) errors++;

  uint64_t start = bench_begin();
  for (uint32_t round = 0; round < ROUNDS; round++) {
    for (int i = 0; i < BUF_WORDS; i++) {
      uint64_t hi = bench_rand(&rng);
      buffer[i] = (hi << 32) | bench_rand(&rng);
    }
    const uint8_t* bytes = (const uint8_t*)buffer;

    uint32_t crc = crc32_by_table(bytes, BUF_BYTES);
    uint32_t crc_head = crc32_by_table(bytes, CRC_BITWISE_BYTES);
    if (crc32_by_bit(bytes, CRC_BITWISE_BYTES) != crc_head) errors++;
    sum = bench_fold(sum, crc);
    sum = bench_fold(sum, crc_head);

    matrix_fill(&rng);
    sum = bench_fold(sum, matrix_multiply());

    uint32_t before = 0;
    for (int i = 0; i < SORT_LEN; i++) {
      sort_data[i] = bench_rand(&rng) >> (round & 15u);
      before += sort_data[i];
    }
    quick_sort(sort_data, SORT_LEN);
    uint32_t after = sort_data[0];
    for (int i = 1; i < SORT_LEN; i++) {
      if (sort_data[i - 1] > sort_data[i]) errors++;
      after += sort_data[i];
    }
    if (after != before) errors++;
    sum = bench_fold(sum, fnv1a((const uint8_t*)sort_data, sizeof sort_data));

    sum = bench_fold(sum, fnv1a(bytes, BUF_BYTES));
    uint64_t mixed = word_mix(buffer, BUF_WORDS, round);
    sum = bench_fold(sum, (uint32_t)mixed);
    sum = bench_fold(sum, (uint32_t)(mixed >> 32));
  }
  return bench_end("intmix", start, sum, EXPECTED_CHECKSUM, errors);
}
