/* memwalk: loads and stores spread over several MiB, to exercise the
 * simulator's memory path (address translation, page-granular caches)
 * rather than its arithmetic.
 *
 * An 8 MiB arena of words is filled pseudo-randomly. Each round
 *   - walks the whole arena once with a stride that changes from round to
 *     round (from 1 word to just over 16 KiB), reading, folding and writing
 *     back every word,
 *   - chases pointers through a 4 MiB single-cycle permutation (Sattolo's
 *     shuffle), updating an arena word at every step; after exactly one lap
 *     the chase must be back at its start,
 *   - copies the lower half of the arena onto the upper half,
 *   - walks the upper half downwards.
 * At the end every arena word is folded into the checksum. */
#include "bench.h"

#ifdef BENCH_SMALL
#define ARENA_WORDS (1u << 16) /* 256 KiB */
#define CHAIN_LEN (1u << 14)   /* 64 KiB */
#define ROUNDS 2
/* Obtained by running memwalk-small-rv64.elf and memwalk-small-rv32.elf under
 * qemu-system-riscv64/-riscv32 7.2 (-icount shift=0), which agree, and a
 * native x86-64 build of this file, which agrees too. */
#define EXPECTED_CHECKSUM 0x0e10bd05u
#else
#define ARENA_WORDS (1u << 21) /* 8 MiB */
#define CHAIN_LEN (1u << 20)   /* 4 MiB */
#define ROUNDS 5
/* Obtained as for BENCH_SMALL, with the full sizes. */
#define EXPECTED_CHECKSUM 0x3edcd383u
#endif

#define ARENA_MASK (ARENA_WORDS - 1u)
#define HALF (ARENA_WORDS / 2u)

static uint32_t arena[ARENA_WORDS];
static uint32_t chain[CHAIN_LEN];

/* In words: sequential, just over four 4 KiB pages, one 64-byte line, a
 * large power of two (many accesses to one cache set), odd. */
static const uint32_t strides[] = {1, 4097, 16, 4096, 3};
#define STRIDE_COUNT (sizeof strides / sizeof strides[0])

static uint32_t stride_walk(uint32_t stride, uint32_t acc) {
  for (uint32_t first = 0; first < stride; first++) {
    for (uint32_t i = first; i < ARENA_WORDS; i += stride) {
      uint32_t v = arena[i];
      acc = (acc << 5) + acc + v;
      arena[i] = v ^ (acc >> 7);
    }
  }
  return acc;
}

/* Sattolo's variant of the Fisher-Yates shuffle: j < i strictly, so the
 * permutation is one cycle through every element. */
static void build_chain(uint32_t* rng) {
  for (uint32_t i = 0; i < CHAIN_LEN; i++) chain[i] = i;
  for (uint32_t i = CHAIN_LEN - 1; i > 0; i--) {
    uint32_t j = bench_rand(rng) % i;
    uint32_t t = chain[i];
    chain[i] = chain[j];
    chain[j] = t;
  }
}

static uint32_t chase(uint32_t acc, uint32_t* errors) {
  uint32_t p = 0;
  for (uint32_t step = 0; step < CHAIN_LEN; step++) {
    p = chain[p];
    uint32_t* w = &arena[(p * (ARENA_WORDS / CHAIN_LEN) + (step & 1u)) & ARENA_MASK];
    *w = (*w ^ acc) + step;
    acc = acc * 31u + p;
  }
  if (p != 0) (*errors)++;
  return acc;
}

static void copy_lower_to_upper(uint32_t round) {
  for (uint32_t i = 0; i < HALF; i++) arena[HALF + i] = arena[i] + round;
}

static uint32_t walk_down(uint32_t acc) {
  for (uint32_t i = ARENA_WORDS; i > HALF; i -= 2) {
    acc ^= arena[i - 1];
    acc = (acc << 3) | (acc >> 29);
    arena[i - 2] += acc;
  }
  return acc;
}

int main(void) {
  uint32_t errors = 0;
  uint32_t rng = 0x9abcdefu;
  uint64_t start = bench_begin();

  for (uint32_t i = 0; i < ARENA_WORDS; i++) arena[i] = bench_rand(&rng);
  build_chain(&rng);

  uint32_t acc = 0;
  for (uint32_t round = 0; round < ROUNDS; round++) {
    acc = stride_walk(strides[round % STRIDE_COUNT], acc);
    acc = chase(acc, &errors);
    copy_lower_to_upper(round);
    acc = walk_down(acc);
  }

  uint32_t sum = bench_fold(0, acc);
  for (uint32_t i = 0; i < ARENA_WORDS; i++) sum = bench_fold(sum, arena[i]);
  return bench_end("memwalk", start, sum, EXPECTED_CHECKSUM, errors);
}
