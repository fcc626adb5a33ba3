// The SiFive test finisher ("sifive,test0"), which QEMU's virt machine has
// at 0x100000: one write-only register through which a guest ends the
// simulation with a pass or fail status, or asks for a reset.
#ifndef RVTLM_MODELS_TEST_FINISHER_H
#define RVTLM_MODELS_TEST_FINISHER_H

#include <functional>
#include <systemc>

#include "rvtlm/models/register_target.h"

namespace rvtlm::models {

// Register map (one 32-bit register, 4-byte accesses only; reads return 0):
//   0x00 finisher: low 16 bits are the status, as QEMU's hw/misc/sifive_test.c
//     0x5555  pass, exit code 0
//     0x3333  fail, exit code = value >> 16 (1 if that is 0, so that a failure
//             never looks like success)
//     0x7777  reset request
//     other   a warning naming the value; otherwise ignored
class TestFinisher : public RegisterTarget {
 public:
  explicit TestFinisher(const sc_core::sc_module_name& name);

  // Called once, from b_transport, on the first pass or fail. Empty:
  // sc_core::sc_stop(), which stops the kernel at the initiator's current
  // kernel time; finish_time() has the exact time of the access.
  std::function<void(int exit_code)> on_exit;
  // Called from b_transport on every reset request. Empty: a warning that
  // reset is not supported.
  std::function<void()> on_reset;

  bool finished() const { return finished_; }
  int exit_code() const { return exit_code_; }
  // The time of the finishing access, including its annotated delay.
  sc_core::sc_time finish_time() const { return finish_time_; }

 private:
  void write(const WriteInfo& w);

  bool finished_ = false;
  int exit_code_ = 0;
  sc_core::sc_time finish_time_;
};

}  // namespace rvtlm::models

#endif
