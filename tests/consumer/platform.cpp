// Uses the installed package the way a SystemC embedder does: the built-in
// virt platform, a three-instruction program that ends the run through the
// test finisher with status 3, and the exit status checked.
#include <rvtlm/platforms/platform.h>

#include <cstdint>
#include <cstdio>
#include <systemc>

int sc_main(int, char**) {
  rvtlm::platforms::PlatformOptions options;
  options.console = "null";
  rvtlm::platforms::Platform platform("platform", rvtlm::platforms::description_by_name("virt"),
                                      options);
  const uint32_t program[] = {
      0x001002b7,  // lui t0, 0x100        (the finisher)
      0x00033337,  // lui t1, 0x33
      0x3333031b,  // addiw t1, t1, 819    (0x33333: fail with status 3)
      0x0062a023,  // sw t1, 0(t0)
  };
  platform.load(0x80000000, program, sizeof program);
  sc_core::sc_start();
  if (!platform.finished() || platform.exit_code() != 3) {
    std::fprintf(stderr, "rvtlm-consumer-platform: expected exit status 3, got %d\n",
                 platform.exit_code());
    return 1;
  }
  std::printf("rvtlm-consumer-platform: ok\n");
  return 0;
}
