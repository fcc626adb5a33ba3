/* branchy: control-flow-heavy code, the kind that stresses how a simulator
 * ends, links and dispatches its translated blocks rather than how fast it
 * does arithmetic.
 *
 * Each round runs
 *   - a small register-machine interpreter (switch dispatch, one case per
 *     opcode) on two programs: total Collatz steps over a range of numbers,
 *     and greatest common divisors by repeated subtraction,
 *   - a tokenizer state machine over pseudo-random source-like text
 *     (identifiers, numbers, strings, comments, operators),
 *   - binary searches for pseudo-random keys in a sorted table,
 * all of which branch on data. */
#include "bench.h"

#ifdef BENCH_SMALL
#define ROUNDS 2
/* Obtained by running branchy-small-rv64.elf and branchy-small-rv32.elf under
 * qemu-system-riscv64/-riscv32 7.2 (-icount shift=0), which agree, and a
 * native x86-64 build of this file, which agrees too. */
#define EXPECTED_CHECKSUM 0xe38c4b50u
#else
#define ROUNDS 80
/* Obtained as for BENCH_SMALL, with the full round count. */
#define EXPECTED_CHECKSUM 0xf33268f7u
#endif

/* ---- register-machine interpreter ---------------------------------------- */

enum vm_opcode {
  VM_LI,   /* rd = imm */
  VM_MOV,  /* rd = rs1 */
  VM_ADD,  /* rd = rs1 + rs2 */
  VM_SUB,  /* rd = rs1 - rs2 */
  VM_XOR,  /* rd = rs1 ^ rs2 */
  VM_ADDI, /* rd = rs1 + imm */
  VM_ANDI, /* rd = rs1 & imm */
  VM_SHRI, /* rd = rs1 >> imm */
  VM_LD,   /* rd = mem[rs1 + imm] */
  VM_ST,   /* mem[rs1 + imm] = rs2 */
  VM_BEQZ, /* if rs1 == 0 goto imm */
  VM_BNEZ, /* if rs1 != 0 goto imm */
  VM_BLTU, /* if rs1 < rs2 goto imm */
  VM_JMP,  /* goto imm */
  VM_HALT
};

typedef struct {
  uint8_t op, rd, rs1, rs2;
  int32_t imm;
} vm_insn;

#define VM_REGS 8
#define VM_MEM_WORDS 257
#define COLLATZ_SPAN 150

typedef struct {
  uint32_t reg[VM_REGS];
  uint32_t mem[VM_MEM_WORDS];
  uint32_t executed;
} vm_state;

static vm_state vm;

static void vm_run(const vm_insn* code) {
  uint32_t* r = vm.reg;
  uint32_t pc = 0;
  uint32_t executed = 0;
  for (;;) {
    const vm_insn* in = &code[pc++];
    executed++;
    switch (in->op) {
      case VM_LI:
        r[in->rd] = (uint32_t)in->imm;
        break;
      case VM_MOV:
        r[in->rd] = r[in->rs1];
        break;
      case VM_ADD:
        r[in->rd] = r[in->rs1] + r[in->rs2];
        break;
      case VM_SUB:
        r[in->rd] = r[in->rs1] - r[in->rs2];
        break;
      case VM_XOR:
        r[in->rd] = r[in->rs1] ^ r[in->rs2];
        break;
      case VM_ADDI:
        r[in->rd] = r[in->rs1] + (uint32_t)in->imm;
        break;
      case VM_ANDI:
        r[in->rd] = r[in->rs1] & (uint32_t)in->imm;
        break;
      case VM_SHRI:
        r[in->rd] = r[in->rs1] >> in->imm;
        break;
      case VM_LD:
        r[in->rd] = vm.mem[(r[in->rs1] + (uint32_t)in->imm) % VM_MEM_WORDS];
        break;
      case VM_ST:
        vm.mem[(r[in->rs1] + (uint32_t)in->imm) % VM_MEM_WORDS] = r[in->rs2];
        break;
      case VM_BEQZ:
        if (r[in->rs1] == 0) pc = (uint32_t)in->imm;
        break;
      case VM_BNEZ:
        if (r[in->rs1] != 0) pc = (uint32_t)in->imm;
        break;
      case VM_BLTU:
        if (r[in->rs1] < r[in->rs2]) pc = (uint32_t)in->imm;
        break;
      case VM_JMP:
        pc = (uint32_t)in->imm;
        break;
      default:
        vm.executed += executed;
        return;
    }
  }
}

