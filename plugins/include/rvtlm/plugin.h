/* rvtlm/plugin.h: the C ABI of rvtlm plugins (docs/PLUGINS.md).
 *
 * A plugin is a shared object (or code linked into an embedder) that
 * includes only this header. It exports two symbols with C linkage:
 *
 *   RVTLM_PLUGIN_DECLARE_VERSION;                       the API version it was built for
 *   RVTLM_PLUGIN_INSTALL(const rvtlm_api* api, rvtlm_plugin* self,
 *                        int argc, const rvtlm_arg* argv) { ... return 0; }
 *
 * The function table only grows: the host loads a plugin built for its own
 * API version or an earlier one, and refuses one built for a later version.
 * The install
 * function receives the host's function table, its own handle and its
 * arguments (`--plugin NAME,key=value,...`); it registers callbacks and
 * returns 0, or calls api->set_error() and returns non-zero.
 *
 * When a block of guest code is decoded, the plugin's block callbacks choose
 * what runs when it executes: callbacks and counters on entry of the block,
 * callbacks before or after an instruction or after its memory access,
 * counters incremented in the decoded code itself (no call), and costs
 * charged to the hart. Code nobody asked for runs at full speed.
 *
 * Time: a plugin may take over how a hart's execution becomes simulated time
 * (control_time): a time per instruction (possibly none) and the worth of a
 * charged unit. Charges — static per instruction, or from callbacks (a cache
 * miss seen in a memory callback) — are added to the hart's local time like
 * instruction time: an MMIO access carries every cost charged before its
 * instruction, timer deadlines still bound the hart's runs, and runs stay
 * deterministic.
 *
 * Threads: all callbacks of one simulation come from one thread. Execution
 * callbacks may read registers, CSRs and memory (debug path, no side
 * effects), and may change integer and floating-point registers and memory
 * (version 2: fault injection, models of hardware the guest does not see);
 * a change is seen by the next instruction, or by the current one from a
 * callback before it. The handles passed to callbacks are
 * valid during the call; a rvtlm_block only during its block callback.
 */
#ifndef RVTLM_PLUGIN_H
#define RVTLM_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#define RVTLM_PLUGIN_EXTERN_C extern "C"
#else
#define RVTLM_PLUGIN_EXTERN_C
#endif

/* Incompatible changes raise it; functions are only ever added at the end
 * of rvtlm_api (see rvtlm_api.size). */
#define RVTLM_PLUGIN_API_VERSION 2

#define RVTLM_PLUGIN_EXPORT __attribute__((visibility("default")))

#define RVTLM_PLUGIN_VERSION_SYMBOL "rvtlm_plugin_api_version"
#define RVTLM_PLUGIN_INSTALL_SYMBOL "rvtlm_plugin_install"

#define RVTLM_PLUGIN_DECLARE_VERSION                                                  \
  RVTLM_PLUGIN_EXTERN_C RVTLM_PLUGIN_EXPORT const uint32_t rvtlm_plugin_api_version = \
      RVTLM_PLUGIN_API_VERSION
#define RVTLM_PLUGIN_INSTALL RVTLM_PLUGIN_EXTERN_C RVTLM_PLUGIN_EXPORT int rvtlm_plugin_install

typedef struct rvtlm_plugin rvtlm_plugin; /* one installed plugin */
typedef struct rvtlm_hart rvtlm_hart;     /* a hart */
typedef struct rvtlm_block rvtlm_block;   /* a block being decoded */

/* One argument: `key=value` of the plugin's specification. */
typedef struct rvtlm_arg {
  const char* key;
  const char* value;
} rvtlm_arg;

/* Instruction classes. */
enum rvtlm_insn_class {
  RVTLM_INSN_ALU,         /* integer arithmetic, logic, shifts, lui/auipc, bit manipulation */
  RVTLM_INSN_MULTIPLY,    /* mul* */
  RVTLM_INSN_DIVIDE,      /* div*, rem* */
  RVTLM_INSN_LOAD,        /* integer loads */
  RVTLM_INSN_STORE,       /* integer stores */
  RVTLM_INSN_ATOMIC,      /* lr, sc, amo* */
  RVTLM_INSN_BRANCH,      /* conditional branches */
  RVTLM_INSN_JUMP,        /* jal, jalr */
  RVTLM_INSN_CSR,         /* Zicsr */
  RVTLM_INSN_SYSTEM,      /* ecall, ebreak, mret, sret, wfi, sfence.vma, fence.i */
  RVTLM_INSN_FENCE,       /* fence, fence.tso, pause */
  RVTLM_INSN_FP_LOAD,     /* flw, fld */
  RVTLM_INSN_FP_STORE,    /* fsw, fsd */
  RVTLM_INSN_FP_ADD,      /* fadd, fsub, fmin, fmax, compare, classify, sign injection */
  RVTLM_INSN_FP_MULTIPLY, /* fmul */
  RVTLM_INSN_FP_FMA,      /* fmadd, fmsub, fnmsub, fnmadd */
  RVTLM_INSN_FP_DIVIDE,   /* fdiv, fsqrt */
  RVTLM_INSN_FP_CONVERT,  /* fcvt, fmv */
  RVTLM_INSN_ILLEGAL,     /* not an instruction of the hart */
  RVTLM_INSN_CLASS_COUNT
};

