// The install functions of the plugins shipped with rvtlm (plugins/shipped/),
// linked into the host and loaded by name.
#ifndef RVTLM_PLUGINS_SHIPPED_H
#define RVTLM_PLUGINS_SHIPPED_H

#include "rvtlm/plugin.h"

namespace rvtlm::plugins::shipped {

int install_cost_model(const rvtlm_api* api, rvtlm_plugin* self, int argc, const rvtlm_arg* argv);
int install_insn_stats(const rvtlm_api* api, rvtlm_plugin* self, int argc, const rvtlm_arg* argv);
int install_ips(const rvtlm_api* api, rvtlm_plugin* self, int argc, const rvtlm_arg* argv);
int install_trace(const rvtlm_api* api, rvtlm_plugin* self, int argc, const rvtlm_arg* argv);

}  // namespace rvtlm::plugins::shipped

#endif
