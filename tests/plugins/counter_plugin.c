/* A plugin in plain C (C11, no C++), built by the test suite as a shared
 * object and loaded by path: it proves the C ABI of rvtlm/plugin.h.
 *
 *   out=PATH       where the counts go at the end of the run (required)
 *   charge=N       charge N units per instruction, statically
 *   unit_ps=P      take over time: a unit is P ps (instructions keep theirs)
 *   store_ps=S     with unit_ps: also charge S units after each store
 *   fail=1         refuse to install
 *
 * Per block: entries (inline, on entry), and per instruction executions,
 * loads and stores (inline, exact); memory accesses, traps, privilege
 * changes and hart starts through callbacks. Built with -DTEST_BAD_VERSION it
 * claims API version 999, with -DTEST_VERSION_1 version 1 (it uses nothing
 * added later); with -DTEST_NO_INSTALL it has no install function.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rvtlm/plugin.h"

#if defined(TEST_BAD_VERSION)
RVTLM_PLUGIN_EXPORT const uint32_t rvtlm_plugin_api_version = 999;
#elif defined(TEST_VERSION_1)
RVTLM_PLUGIN_EXPORT const uint32_t rvtlm_plugin_api_version = 1;
#else
RVTLM_PLUGIN_DECLARE_VERSION;
#endif

#ifndef TEST_NO_INSTALL

typedef struct Block {
  struct Block* next;
  uint64_t pc;
  unsigned hart;
  uint32_t size;
  uint64_t entries;
  uint64_t insns;
  uint64_t loads;
  uint64_t stores;
} Block;

typedef struct State {
  const rvtlm_api* api;
  rvtlm_plugin* self;
  FILE* out;
  Block* blocks;
  uint64_t charge;
  uint64_t store_units;
  uint64_t memory;
  uint64_t device;
  uint64_t traps;
  uint64_t last_cause;
  uint64_t privilege_changes;
  uint64_t starts;
} State;

static void on_memory(rvtlm_hart* hart, uint64_t pc, const rvtlm_mem_access* a, void* data) {
  State* s = (State*)data;
  (void)pc;
  ++s->memory;
  if (a->flags & RVTLM_MEM_DEVICE) ++s->device;
  if ((a->flags & RVTLM_MEM_STORE) && s->store_units) s->api->hart_charge(hart, s->store_units);
}

static void on_block(rvtlm_block* b, void* data) {
  State* s = (State*)data;
  const rvtlm_api* api = s->api;
  Block* block = (Block*)calloc(1, sizeof(Block));
  size_t i;
  if (!block) return;
  block->pc = api->block_pc(b);
  block->hart = api->block_hart(b);
  block->size = (uint32_t)api->block_size(b);
  block->next = s->blocks;
  s->blocks = block;
  api->block_inline_add(b, &block->entries, 1);
  for (i = 0; i < api->block_size(b); ++i) {
    const unsigned cls = api->insn_class(b, i);
    api->insn_inline_add(b, i, &block->insns, 1);
    if (cls == RVTLM_INSN_LOAD) api->insn_inline_add(b, i, &block->loads, 1);
    if (cls == RVTLM_INSN_STORE) api->insn_inline_add(b, i, &block->stores, 1);
    if (api->insn_memory_size(b, i)) api->insn_mem_cb(b, i, on_memory, s);
    if (s->charge) api->insn_charge(b, i, s->charge);
  }
}

static void on_trap(rvtlm_hart* hart, const rvtlm_trap_info* trap, void* data) {
  State* s = (State*)data;
  (void)hart;
  ++s->traps;
  s->last_cause = trap->cause;
}

static void on_privilege(rvtlm_hart* hart, unsigned from, unsigned to, void* data) {
  (void)hart;
  (void)from;
  (void)to;
  ++((State*)data)->privilege_changes;
}

static void on_start(rvtlm_hart* hart, void* data) {
  (void)hart;
  ++((State*)data)->starts;
}

static void on_exit(void* data) {
  State* s = (State*)data;
  uint64_t insns = 0, loads = 0, stores = 0;
  Block* b;
  for (b = s->blocks; b; b = b->next) {
    insns += b->insns;
    loads += b->loads;
    stores += b->stores;
  }
  fprintf(s->out,
          "instructions=%llu loads=%llu stores=%llu memory=%llu device=%llu traps=%llu "
          "cause=%llu privilege-changes=%llu starts=%llu charged=%llu\n",
          (unsigned long long)insns, (unsigned long long)loads, (unsigned long long)stores,
          (unsigned long long)s->memory, (unsigned long long)s->device,
          (unsigned long long)s->traps, (unsigned long long)s->last_cause,
          (unsigned long long)s->privilege_changes, (unsigned long long)s->starts,
          (unsigned long long)s->api->hart_charged(s->api->hart(s->self, 0)));
  for (b = s->blocks; b; b = b->next) {
    if (b->entries == 0 && b->insns == 0) continue;
    fprintf(s->out, "block 0x%llx hart %u size %u entries %llu insns %llu loads %llu stores %llu\n",
            (unsigned long long)b->pc, b->hart, b->size, (unsigned long long)b->entries,
            (unsigned long long)b->insns, (unsigned long long)b->loads,
            (unsigned long long)b->stores);
  }
  fclose(s->out);
  while (s->blocks) {
    b = s->blocks;
    s->blocks = b->next;
    free(b);
  }
  free(s);
}

static int fail(const rvtlm_api* api, rvtlm_plugin* self, State* s, const char* message) {
  api->set_error(self, message);
  if (s && s->out) fclose(s->out);
  free(s);
  return 1;
}

RVTLM_PLUGIN_INSTALL(const rvtlm_api* api, rvtlm_plugin* self, int argc, const rvtlm_arg* argv) {
  State* s = (State*)calloc(1, sizeof(State));
  const char* out = NULL;
  double unit_ps = 0;
  unsigned h;
  int i;
  if (!s) return 1;
  s->api = api;
  s->self = self;
  if (api->version != RVTLM_PLUGIN_API_VERSION || api->size < sizeof(rvtlm_api))
    return fail(api, self, s, "host too old");
  for (i = 0; i < argc; ++i) {
    char* end = NULL;
    if (strcmp(argv[i].key, "out") == 0) {
      out = argv[i].value;
    } else if (strcmp(argv[i].key, "charge") == 0) {
      s->charge = strtoull(argv[i].value, &end, 10);
      if (!*argv[i].value || *end) return fail(api, self, s, "charge=: expected a whole number");
    } else if (strcmp(argv[i].key, "store_ps") == 0) {
      s->store_units = strtoull(argv[i].value, &end, 10);
      if (!*argv[i].value || *end) return fail(api, self, s, "store_ps=: expected a whole number");
    } else if (strcmp(argv[i].key, "unit_ps") == 0) {
      unit_ps = strtod(argv[i].value, &end);
      if (!*argv[i].value || *end || !(unit_ps > 0))
        return fail(api, self, s, "unit_ps=: expected a positive number");
    } else if (strcmp(argv[i].key, "fail") == 0) {
      return fail(api, self, s, "asked to fail");
    } else {
      return fail(api, self, s, "unknown argument (out, charge, unit_ps, store_ps, fail)");
    }
  }
  if (!out) return fail(api, self, s, "needs out=PATH");
  s->out = fopen(out, "w");
  if (!s->out) return fail(api, self, s, "cannot write out=");
  if (unit_ps > 0) {
    for (h = 0; h < api->harts(self); ++h)
      if (api->control_time(self, h, -1.0, unit_ps * 1e-12) != 0) {
        fclose(s->out);
        free(s);
        return 1;
      }
  }
  api->on_block(self, on_block, s);
  api->on_trap(self, on_trap, s);
  api->on_privilege_change(self, on_privilege, s);
  api->on_hart_start(self, on_start, s);
  api->on_exit(self, on_exit, s);
  return 0;
}
#endif
