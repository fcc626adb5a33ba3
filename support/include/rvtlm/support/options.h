// The command-line conventions every rvtlm tool follows:
// - options and operands (the program) may come in any order
//   (`rvtlm run prog.elf --timeout 10ms`);
// - `--name value` and `--name=value` are the same;
// - `--` ends the options: every later word is an operand;
// - a lone `-` is an operand.
// Tools describe their options as data and act on what the scanner yields;
// every mistake is a UsageError with a one-line message naming the option.
#ifndef RVTLM_SUPPORT_OPTIONS_H
#define RVTLM_SUPPORT_OPTIONS_H

#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace rvtlm::support {

// A bad command line: the message is one line, the tool exits with status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::string_view name;  // without the leading "--"
  int id;                 // the tool's own identifier for the option
  bool takes_value;
};

// One option with its value (empty for an option that takes none).
struct Argument {
  const OptionSpec* option = nullptr;
  std::string value;
};

// The position of `value` in `choices`; UsageError "--sync must be quantum
// or lockstep, not 'x'" otherwise (`option` as the user writes it).
std::size_t choice(const std::string& option, const std::string& value,
                   std::initializer_list<std::string_view> choices);

class OptionScanner {
 public:
  // `words` are the arguments after the program (or sub-command) name.
  OptionScanner(std::vector<std::string> words, std::vector<OptionSpec> specs);
  OptionScanner(int argc, const char* const* argv, std::vector<OptionSpec> specs);

  // The next option; false after the last word. Operands met on the way
  // are kept (operands()). Throws UsageError for an unknown option, a
  // missing value, or a value given to an option that takes none.
  bool next(Argument& out);

  // The operands so far, in order.
  const std::vector<std::string>& operands() const { return operands_; }
  // The one operand, or none: UsageError "more than one <what> given ('x')"
  // for a second one.
  std::string at_most_one_operand(const std::string& what) const;

  // One more word for the option just returned, for options with two values
  // (`--trace insn FILE`). Throws UsageError ("--trace insn needs a file")
  // when the command line ends first.
  std::string extra_value(const std::string& option_text, const std::string& what);

 private:
  std::vector<std::string> words_;
  std::vector<OptionSpec> specs_;
  std::vector<std::string> operands_;
  std::size_t at_ = 0;
  bool options_ended_ = false;
};

}  // namespace rvtlm::support

#endif
