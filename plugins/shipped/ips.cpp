// ips: guest time advances at a given number of instructions per second of
// simulated time, and optionally no faster than the host's wall clock.
//
//   --plugin ips,ips=N                 N instructions per second (ips=1e8: 10 ns each)
//   --plugin ips,hz=F[,ipc=I]          F * I instructions per second
//   ...,realtime=on[,period=MS]        never run ahead of the host's clock
//
// The time model is the bridge's own frequency model, on every hart. With
// realtime=on the plugin looks every `period` milliseconds of simulated time
// (default 1) and sleeps while simulated time is ahead of the host's time
// since the start; at the end it reports how far the simulation fell behind
// (the drift: the host was slower than the guest's time).
#include <chrono>
#include <cinttypes>
#include <memory>
#include <thread>

#include "common.h"

namespace rvtlm::plugins::shipped {
namespace {

struct Pacer {
  const rvtlm_api* api;
  bool started = false;
  std::chrono::steady_clock::time_point start;
  uint64_t ticks = 0;
  uint64_t last_ps = 0;
  double slept = 0;       // seconds
  double max_behind = 0;  // seconds
  double behind = 0;      // at the last tick
};

void on_start(rvtlm_hart*, void* data) {
  auto* p = static_cast<Pacer*>(data);
  if (p->started) return;
  p->started = true;
  p->start = std::chrono::steady_clock::now();
}

void on_tick(uint64_t now_ps, void* data) {
  auto* p = static_cast<Pacer*>(data);
  if (!p->started) on_start(nullptr, data);
  ++p->ticks;
  p->last_ps = now_ps;
  const double simulated = static_cast<double>(now_ps) * 1e-12;
  const double host =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - p->start).count();
  if (simulated > host) {
    std::this_thread::sleep_for(std::chrono::duration<double>(simulated - host));
    p->slept += simulated - host;
    p->behind = 0;
  } else {
    p->behind = host - simulated;
    if (p->behind > p->max_behind) p->max_behind = p->behind;
  }
}

void on_exit(void* data) {
  std::unique_ptr<Pacer> p(static_cast<Pacer*>(data));
  if (!p->started) return;
  const double host =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - p->start).count();
  std::fprintf(stderr,
               "ips: realtime: %.6f s simulated in %.6f s of host time, %.6f s asleep; drift: "
               "at most %.6f s behind the host's clock (%.6f s at the end)\n",
               static_cast<double>(p->last_ps) * 1e-12, host, p->slept, p->max_behind, p->behind);
}

}  // namespace

int install_ips(const rvtlm_api* api, rvtlm_plugin* self, int argc, const rvtlm_arg* argv) {
  const Args args(argc, argv);
  if (const std::string e = args.unknown({"ips", "hz", "ipc", "realtime", "period"}); !e.empty())
    return install_error(api, self, e);
  double rate = 0;
  if (args.has("ips") == args.has("hz"))
    return install_error(api, self, "give either ips=N or hz=F (with ipc=I)");
  if (args.has("ips")) {
    if (args.has("ipc")) return install_error(api, self, "ipc= goes with hz=, not ips=");
    const auto ips = args.number("ips");
    if (!ips || !(*ips > 0))
      return install_error(api, self,
                           "ips=" + args.text("ips") +
                               ": expected a positive number of "
                               "instructions per second, such as 100M");
    rate = *ips;
  } else {
    const auto hz = args.number("hz");
    const auto ipc = args.has("ipc") ? args.number("ipc") : std::optional<double>(1.0);
    if (!hz || !(*hz > 0))
      return install_error(api, self, "hz=" + args.text("hz") + ": expected a positive frequency");
    if (!ipc || !(*ipc > 0))
      return install_error(api, self, "ipc=" + args.text("ipc") + ": expected a positive number");
    rate = *hz * *ipc;
  }
  const auto realtime = args.flag("realtime", false);
  if (!realtime)
    return install_error(api, self, "realtime=" + args.text("realtime") + ": expected on or off");
  double period_ms = 1;
  if (args.has("period")) {
    const auto p = args.number("period");
    if (!p || !(*p > 0))
      return install_error(
          api, self,
          "period=" + args.text("period") + ": expected a positive number of milliseconds");
    period_ms = *p;
  }
  for (unsigned h = 0; h < api->harts(self); ++h)
    if (api->control_time(self, h, 1.0 / rate, 0) != 0) return 1;
  if (*realtime) {
    auto pacer = std::make_unique<Pacer>();
    pacer->api = api;
    if (api->every(self, static_cast<uint64_t>(period_ms * 1e9), &on_tick, pacer.get()) != 0)
      return 1;
    api->on_hart_start(self, &on_start, pacer.get());
    api->on_exit(self, &on_exit, pacer.get());
    pacer.release();
  }
  return 0;
}

}  // namespace rvtlm::plugins::shipped
