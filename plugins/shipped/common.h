// Helpers the shipped plugins share: arguments and output. Like any plugin,
// they use rvtlm only through rvtlm/plugin.h.
#ifndef RVTLM_PLUGINS_SHIPPED_COMMON_H
#define RVTLM_PLUGINS_SHIPPED_COMMON_H

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rvtlm/plugin.h"

namespace rvtlm::plugins::shipped {

// A plugin's key=value arguments, checked against the keys it knows.
class Args {
 public:
  Args(int argc, const rvtlm_arg* argv) {
    for (int i = 0; i < argc; ++i) values_[argv[i].key] = argv[i].value ? argv[i].value : "";
  }
  // Empty, or the first problem: an unknown key (with the known ones).
  std::string unknown(const std::vector<std::string>& known) const {
    for (const auto& [key, value] : values_) {
      bool found = false;
      for (const std::string& k : known) found = found || k == key;
      if (!found) {
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        return "unknown argument '" + key + "' (known: " + list + ")";
      }
    }
    return {};
  }
  bool has(const std::string& key) const { return values_.count(key) != 0; }
  std::string text(const std::string& key, const std::string& fallback = "") const {
    const auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
  }
  // A number with an optional decimal suffix k, M, G ("100M" = 1e8).
  std::optional<double> number(const std::string& key) const {
    const auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return parse_number(it->second);
  }
  static std::optional<double> parse_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    double v = std::strtod(text.c_str(), &end);
    if (errno != 0 || end == text.c_str()) return std::nullopt;
    const std::string suffix(end);
    if (suffix == "k" || suffix == "K")
      v *= 1e3;
    else if (suffix == "M")
      v *= 1e6;
    else if (suffix == "G")
      v *= 1e9;
    else if (!suffix.empty())
      return std::nullopt;
    if (!std::isfinite(v)) return std::nullopt;
    return v;
  }
  // "on"/"off" (also true/false, yes/no, 1/0).
  std::optional<bool> flag(const std::string& key, bool fallback) const {
    const auto it = values_.find(key);
    if (it == values_.end()) return fallback;
    const std::string& v = it->second;
    if (v == "on" || v == "true" || v == "yes" || v == "1") return true;
    if (v == "off" || v == "false" || v == "no" || v == "0") return false;
    return std::nullopt;
  }

 private:
  std::map<std::string, std::string> values_;
};

// Where a plugin writes its report: file=PATH, or stderr.
class Output {
 public:
  Output() = default;
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output() {
    if (file_ && file_ != stderr) std::fclose(file_);
  }
  // Empty, or why the file cannot be written.
  std::string open(const std::string& path) {
    if (path.empty()) {
      file_ = stderr;
      return {};
    }
    file_ = std::fopen(path.c_str(), "w");
    if (!file_) return "cannot write '" + path + "': " + std::strerror(errno);
    return {};
  }
  FILE* get() const { return file_; }
  void flush() {
    if (file_) std::fflush(file_);
  }

 private:
  FILE* file_ = nullptr;
};

inline int install_error(const rvtlm_api* api, rvtlm_plugin* self, const std::string& message) {
  api->set_error(self, message.c_str());
  return 1;
}

}  // namespace rvtlm::plugins::shipped

#endif
