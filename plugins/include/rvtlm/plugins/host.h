// The plugin host: loads plugins (shipped ones by name, users' shared
// objects by path with dlopen, or install functions linked into an
// embedder), checks their API version, and adapts the C ABI of
// rvtlm/plugin.h to the ISS's instrumentation hooks and the bridge's time
// models. docs/PLUGINS.md.
#ifndef RVTLM_PLUGINS_HOST_H
#define RVTLM_PLUGINS_HOST_H

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "rvtlm/plugin.h"

namespace rvtlm::iss {
class Hart;
}
namespace rvtlm::tlm {
class HartModule;
}

namespace rvtlm::plugins {

// A plugin that cannot be used; what() is one line for the user.
class PluginError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using PluginArgs = std::vector<std::pair<std::string, std::string>>;

// "NAME-or-PATH[,key=value...]".
struct PluginSpec {
  std::string plugin;
  PluginArgs args;
};
// Throws PluginError for an empty name or an argument without '='.
PluginSpec parse_plugin_spec(const std::string& text);

class PluginHost {
 public:
  PluginHost();
  // Detaches from the harts (which must still exist) and unloads; on_exit
  // callbacks run only through finish().
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // The harts plugins see, in index order, before plugins are loaded. A
  // HartModule gives plugins time control and time; a bare iss::Hart not.
  void add_hart(tlm::HartModule& hart);
  void add_hart(iss::Hart& hart);

  // Loads "NAME-or-PATH[,key=value...]": a name (no '/') is a plugin shipped
  // with rvtlm, anything else the path of a shared object. Throws
  // PluginError "<origin> <spec>: <why>" if it cannot be loaded, was built
  // for another API version, or its install fails.
  void load(const std::string& spec, const std::string& origin = "plugin");
  // A plugin linked into the program: its install function and arguments;
  // `context` is what the plugin's api->context() returns.
  void install(const std::string& name, rvtlm_plugin_install_fn install, const PluginArgs& args,
               void* context = nullptr, const std::string& origin = "plugin");

  // The end of the run: plugins stop seeing the harts, then their on_exit
  // callbacks run (once; later calls do nothing).
  void finish();

  // Names of the loaded plugins, in load order.
  std::vector<std::string> loaded() const;
  // The plugins shipped with rvtlm.
  static std::vector<std::string> shipped();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rvtlm::plugins

#endif
