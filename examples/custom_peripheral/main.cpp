// custom-peripheral: runs a guest on a platform description that uses a
// device type rvtlm does not know, example,checksum, registered here.
//   custom-peripheral platform.json guest.elf
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <systemc>

#include "checksum_type.h"
#include "rvtlm/elf/elf_image.h"
#include "rvtlm/platforms/description.h"
#include "rvtlm/platforms/device_registry.h"
#include "rvtlm/platforms/platform.h"

namespace {

constexpr int kUsageError = 2;
constexpr int kStalledStatus = 125;

namespace platforms = rvtlm::platforms;

int run(const std::string& description_path, const std::string& elf_path) {
  platforms::DeviceRegistry registry = platforms::DeviceRegistry::builtin();
  registry.add("example,checksum", example::checksum_type());

  platforms::PlatformDescription description = platforms::load_description(description_path);
  const rvtlm::elf::ElfImage program(elf_path);

  platforms::PlatformOptions options;
  options.use_program(program);  // entry point, HTIF symbols, register width
  options.console = "stdio";
  platforms::Platform platform("platform", std::move(description), options, registry);
  platform.load_elf(program);

  sc_core::sc_start();
  if (sc_core::sc_get_status() != sc_core::SC_STOPPED) sc_core::sc_stop();
  std::fflush(stdout);
  if (!platform.finished()) {
    std::fprintf(stderr, "custom-peripheral: the guest stopped without finishing at %s\n",
                 sc_core::sc_time_stamp().to_string().c_str());
    return kStalledStatus;
  }
  return platform.exit_code();
}

}  // namespace

int sc_main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: custom-peripheral platform.json guest.elf\n");
    return kUsageError;
  }
  // stdout is the guest's console: SystemC's "simulation stopped" notes
  // would end up in the middle of it.
  sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
  sc_core::sc_report_handler::set_actions("/IEEE_Std_1666/deprecated", sc_core::SC_DO_NOTHING);
  try {
    return run(argv[1], argv[2]);
  } catch (const std::exception& e) {
    // Description, ELF and load errors, and SystemC's own (sc_report).
    std::fprintf(stderr, "custom-peripheral: %s\n", e.what());
  }
  return kUsageError;
}

// SystemC prints its banner when the kernel starts unless told not to first.
int main(int argc, char** argv) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 0);
  return sc_core::sc_elab_and_sim(argc, argv);
}