/* A data access, after it was performed. */
#define RVTLM_MEM_LOAD 1u
#define RVTLM_MEM_STORE 2u  /* both for an AMO */
#define RVTLM_MEM_DEVICE 4u /* through the bus (MMIO), not a direct pointer to RAM */
typedef struct rvtlm_mem_access {
  uint64_t vaddr;
  uint64_t paddr; /* physical (equal to vaddr without paging) */
  uint32_t size;
  uint32_t flags;
} rvtlm_mem_access;

/* A trap the hart took (exception or interrupt). */
typedef struct rvtlm_trap_info {
  uint64_t cause; /* without the interrupt bit */
  uint64_t tval;
  uint64_t epc;
  uint64_t handler; /* where the hart continues */
  uint64_t retired; /* instructions retired before the trap */
  uint32_t interrupt;
  uint32_t from_privilege; /* 0 user, 1 supervisor, 3 machine */
  uint32_t to_privilege;
} rvtlm_trap_info;

typedef void (*rvtlm_block_cb)(rvtlm_block* block, void* data);
typedef void (*rvtlm_exec_cb)(rvtlm_hart* hart, uint64_t pc, void* data);
typedef void (*rvtlm_after_cb)(rvtlm_hart* hart, uint64_t pc, uint64_t next_pc, void* data);
typedef void (*rvtlm_mem_cb)(rvtlm_hart* hart, uint64_t pc, const rvtlm_mem_access* access,
                             void* data);
typedef void (*rvtlm_trap_cb)(rvtlm_hart* hart, const rvtlm_trap_info* trap, void* data);
typedef void (*rvtlm_privilege_cb)(rvtlm_hart* hart, unsigned from, unsigned to, void* data);
typedef void (*rvtlm_hart_cb)(rvtlm_hart* hart, void* data);
typedef void (*rvtlm_exit_cb)(void* data);
typedef void (*rvtlm_tick_cb)(uint64_t now_ps, void* data);

