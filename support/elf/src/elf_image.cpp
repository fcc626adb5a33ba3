#include "rvtlm/elf/elf_image.h"

#include <gelf.h>
#include <libelf.h>

#include <memory>

namespace rvtlm::elf {
namespace {

struct ElfHandle {
  Elf* elf = nullptr;
  ~ElfHandle() {
    if (elf) elf_end(elf);
  }
};

}  // namespace

ElfImage::ElfImage(const std::string& path) : path_(path) {
  const auto fail = [&](const std::string& problem) { throw ElfError(path + ": " + problem); };
  if (elf_version(EV_CURRENT) == EV_NONE) fail("libelf initialisation failed");
  try {
    file_ = std::make_shared<const InputFile>(path);
  } catch (const FileError& e) {
    throw ElfError(e.what());
  }
  const uint64_t file_size = file_->size();

  ElfHandle h;
  h.elf = elf_begin(file_->descriptor(), ELF_C_READ, nullptr);
  if (!h.elf || elf_kind(h.elf) != ELF_K_ELF) fail("not an ELF file");
  const int cls = gelf_getclass(h.elf);
  if (cls != ELFCLASS32 && cls != ELFCLASS64) fail("unknown ELF class");
  xlen_ = cls == ELFCLASS32 ? 32 : 64;
  GElf_Ehdr eh;
  if (!gelf_getehdr(h.elf, &eh)) fail("truncated ELF header");
  if (eh.e_ident[EI_DATA] != ELFDATA2LSB) fail("not a little-endian ELF file");
  if (eh.e_machine != EM_RISCV)
    fail("not a RISC-V ELF file (e_machine " + std::to_string(eh.e_machine) + ")");
  if (eh.e_type != ET_EXEC) fail("not an executable ELF file");
  entry_ = eh.e_entry;
  if (eh.e_phnum != 0 &&
      (eh.e_phoff > file_size || uint64_t{eh.e_phnum} * eh.e_phentsize > file_size - eh.e_phoff))
    fail("truncated: the program header table extends past the end of the file");
  if (eh.e_shnum != 0 &&
      (eh.e_shoff > file_size || uint64_t{eh.e_shnum} * eh.e_shentsize > file_size - eh.e_shoff))
    fail("truncated: the section header table extends past the end of the file");

  std::size_t count = 0;
  if (elf_getphdrnum(h.elf, &count) != 0) fail("truncated program header table");
  for (std::size_t i = 0; i < count; ++i) {
    GElf_Phdr ph;
    if (!gelf_getphdr(h.elf, static_cast<int>(i), &ph)) fail("truncated program header table");
    if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
    if (ph.p_filesz > ph.p_memsz)
      fail("segment " + std::to_string(i) + " is larger in the file than in memory");
    if (ph.p_offset > file_size || ph.p_filesz > file_size - ph.p_offset)
      fail("truncated: segment " + std::to_string(i) + " extends past the end of the file");
    if (ph.p_paddr + ph.p_memsz < ph.p_paddr)
      fail("segment " + std::to_string(i) + " wraps around the address space");
    ElfSegment seg;
    seg.address = ph.p_paddr;
    seg.memory_size = ph.p_memsz;
    seg.file_size = ph.p_filesz;
    seg.file_offset = ph.p_offset;
    segments_.push_back(seg);
  }
  if (segments_.empty()) fail("no loadable segment");

  std::size_t names = 0;
  const bool have_names = elf_getshdrstrndx(h.elf, &names) == 0;
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(h.elf, scn)) != nullptr) {
    GElf_Shdr sh;
    if (!gelf_getshdr(scn, &sh)) continue;
    if ((sh.sh_flags & SHF_ALLOC) && (sh.sh_flags & SHF_EXECINSTR) && sh.sh_size != 0) {
      const char* name = have_names ? elf_strptr(h.elf, names, sh.sh_name) : nullptr;
      code_.push_back({name ? name : "?", sh.sh_addr, sh.sh_size});
    }
    if (sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data) continue;
    const std::size_t n = sh.sh_size / sh.sh_entsize;
    for (std::size_t k = 0; k < n; ++k) {
      GElf_Sym sym;
      if (!gelf_getsym(data, static_cast<int>(k), &sym)) break;
      const char* name = elf_strptr(h.elf, sh.sh_link, sym.st_name);
      if (name && *name && sym.st_shndx != SHN_UNDEF) symbols_.emplace(name, sym.st_value);
    }
  }
}

void ElfImage::read(const ElfSegment& segment, void* bytes) const {
  try {
    file_->read(segment.file_offset, bytes, segment.file_size);
  } catch (const FileError& e) {
    throw ElfError(e.what());
  }
}

const ElfImage::Section* ElfImage::code_at(uint64_t address, uint64_t length) const {
  for (const Section& c : code_)
    if (length != 0 && address <= c.address + (c.size - 1) && c.address <= address + (length - 1))
      return &c;
  return nullptr;
}

std::optional<uint64_t> ElfImage::symbol(const std::string& name) const {
  auto it = symbols_.find(name);
  if (it == symbols_.end()) return std::nullopt;
  return it->second;
}

}  // namespace rvtlm::elf