#define I(op, rd, rs1, rs2, imm) \
  { VM_##op, rd, rs1, rs2, imm }

/* r7 = sum over n in [r1, r2) of the Collatz steps from n down to 1. */
static const vm_insn collatz_program[] = {
    /*  0 */ I(LI, 7, 0, 0, 0),
    /*  1 */ I(MOV, 3, 1, 0, 0),   /* x = n */
    /*  2 */ I(ADDI, 6, 3, 0, -1), /* x == 1: next n */
    /*  3 */ I(BEQZ, 0, 6, 0, 13),
    /*  4 */ I(ADDI, 7, 7, 0, 1),
    /*  5 */ I(ANDI, 6, 3, 0, 1),
    /*  6 */ I(BNEZ, 0, 6, 0, 9),
    /*  7 */ I(SHRI, 3, 3, 0, 1), /* even: x /= 2 */
    /*  8 */ I(JMP, 0, 0, 0, 2),
    /*  9 */ I(ADD, 6, 3, 3, 0), /* odd: x = 3x + 1 */
    /* 10 */ I(ADD, 3, 6, 3, 0),
    /* 11 */ I(ADDI, 3, 3, 0, 1),
    /* 12 */ I(JMP, 0, 0, 0, 2),
    /* 13 */ I(ADDI, 1, 1, 0, 1),
    /* 14 */ I(BLTU, 0, 1, 2, 1),
    /* 15 */ I(HALT, 0, 0, 0, 0),
};

/* For i in [0, r2): mem[i] = gcd(mem[i], mem[i + 1]) by subtraction (all
 * values non-zero); r7 folds the results. */
static const vm_insn gcd_program[] = {
    /*  0 */ I(LI, 7, 0, 0, 0),
    /*  1 */ I(LI, 1, 0, 0, 0),
    /*  2 */ I(LD, 3, 1, 0, 0), /* a */
    /*  3 */ I(LD, 4, 1, 0, 1), /* b */
    /*  4 */ I(SUB, 5, 3, 4, 0),
    /*  5 */ I(BEQZ, 0, 5, 0, 11),
    /*  6 */ I(BLTU, 0, 3, 4, 9),
    /*  7 */ I(MOV, 3, 5, 0, 0), /* a > b: a -= b */
    /*  8 */ I(JMP, 0, 0, 0, 4),
    /*  9 */ I(SUB, 4, 4, 3, 0), /* a < b: b -= a */
    /* 10 */ I(JMP, 0, 0, 0, 4),
    /* 11 */ I(XOR, 7, 7, 3, 0),
    /* 12 */ I(ADD, 7, 7, 7, 0),
    /* 13 */ I(ADD, 7, 7, 1, 0),
    /* 14 */ I(ST, 0, 1, 3, 0),
    /* 15 */ I(ADDI, 1, 1, 0, 1),
    /* 16 */ I(BLTU, 0, 1, 2, 2),
    /* 17 */ I(HALT, 0, 0, 0, 0),
};

#undef I

static uint32_t run_interpreter(uint32_t round, uint32_t* rng) {
  uint32_t sum = 0;
  /* From every start below 10^5 the Collatz trajectory stays below 2^31. */
  vm.reg[1] = 1u + (round % 256u) * COLLATZ_SPAN;
  vm.reg[2] = vm.reg[1] + COLLATZ_SPAN;
  vm_run(collatz_program);
  sum = bench_fold(sum, vm.reg[7]);

  for (uint32_t i = 0; i < VM_MEM_WORDS; i++) vm.mem[i] = bench_rand(rng) % 1500u + 1u;
  vm.reg[2] = VM_MEM_WORDS - 1;
  vm_run(gcd_program);
  sum = bench_fold(sum, vm.reg[7]);
  return sum;
}

/* ---- tokenizer ------------------------------------------------------------ */

#define TEXT_LEN 4096

enum token_kind {
  TOK_IDENT,
  TOK_NUMBER,
  TOK_STRING,
  TOK_BAD_STRING,
  TOK_COMMENT,
  TOK_OP,
  TOK_KINDS
};

enum lex_state { LEX_START, LEX_IDENT, LEX_NUMBER, LEX_STRING, LEX_COMMENT };

static char text[TEXT_LEN];

static void make_text(uint32_t* rng) {
  static const char ops[] = "+-*/=<>;,(){}";
  for (uint32_t i = 0; i < TEXT_LEN; i++) {
    uint32_t r = bench_rand(rng);
    uint32_t pick = r & 63u;
    char c;
    if (pick < 26)
      c = (char)('a' + (r >> 8) % 26u);
    else if (pick < 36)
      c = (char)('0' + (r >> 8) % 10u);
    else if (pick < 46)
      c = ' ';
    else if (pick < 49)
      c = '\n';
    else if (pick < 51)
      c = '"';
    else if (pick < 52)
      c = '#';
    else if (pick < 54)
      c = '_';
    else
      c = ops[(r >> 8) % (sizeof ops - 1)];
    text[i] = c;
  }
}

static int is_letter(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static uint32_t tokenize(void) {
  uint32_t count[TOK_KINDS] = {0};
  uint32_t sum = 0;
  uint32_t number = 0;
  uint32_t begin = 0;
  enum lex_state state = LEX_START;
  for (uint32_t i = 0; i <= TEXT_LEN; i++) {
    /* A NUL past the end flushes the last token. */
    char c = i < TEXT_LEN ? text[i] : '\0';
    int emitted = -1;
    switch (state) {
      case LEX_IDENT:
        if (is_letter(c) || is_digit(c)) continue;
        emitted = TOK_IDENT;
        break;
      case LEX_NUMBER:
        if (is_digit(c)) {
          number = number * 10u + (uint32_t)(c - '0');
          continue;
        }
        emitted = TOK_NUMBER;
        sum = bench_fold(sum, number);
        break;
      case LEX_STRING:
        if (c == '"') {
          count[TOK_STRING]++;
          sum = bench_fold(sum, (TOK_STRING << 16) | (i + 1 - begin));
          state = LEX_START;
          continue;
        }
        if (c == '\n' || c == '\0') {
          emitted = TOK_BAD_STRING;
          break;
        }
        continue;
      case LEX_COMMENT:
        if (c != '\n' && c != '\0') continue;
        emitted = TOK_COMMENT;
        break;
      case LEX_START:
        break;
    }
    if (emitted >= 0) {
      count[emitted]++;
      sum = bench_fold(sum, ((uint32_t)emitted << 16) | (i - begin));
      state = LEX_START;
    }
    /* The character that ended a token starts the next one. */
    begin = i;
    if (is_letter(c)) {
      state = LEX_IDENT;
    } else if (is_digit(c)) {
      state = LEX_NUMBER;
      number = (uint32_t)(c - '0');
    } else if (c == '"') {
      state = LEX_STRING;
    } else if (c == '#') {
      state = LEX_COMMENT;
    } else if (c != ' ' && c != '\n' && c != '\0') {
      count[TOK_OP]++;
      sum = bench_fold(sum, (TOK_OP << 16) | (uint32_t)c);
    }
  }
  for (int k = 0; k < TOK_KINDS; k++) sum = bench_fold(sum, count[k]);
  return sum;
}

/* ---- binary search ---------------------------------------------------------- */

#define TABLE_LEN 2048
#define LOOKUPS 4096

static uint32_t table[TABLE_LEN];

/* Index of the first element >= key, or TABLE_LEN. */
static uint32_t lower_bound(uint32_t key) {
  uint32_t lo = 0;
  uint32_t hi = TABLE_LEN;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (table[mid] < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static uint32_t run_searches(uint32_t* rng, uint32_t* errors) {
  uint32_t key = 0;
  for (uint32_t i = 0; i < TABLE_LEN; i++) {
    key += 1u + (bench_rand(rng) & 7u);
    table[i] = key;
  }
  uint32_t limit = key + 16u;
  uint32_t found = 0;
  uint32_t sum = 0;
  for (uint32_t n = 0; n < LOOKUPS; n++) {
    uint32_t k = bench_rand(rng) % limit;
    uint32_t at = lower_bound(k);
    if (at < TABLE_LEN && table[at] == k) {
      found++;
    } else if ((at < TABLE_LEN && table[at] < k) || (at > 0 && table[at - 1] >= k)) {
      (*errors)++;
    }
    sum += at;
  }
  return bench_fold(sum, found);
}

int main(void) {
  uint32_t errors = 0;
  uint32_t sum = 0;
  uint32_t rng = 0x2468aceu;
  uint64_t start = bench_begin();
  for (uint32_t round = 0; round < ROUNDS; round++) {
    sum = bench_fold(sum, run_interpreter(round, &rng));
    make_text(&rng);
    sum = bench_fold(sum, tokenize());
    sum = bench_fold(sum, run_searches(&rng, &errors));
  }
  sum = bench_fold(sum, vm.executed);
  return bench_end("branchy", start, sum, EXPECTED_CHECKSUM, errors);
}
