/* rvtlm's test init: the first user-space program of the Linux boot test.
 *
 * As process 1 it says hello, shows uname and /proc/cpuinfo, runs a few system
 * calls and prints each result, then powers the machine off. Every line starts
 * with "rvtlm-init: " and contains no time value, so that a boot's UART output can
 * be compared exactly (the same output for every quantum). A failed check prints
 * "FAILED" and the summary line says how many failed; the machine powers off in
 * either case, because a poweroff is the only end user space can ask for, and the
 * boot test reads the verdict from the text.
 *
 * Run as any other process (the shell initramfs holds it as /bin/sysinfo) it does
 * the same checks but neither mounts nor powers off.
 */
#include "rt.h"

#define PREFIX "rvtlm-init: "

struct checks {
  int run;
  int failed;
};

static void check(struct checks* c, int ok, const char* what) {
  c->run++;
  if (!ok) {
    c->failed++;
    rt_printf(PREFIX "FAILED: %s\n", what);
  }
}

static void mount_pseudo(struct checks* c, const char* type, const char* target) {
  /* The directory usually comes with the initramfs; -EEXIST is then expected. */
  long made = rt_mkdir(target, 0555);
  check(c, made == 0 || made == -EEXIST, "mkdir of a mount point");
  long mounted = rt_mount(type, target, type, MS_NOSUID | MS_NODEV | MS_NOEXEC);
  rt_printf(PREFIX "mount(%s, %s) = %ld\n", type, target, mounted);
  check(c, mounted == 0, "mount");
}

static void show_uname(struct checks* c) {
  struct new_utsname u;
  long r = rt_uname(&u);
  check(c, r == 0, "uname");
  if (r == 0)
    rt_printf(PREFIX "uname: sysname=%s release=%s machine=%s\n", u.sysname, u.release, u.machine);
  check(c, r == 0 && rt_strcmp(u.sysname, "Linux") == 0, "uname sysname is Linux");
  check(c, r == 0 && rt_strcmp(u.machine, "riscv64") == 0, "uname machine is riscv64");
}

static void show_file(struct checks* c, const char* path) {
  rt_printf(PREFIX "%s:\n", path);
  long n = rt_cat(path);
  if (n < 0) rt_printf(PREFIX "reading %s: error %ld\n", path, -n);
  check(c, n > 0, "reading a file of procfs or sysfs");
}

static long nanoseconds(const struct __kernel_timespec* t) {
  return (long)t->tv_sec * 1000000000L + (long)t->tv_nsec;
}

static void time_calls(struct checks* c) {
  struct __kernel_timespec before;
  struct __kernel_timespec after;
  long got = rt_clock_gettime(CLOCK_MONOTONIC, &before);
  rt_printf(PREFIX "clock_gettime(CLOCK_MONOTONIC) = %ld\n", got);
  check(c, got == 0, "clock_gettime");

  const struct __kernel_timespec request = {.tv_sec = 0, .tv_nsec = 10 * 1000 * 1000};
  long slept = rt_nanosleep(&request, 0);
  rt_printf(PREFIX "nanosleep(10 ms) = %ld\n", slept);
  check(c, slept == 0, "nanosleep");

  got = rt_clock_gettime(CLOCK_MONOTONIC, &after);
  /* The elapsed time itself is not printed: it depends on the timing model. */
  int advanced = got == 0 && nanoseconds(&after) - nanoseconds(&before) >= 10000000L;
  rt_printf(PREFIX "monotonic clock advanced by 10 ms or more: %s\n", advanced ? "yes" : "no");
  check(c, advanced, "the monotonic clock across nanosleep");
}

static void file_calls(struct checks* c) {
  static const char path[] = "/etc/rvtlm-message";
  static const char expected[] = "this line was read from a file of the initramfs\n";
  long fd = rt_open(path, O_RDONLY);
  rt_printf(PREFIX "open(%s) = %ld\n", path, fd);
  check(c, fd >= 0, "open");
  if (fd < 0) return;
  char buf[128];
  long n = rt_read((int)fd, buf, sizeof buf - 1);
  buf[n > 0 ? n : 0] = '\0';
  rt_printf(PREFIX "read() = %ld: %s", n, buf);
  if (n <= 0 || buf[n - 1] != '\n') rt_printf("\n");
  check(c, n == (long)sizeof expected - 1 && rt_strcmp(buf, expected) == 0,
        "read returns the file's contents");
  long closed = rt_close((int)fd);
  rt_printf(PREFIX "close() = %ld\n", closed);
  check(c, closed == 0, "close");
}

int main(int argc, char** argv, char** envp) {
  (void)argc;
  (void)argv;
  (void)envp;
  struct checks c = {0, 0};

  static const char hello[] = PREFIX "hello from user space\n";
  long written = rt_write(1, hello, sizeof hello - 1);
  rt_printf(PREFIX "write() = %ld\n", written);
  check(&c, written == (long)sizeof hello - 1, "write");

  long pid = rt_getpid();
  rt_printf(PREFIX "getpid() = %ld\n", pid);
  check(&c, pid > 0, "getpid");
  int is_init = pid == 1;

  show_uname(&c);
  if (is_init) {
    mount_pseudo(&c, "proc", "/proc");
    mount_pseudo(&c, "sysfs", "/sys");
  }
  show_file(&c, "/proc/cpuinfo");
  show_file(&c, "/sys/devices/system/cpu/online");
  time_calls(&c);
  file_calls(&c);

  if (c.failed == 0)
    rt_printf(PREFIX "all %d checks passed\n", c.run);
  else
    rt_printf(PREFIX "%d of %d checks FAILED\n", c.failed, c.run);
  if (!is_init) return c.failed == 0 ? 0 : 1;

  rt_printf(PREFIX "powering off\n");
  long r = rt_reboot(LINUX_REBOOT_CMD_POWER_OFF);
  /* Only reached when the kernel refused; process 1 must not exit (that panics). */
  rt_printf(PREFIX "reboot(POWER_OFF) = %ld\n", r);
  for (;;) {
    const struct __kernel_timespec second = {.tv_sec = 1, .tv_nsec = 0};
    rt_nanosleep(&second, 0);
  }
}