typedef struct rvtlm_api {
  uint32_t version; /* the host's RVTLM_PLUGIN_API_VERSION */
  uint32_t size;    /* sizeof(rvtlm_api) in the host */

  /* ---- the plugin ------------------------------------------------------ */
  const char* (*plugin_name)(const rvtlm_plugin* self);
  /* Why install failed (shown to the user on one line). */
  void (*set_error)(rvtlm_plugin* self, const char* message);
  unsigned (*harts)(const rvtlm_plugin* self);
  rvtlm_hart* (*hart)(rvtlm_plugin* self, unsigned index);
  /* SystemC time in picoseconds (0 without SystemC). */
  uint64_t (*time_ps)(const rvtlm_plugin* self);
  /* What an embedder gave PluginHost::install with a linked plugin (NULL
   * for a loaded one). */
  void* (*context)(const rvtlm_plugin* self);

  /* ---- registration (during install) ----------------------------------- */
  void (*on_block)(rvtlm_plugin* self, rvtlm_block_cb callback, void* data);
  void (*on_trap)(rvtlm_plugin* self, rvtlm_trap_cb callback, void* data);
  void (*on_privilege_change)(rvtlm_plugin* self, rvtlm_privilege_cb callback, void* data);
  void (*on_hart_start)(rvtlm_plugin* self, rvtlm_hart_cb callback, void* data);
  /* The hart exited or locked up. */
  void (*on_hart_stop)(rvtlm_plugin* self, rvtlm_hart_cb callback, void* data);
  /* The end of the run: print results, free what the plugin holds. */
  void (*on_exit)(rvtlm_plugin* self, rvtlm_exit_cb callback, void* data);
  /* Every period_ps of simulated time, as long as anything else is left to
   * simulate (SystemC harts only). 0, or -1 with an error set. */
  int (*every)(rvtlm_plugin* self, uint64_t period_ps, rvtlm_tick_cb callback, void* data);

  /* Takes over how hart `hart`'s execution becomes time: each instruction
   * takes seconds_per_insn (0: none, the time is what is charged; < 0: keep
   * the hart's time model) and each charged unit seconds_per_unit (0: charges
   * do not become time). During install, SystemC harts only, one plugin per
   * hart. 0, or -1 with an error set. */
  int (*control_time)(rvtlm_plugin* self, unsigned hart, double seconds_per_insn,
                      double seconds_per_unit);

  /* ---- a block being decoded (in its block callback) -------------------- */
  unsigned (*block_hart)(const rvtlm_block* block);
  uint64_t (*block_pc)(const rvtlm_block* block);
  uint64_t (*block_physical_pc)(const rvtlm_block* block);
  unsigned (*block_privilege)(const rvtlm_block* block);
  size_t (*block_size)(const rvtlm_block* block); /* instructions */
  uint64_t (*insn_pc)(const rvtlm_block* block, size_t i);
  uint32_t (*insn_bits)(const rvtlm_block* block, size_t i);
  unsigned (*insn_size)(const rvtlm_block* block, size_t i);        /* 2 or 4 */
  unsigned (*insn_class)(const rvtlm_block* block, size_t i);       /* enum rvtlm_insn_class */
  unsigned (*insn_memory_size)(const rvtlm_block* block, size_t i); /* bytes, 0: none */
  const char* (*insn_mnemonic)(const rvtlm_block* block, size_t i);
  /* "addi\ta0,a0,1" (objdump -M no-aliases style); valid during the callback. */
  const char* (*insn_disassembly)(rvtlm_block* block, size_t i);
  /* Memory that lives as long as the decoded block (16-byte aligned). */
  void* (*block_alloc)(rvtlm_block* block, size_t bytes);

  /* On entry of the block (it is executed whole). */
  void (*block_exec_cb)(rvtlm_block* block, rvtlm_exec_cb callback, void* data);
  void (*block_inline_add)(rvtlm_block* block, uint64_t* counter, uint64_t value);
  /* Before instruction i. */
  void (*insn_exec_cb)(rvtlm_block* block, size_t i, rvtlm_exec_cb callback, void* data);
  void (*insn_inline_add)(rvtlm_block* block, size_t i, uint64_t* counter, uint64_t value);
  /* After instruction i retired, with the next pc. */
  void (*insn_after_cb)(rvtlm_block* block, size_t i, rvtlm_after_cb callback, void* data);
  /* After instruction i's load, store or atomic access. */
  void (*insn_mem_cb)(rvtlm_block* block, size_t i, rvtlm_mem_cb callback, void* data);
  /* A static cost of instruction i, charged when it retires. */
  void (*insn_charge)(rvtlm_block* block, size_t i, uint64_t units);

  /* ---- a hart (in execution callbacks, or between runs) ------------------ */
  unsigned (*hart_index)(const rvtlm_hart* hart);
  uint64_t (*hart_pc)(const rvtlm_hart* hart);
  uint64_t (*hart_retired)(const rvtlm_hart* hart); /* before the current instruction */
  unsigned (*hart_privilege)(const rvtlm_hart* hart);
  unsigned (*hart_xlen)(const rvtlm_hart* hart);
  uint64_t (*hart_reg)(const rvtlm_hart* hart, unsigned index);
  uint64_t (*hart_freg)(const rvtlm_hart* hart, unsigned index);
  int (*hart_read_csr)(rvtlm_hart* hart, unsigned number, uint64_t* value); /* 0: no such CSR */
  /* Virtual address, translated as the hart's loads are; 0 if unmapped. */
  int (*hart_read_memory)(rvtlm_hart* hart, uint64_t vaddr, void* buffer, size_t size);
  /* A cost charged now (from a callback: to the current instruction). */
  void (*hart_charge)(rvtlm_hart* hart, uint64_t units);
  uint64_t (*hart_charged)(const rvtlm_hart* hart);
  /* The hart's own time in picoseconds (SystemC time plus its offset). */
  uint64_t (*hart_time_ps)(const rvtlm_hart* hart);

  /* ---- version 2: changing a hart's state from a callback ---------------- */
  /* x0 stays zero; an RV32 hart keeps the low 32 bits. */
  void (*hart_set_reg)(rvtlm_hart* hart, unsigned index, uint64_t value);
  void (*hart_set_freg)(rvtlm_hart* hart, unsigned index, uint64_t value);
  /* Virtual address, translated as the hart's stores are, written through
   * the debug path (devices see a debug access, decoded code that the write
   * changes is decoded again); 0 if some byte is unmapped. */
  int (*hart_write_memory)(rvtlm_hart* hart, uint64_t vaddr, const void* buffer, size_t size);
} rvtlm_api;

typedef int (*rvtlm_plugin_install_fn)(const rvtlm_api* api, rvtlm_plugin* self, int argc,
                                       const rvtlm_arg* argv);

#ifdef __cplusplus
}
#endif

#endif
