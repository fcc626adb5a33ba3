#include "rvtlm/support/options.h"

#include <utility>

namespace rvtlm::support {

OptionScanner::OptionScanner(std::vector<std::string> words, std::vector<OptionSpec> specs)
    : words_(std::move(words)), specs_(std::move(specs)) {}

OptionScanner::OptionScanner(int argc, const char* const* argv, std::vector<OptionSpec> specs)
    : specs_(std::move(specs)) {
  for (int i = 1; i < argc; ++i) words_.emplace_back(argv[i]);
}

bool OptionScanner::next(Argument& out) {
  while (at_ < words_.size()) {
    const std::string& word = words_[at_++];
    if (options_ended_ || word.size() < 2 || word[0] != '-') {
      operands_.push_back(word);
      continue;
    }
    if (word == "--") {
      options_ended_ = true;
      continue;
    }
    const std::size_t equals = word.find('=');
    const std::string written = word.substr(0, equals);
    if (word.compare(0, 2, "--") != 0) throw UsageError("unknown option '" + written + "'");
    const std::string_view name = std::string_view(written).substr(2);
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& candidate : specs_)
      if (candidate.name == name) spec = &candidate;
    if (!spec) throw UsageError("unknown option '" + written + "'");
    out = Argument{spec, {}};
    if (!spec->takes_value) {
      if (equals != std::string::npos) throw UsageError("option " + written + " takes no value");
    } else if (equals != std::string::npos) {
      out.value = word.substr(equals + 1);
    } else if (at_ < words_.size()) {
      out.value = words_[at_++];
    } else {
      throw UsageError("option " + written + " needs a value");
    }
    return true;
  }
  return false;
}

std::size_t choice(const std::string& option, const std::string& value,
                   std::initializer_list<std::string_view> choices) {
  std::size_t i = 0;
  std::string list;
  for (const std::string_view c : choices) {
    if (c == value) return i;
    ++i;
    list += (list.empty() ? "" : i == choices.size() ? " or " : ", ") + std::string(c);
  }
  throw UsageError(option + " must be " + list + ", not '" + value + "'");
}

std::string OptionScanner::at_most_one_operand(const std::string& what) const {
  if (operands_.size() > 1)
    throw UsageError("more than one " + what + " given ('" + operands_[1] + "')");
  return operands_.empty() ? std::string() : operands_[0];
}

std::string OptionScanner::extra_value(const std::string& option_text, const std::string& what) {
  if (at_ >= words_.size()) throw UsageError(option_text + " needs " + what);
  return words_[at_++];
}

}  // namespace rvtlm::support
