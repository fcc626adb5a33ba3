/* The small runtime of rvtlm's Linux guest programs (init.c, shell.c).
 *
 * No C library: the programs call the kernel directly (riscv64 Linux system call
 * convention: number in a7, arguments in a0..a5, result in a0, -errno on failure).
 * That keeps each program a few KiB, makes every system call the program makes
 * visible in its source, and needs nothing beyond the cross compiler and the
 * kernel's UAPI headers (linux-libc-dev-riscv64-cross). Constants and structures
 * come from those headers, so the numbers are the kernel's own.
 */
#ifndef RVTLM_GUEST_LINUX_RT_H
#define RVTLM_GUEST_LINUX_RT_H

#include <asm/unistd.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/mount.h>
#include <linux/reboot.h>
#include <linux/time.h>
#include <linux/time_types.h>
#include <linux/utsname.h>
#include <stddef.h>

/* The directory entry getdents64 returns (not part of the UAPI headers). */
struct rt_dirent64 {
  unsigned long long d_ino;
  long long d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[];
};

static inline long rt_syscall6(long number, long a0, long a1, long a2, long a3, long a4, long a5) {
  register long r_a7 __asm__("a7") = number;
  register long r_a0 __asm__("a0") = a0;
  register long r_a1 __asm__("a1") = a1;
  register long r_a2 __asm__("a2") = a2;
  register long r_a3 __asm__("a3") = a3;
  register long r_a4 __asm__("a4") = a4;
  register long r_a5 __asm__("a5") = a5;
  __asm__ volatile("ecall"
                   : "+r"(r_a0)
                   : "r"(r_a7), "r"(r_a1), "r"(r_a2), "r"(r_a3), "r"(r_a4), "r"(r_a5)
                   : "memory");
  return r_a0;
}

#define RT_SYSCALL(number, a0, a1, a2, a3, a4, a5) \
  rt_syscall6((number), (long)(a0), (long)(a1), (long)(a2), (long)(a3), (long)(a4), (long)(a5))

static inline long rt_read(int fd, void* buf, size_t n) {
  return RT_SYSCALL(__NR_read, fd, buf, n, 0, 0, 0);
}
static inline long rt_write(int fd, const void* buf, size_t n) {
  return RT_SYSCALL(__NR_write, fd, buf, n, 0, 0, 0);
}
static inline long rt_open(const char* path, int flags) {
  return RT_SYSCALL(__NR_openat, AT_FDCWD, path, flags, 0, 0, 0);
}
static inline long rt_close(int fd) { return RT_SYSCALL(__NR_close, fd, 0, 0, 0, 0, 0); }
static inline long rt_getpid(void) { return RT_SYSCALL(__NR_getpid, 0, 0, 0, 0, 0, 0); }
static inline long rt_uname(struct new_utsname* u) {
  return RT_SYSCALL(__NR_uname, u, 0, 0, 0, 0, 0);
}
static inline long rt_mkdir(const char* path, int mode) {
  return RT_SYSCALL(__NR_mkdirat, AT_FDCWD, path, mode, 0, 0, 0);
}
static inline long rt_mount(const char* source, const char* target, const char* type,
                            unsigned long flags) {
  return RT_SYSCALL(__NR_mount, source, target, type, flags, 0, 0);
}
static inline long rt_clock_gettime(int clock, struct __kernel_timespec* ts) {
  return RT_SYSCALL(__NR_clock_gettime, clock, ts, 0, 0, 0, 0);
}
static inline long rt_nanosleep(const struct __kernel_timespec* request,
                                struct __kernel_timespec* remain) {
  return RT_SYSCALL(__NR_nanosleep, request, remain, 0, 0, 0, 0);
}
static inline long rt_reboot(unsigned int command) {
  return RT_SYSCALL(__NR_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, command, 0, 0, 0);
}
static inline long rt_chdir(const char* path) {
  return RT_SYSCALL(__NR_chdir, path, 0, 0, 0, 0, 0);
}
static inline long rt_getcwd(char* buf, size_t n) {
  return RT_SYSCALL(__NR_getcwd, buf, n, 0, 0, 0, 0);
}
static inline long rt_getdents64(int fd, void* buf, size_t n) {
  return RT_SYSCALL(__NR_getdents64, fd, buf, n, 0, 0, 0);
}
/* fork() is clone with only the exit signal: no shared memory, the child runs on a
 * copy of the parent's stack (kernel/fork.c, the generic clone argument order). */
static inline long rt_fork(void) { return RT_SYSCALL(__NR_clone, 17 /* SIGCHLD */, 0, 0, 0, 0, 0); }
static inline long rt_execve(const char* path, char* const argv[], char* const envp[]) {
  return RT_SYSCALL(__NR_execve, path, argv, envp, 0, 0, 0);
}
static inline long rt_wait4(long pid, int* status) {
  return RT_SYSCALL(__NR_wait4, pid, status, 0, 0, 0, 0);
}
__attribute__((noreturn)) static inline void rt_exit(int code) {
  for (;;) RT_SYSCALL(__NR_exit_group, code, 0, 0, 0, 0, 0);
}

size_t rt_strlen(const char* s);
int rt_strcmp(const char* a, const char* b);
int rt_strncmp(const char* a, const char* b, size_t n);

/* Formats into one buffer and writes it with a single write(2), so that a line is
 * never split between the output of two processes. Knows %s %c %d %ld %u %lu %x
 * %lx and %%. Returns write's result. */
long rt_printf(const char* format, ...) __attribute__((format(printf, 1, 2)));
long rt_eprintf(const char* format, ...) __attribute__((format(printf, 1, 2)));

/* Copies a whole file to standard output; returns the number of bytes or -errno. */
long rt_cat(const char* path);

/* Defined by each program; called by _start (start.S) through rt_start. */
int main(int argc, char** argv, char** envp);

#endif
