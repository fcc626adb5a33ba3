/* compressed: pointer-chasing over small structs, built with -Os so that the
 * hot loops are made mostly of 16-bit (RVC) instructions: loads and stores at
 * small offsets from a pointer, register moves, small-immediate arithmetic
 * and branches on zero. It stresses the simulator's handling of mixed 16- and
 * 32-bit instructions (fetch, decode, pc increments, blocks that straddle
 * 4-byte boundaries).
 *
 * Each round
 *   - threads a pool of nodes into a list, walks it, reverses it, and splits
 *     it into two lists by a key bit and joins them again,
 *   - unlinks every node whose key has three low zero bits and counts them,
 *   - runs a round-robin scheduler over a queue of tasks: the head task does
 *     one step of work and either goes to the tail or, when finished, to a
 *     done list. */
#include "bench.h"

#ifdef BENCH_SMALL
#define ROUNDS 4
/* Obtained by running compressed-small-rv64.elf and compressed-small-rv32.elf
 * under qemu-system-riscv64/-riscv32 7.2 (-icount shift=0), which agree, and
 * a native x86-64 build of this file, which agrees too. */
#define EXPECTED_CHECKSUM 0xa0c71e05u
#else
#define ROUNDS 300
/* Obtained as for BENCH_SMALL, with the full round count. */
#define EXPECTED_CHECKSUM 0x074d5465u
#endif

/* Kept out of line: on its own, each loop gets its pointers and counters in
 * x8-x15, the registers that RVC loads, stores and arithmetic can name;
 * inlined into main, it would share main's registers and lose its 16-bit
 * forms. */
#define HOT __attribute__((noinline))

#define POOL_NODES 4096
#define WALKS 8
#define TASKS 64

struct node {
  struct node* next;
  uint32_t key;
  uint32_t val;
};

struct task {
  struct task* next;
  uint32_t id;
  uint32_t left; /* steps still to do */
  uint32_t acc;  /* work done so far */
};

struct queue {
  struct task* head;
  struct task* tail;
};

static struct node pool[POOL_NODES];
static struct task tasks[TASKS];

static HOT struct node* build_list(uint32_t seed) {
  struct node* head = 0;
  struct node* n = pool;
  for (uint32_t i = 0; i < POOL_NODES; i++, n++) {
    seed ^= seed << 3;
    seed ^= seed >> 5;
    seed += i;
    n->key = seed;
    n->val = i;
    n->next = head;
    head = n;
  }
  return head;
}

/* Independent of the order of the nodes: a reordered list must give the
 * same value. */
static HOT uint32_t walk(const struct node* n) {
  uint32_t vals = 0;
  uint32_t keys = 0;
  while (n) {
    vals += n->val;
    keys ^= n->key;
    n = n->next;
  }
  return vals ^ keys;
}

static HOT struct node* reverse(struct node* n) {
  struct node* prev = 0;
  while (n) {
    struct node* next = n->next;
    n->next = prev;
    prev = n;
    n = next;
  }
  return prev;
}

/* Stable split by key bit 0; the odd list is appended to the even one. */
static HOT struct node* split_join(struct node* n) {
  struct node even = {0, 0, 0};
  struct node odd = {0, 0, 0};
  struct node* e = &even;
  struct node* o = &odd;
  while (n) {
    if (n->key & 1) {
      o->next = n;
      o = n;
    } else {
      e->next = n;
      e = n;
    }
    n = n->next;
  }
  o->next = 0;
  e->next = odd.next;
  return even.next;
}

/* Unlinks the nodes whose key is a multiple of 8; returns how many. */
static HOT uint32_t drop_aligned(struct node** link) {
  uint32_t dropped = 0;
  struct node* n;
  while ((n = *link) != 0) {
    if ((n->key & 7) == 0) {
      *link = n->next;
      dropped++;
    } else {
      link = &n->next;
    }
  }
  return dropped;
}

static void enqueue(struct queue* q, struct task* t) {
  t->next = 0;
  if (q->tail)
    q->tail->next = t;
  else
    q->head = t;
  q->tail = t;
}

static struct task* dequeue(struct queue* q) {
  struct task* t = q->head;
  if (t) {
    q->head = t->next;
    if (!q->head) q->tail = 0;
  }
  return t;
}

static HOT uint32_t schedule(uint32_t seed) {
  struct queue ready = {0, 0};
  struct task* done = 0;
  for (uint32_t i = 0; i < TASKS; i++) {
    struct task* t = &tasks[i];
    t->id = i;
    t->left = 1 + ((seed >> (i & 15)) & 31) * 8;
    t->acc = 0;
    enqueue(&ready, t);
  }
  struct task* t;
  while ((t = dequeue(&ready)) != 0) {
    t->acc += t->id;
    t->acc ^= t->left;
    if (--t->left) {
      enqueue(&ready, t);
    } else {
      t->next = done;
      done = t;
    }
  }
  uint32_t sum = 0;
  for (t = done; t; t = t->next) {
    sum += t->acc;
    sum ^= t->id;
    sum += sum << 1;
  }
  return sum;
}

int main(void) {
  uint32_t errors = 0;
  uint32_t sum = 0;
  uint32_t rng = 0x13579bdu;
  uint64_t start = bench_begin();
  for (uint32_t round = 0; round < ROUNDS; round++) {
    uint32_t seed = bench_rand(&rng);
    struct node* list = build_list(seed);
    uint32_t contents = walk(list);
    sum = bench_fold(sum, contents);
    for (int w = 0; w < WALKS; w++) {
      list = reverse(list);
      list = split_join(list);
      if (walk(list) != contents) errors++;
      /* The order shows in which nodes come first. */
      sum = bench_fold(sum, list->val);
      sum = bench_fold(sum, list->next->next->val);
    }
    uint32_t dropped = drop_aligned(&list);
    uint32_t left = 0;
    for (struct node* n = list; n; n = n->next) left++;
    if (left + dropped != POOL_NODES) errors++;
    sum = bench_fold(sum, dropped);
    sum = bench_fold(sum, schedule(seed));
  }
  return bench_end("compressed", start, sum, EXPECTED_CHECKSUM, errors);
}
