// Decoded blocks: keyed by physical address (and by the virtual address and
// privilege they were decoded under, so aliases of one physical page get
// their own blocks with their own pcs), found through a jump cache keyed by
// virtual address, discarded when code is modified (coherence domain),
// fence.i, or a change of protection.
#include <algorithm>

#include "core.h"

namespace rvtlm::iss {
namespace {

constexpr bool is_block_ending(Op op) {
#define RVTLM_OP_CASE(name) \
  case Op::name:            \
    return true;
  switch (op) {
    RVTLM_BLOCK_ENDING_OPS(RVTLM_OP_CASE)
    default:
      return false;
  }
#undef RVTLM_OP_CASE
}

// An arena this large is discarded and decoding starts afresh.
constexpr std::size_t kArenaLimit = std::size_t{256} << 20;

}  // namespace

void* BlockArena::allocate(std::size_t size) {
  size = (size + 15) & ~std::size_t{15};
  if (current_ >= chunks_.size() || used_ + size > chunks_[current_].size) {
    if (current_ < chunks_.size()) ++current_;
    while (current_ < chunks_.size() && size > chunks_[current_].size) ++current_;
    if (current_ >= chunks_.size()) {
      const std::size_t bytes = std::max(kChunk, size);
      chunks_.push_back({std::make_unique<unsigned char[]>(bytes), bytes});
      current_ = chunks_.size() - 1;
    }
    used_ = 0;
  }
  void* p = chunks_[current_].data.get() + used_;
  used_ += size;
  return p;
}

std::size_t BlockArena::bytes_in_use() const {
  std::size_t n = used_;
  for (std::size_t i = 0; i < current_ && i < chunks_.size(); ++i) n += chunks_[i].size;
  return n;
}

void Core::flush_blocks() {
  blocks.clear();
  single_blocks.clear();
  tracked_ = nullptr;
  jump_cache.fill(JumpEntry{0, 0, nullptr});
  arena.reset();
  ++epoch_;
}

Block* Core::translate(uint64_t pc, uint64_t ppc, uint64_t retired, unsigned max_insns) {
  const uint64_t xmask = xlen == 32 ? 0xffffffffu : ~uint64_t{0};
  pending.clear();
  uint64_t a = pc;
  uint64_t pa = ppc;
  const uint64_t page_end = (pc | Mmu::kPageMask) + 1;
  bool crosses_page = false;
  while (pending.size() < max_insns) {
    if (!pending.empty() && !breakpoints.empty() && breakpoints.count(a)) break;
    uint16_t lo;
    MemFault f;
    if (!mmu.fetch16(pa, a, lo, retired, f)) {
      if (pending.empty()) {
        fault = f;
        return nullptr;
      }
      break;
    }
    uint32_t bits = lo;
    unsigned len = 2;
    if ((lo & 3) == 3) {
      uint16_t hi;
      uint64_t pa_hi = pa + 2;
      const uint64_t a_hi = (a + 2) & xmask;
      if ((a_hi & Mmu::kPageMask) == 0) {
        // The upper half lies on the next page: such an instruction is a
        // block of its own, decoded again each time (its translation
        // depends on two pages).
        if (!pending.empty()) break;
        if (!mmu.translate_fetch(a_hi, pa_hi, f, retired)) {
          fault = f;
          return nullptr;
        }
        crosses_page = true;
      }
      if (!mmu.fetch16(pa_hi, a_hi, hi, retired, f)) {
        if (pending.empty()) {
          fault = f;
          return nullptr;
        }
        break;
      }
      bits |= uint32_t{hi} << 16;
      len = 4;
    }
    Operands o;
    const Encoding* e = decoder.decode(bits, o);
    DecodedInsn d{};
    const Op op = e ? e->op : Op::illegal;
    d.op = static_cast<uint16_t>(op);
    d.handler = labels[d.op];
    d.rd = (e && e->sig.rd == RegClass::X && o.rd == 0) ? 32 : o.rd;
    d.rs1 = o.rs1;
    d.rs2 = o.rs2;
    d.rs3 = o.rs3;
    d.rm = o.rm;
    d.imm = static_cast<int32_t>(o.imm);
    d.len = static_cast<uint8_t>(len);
    d.bits = bits;
    d.pc = a;
    pending.push_back(d);
    a = (a + len) & xmask;
    pa += len;
    if (crosses_page || is_block_ending(op) || a >= page_end || a < pc) break;
  }
  // Instrumenters see the block before it is laid out: they may add entry
  // ops and replace the handlers of the instructions they hook.
  const BlockHooks* hooks = nullptr;
  std::size_t n_entry = 0;
  if (!instrumenters.empty()) {
    instrument(pc, ppc, pending, pending_entry, hooks);
    n_entry = pending_entry.size();
  }
  DecodedInsn sentinel{};
  sentinel.op = static_cast<uint16_t>(Op::block_end);
  sentinel.handler = labels[sentinel.op];
  sentinel.pc = a;
  pending.push_back(sentinel);

  if (arena.bytes_in_use() > kArenaLimit) async |= kAsyncFlush;  // at the next block boundary
  auto* b = static_cast<Block*>(arena.allocate(sizeof(Block)));
  auto* entry =
      static_cast<DecodedInsn*>(arena.allocate((n_entry + pending.size()) * sizeof(DecodedInsn)));
  if (n_entry) std::copy(pending_entry.begin(), pending_entry.end(), entry);
  DecodedInsn* insns = entry + n_entry;
  std::copy(pending.begin(), pending.end(), insns);
  *b = Block{};
  b->entry = entry;
  b->hooks = hooks;
  b->pc = pc;
  b->ppc = ppc;
  b->end = a;
  b->count = static_cast<uint32_t>(pending.size() - 1);
  b->priv = s.priv;
  b->cached = !crosses_page;
  b->insns = insns;
  const uint64_t bytes = pa - ppc;
  domain.add_code(ppc, ppc + (bytes ? bytes : 4));
  return b;
}

Block* Core::lookup(uint64_t pc, uint64_t retired) {
  JumpEntry& j = jump_cache[(pc >> 1) & (kJumpCacheSize - 1)];
  const uint32_t tag = link_tag();
  if (j.block && j.pc == pc && j.tag == tag) return j.block;
  uint64_t ppc;
  if (!mmu.translate_fetch(pc, ppc, fault, retired)) return nullptr;
  Block* b = nullptr;
  auto it = blocks.find(ppc);
  if (it != blocks.end()) {
    for (Block* a = it->second; a; a = a->alias) {
      if (a->pc == pc && a->priv == s.priv) {
        b = a;
        break;
      }
    }
  }
  if (!b) {
    b = translate(pc, ppc, retired, config.max_block_insns);
    if (!b || !b->cached) return b;
    Block*& head = blocks[ppc];
    b->alias = head;
    head = b;
  }
  j = {pc, tag, b};
  return b;
}

// The block of one instruction that executes the first instruction of `b`
// on its own (a run's budget ends inside `b`, or the hart steps): an
// instrumented block is decoded again, one instruction long, so that its
// entry hooks and costs match what runs.
Block* Core::single_block(const Block& b, uint64_t retired) {
  auto it = single_blocks.find(b.ppc);
  if (it != single_blocks.end()) {
    for (Block* a = it->second; a; a = a->alias)
      if (a->pc == b.pc && a->priv == b.priv) return a;
  }
  Block* one = translate(b.pc, b.ppc, retired, 1);
  if (!one || !one->cached) return one;
  Block*& head = single_blocks[b.ppc];
  one->alias = head;
  head = one;
  return one;
}

}  // namespace rvtlm::iss
