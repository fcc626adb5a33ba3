/* rvtlm-sh: the tiny interactive shell of the Linux boot test's second initramfs.
 *
 * It reads a line from the console, splits it into commands at unquoted ';' and
 * each command into words at blanks ('...' and "..." keep blanks), and runs the
 * built-ins below itself; any other command is looked up in /bin (or taken as a
 * path when it holds a '/') and run in a child process (fork, execve, wait4).
 * The console's line discipline does the echo and line editing.
 *
 * As process 1 it mounts /proc, /sys and /dev first, and `exit` or end of input
 * power the machine off, because process 1 must not exit.
 */
#include "rt.h"

#define PROMPT "rvtlm-sh# "

enum { max_line = 512, max_words = 32 };

struct shell {
  int is_init;
  char** envp;
  /* Input not yet consumed: the console may deliver more than one line per read. */
  char pending[max_line];
  size_t pending_used;
};

static void power(int is_init, unsigned int command) {
  if (!is_init) {
    rt_eprintf("rvtlm-sh: only process 1 may power off or reboot\n");
    return;
  }
  long r = rt_reboot(command);
  rt_eprintf("rvtlm-sh: reboot: error %ld\n", -r);
}

static void builtin_help(void) {
  rt_printf(
      "built-ins: help echo uname cat ls cd pwd exit poweroff reboot\n"
      "other commands run from /bin (this initramfs has /bin/sysinfo)\n");
}

static void builtin_echo(int argc, char** argv) {
  char line[max_line + 1];
  size_t used = 0;
  /* The words come from one input line, so they fit with their separators;
   * the bound only guards the buffer, leaving room for the newline. */
  for (int i = 1; i < argc; i++) {
    if (i > 1 && used < max_line) line[used++] = ' ';
    for (const char* s = argv[i]; *s != '\0' && used < max_line; s++) line[used++] = *s;
  }
  line[used++] = '\n';
  rt_write(1, line, used);
}

static int builtin_uname(int argc, char** argv) {
  int all = 0;
  int fields = 0; /* bits: sysname, nodename, release, version, machine */
  for (int i = 1; i < argc; i++) {
    if (argv[i][0] != '-') {
      rt_eprintf("uname: unexpected argument %s\n", argv[i]);
      return 1;
    }
    for (const char* f = argv[i] + 1; *f != '\0'; f++) {
      switch (*f) {
        case 'a':
          all = 1;
          break;
        case 's':
          fields |= 1;
          break;
        case 'n':
          fields |= 2;
          break;
        case 'r':
          fields |= 4;
          break;
        case 'v':
          fields |= 8;
          break;
        case 'm':
          fields |= 16;
          break;
        default:
          rt_eprintf("uname: unknown option -%c (known: -asnrvm)\n", *f);
          return 1;
      }
    }
  }
  if (all) fields = 31;
  if (fields == 0) fields = 1;
  struct new_utsname u;
  long r = rt_uname(&u);
  if (r < 0) {
    rt_eprintf("uname: error %ld\n", -r);
    return 1;
  }
  const char* values[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
  char line[5 * sizeof u.sysname + 8];
  size_t used = 0;
  for (int i = 0; i < 5; i++) {
    if (!(fields & (1 << i))) continue;
    if (used > 0) line[used++] = ' ';
    for (const char* s = values[i]; *s != '\0'; s++) line[used++] = *s;
  }
  line[used++] = '\n';
  rt_write(1, line, used);
  return 0;
}

static int builtin_cat(int argc, char** argv) {
  int status = 0;
  for (int i = 1; i < argc; i++) {
    long r = rt_cat(argv[i]);
    if (r < 0) {
      rt_eprintf("cat: %s: error %ld\n", argv[i], -r);
      status = 1;
    }
  }
  return status;
}

static int list_directory(const char* path) {
  long fd = rt_open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0) {
    rt_eprintf("ls: %s: error %ld\n", path, -fd);
    return 1;
  }
  /* long elements keep the buffer aligned for the 8-byte fields of the entries. */
  long buf[256];
  for (;;) {
    long n = rt_getdents64((int)fd, buf, sizeof buf);
    if (n <= 0) {
      if (n < 0) rt_eprintf("ls: %s: error %ld\n", path, -n);
      break;
    }
    for (long off = 0; off < n;) {
      const struct rt_dirent64* d = (const struct rt_dirent64*)((const char*)buf + off);
      if (d->d_name[0] != '.')
        rt_printf("%s%s\n", d->d_name, d->d_type == 4 /* DT_DIR */ ? "/" : "");
      off += d->d_reclen;
    }
  }
  rt_close((int)fd);
  return 0;
}

static int builtin_ls(int argc, char** argv) {
  if (argc < 2) return list_directory(".");
  int status = 0;
  for (int i = 1; i < argc; i++) {
    if (argc > 2) rt_printf("%s:\n", argv[i]);
    status |= list_directory(argv[i]);
  }
  return status;
}

static int builtin_cd(int argc, char** argv) {
  const char* target = argc > 1 ? argv[1] : "/";
  long r = rt_chdir(target);
  if (r < 0) {
    rt_eprintf("cd: %s: error %ld\n", target, -r);
    return 1;
  }
  return 0;
}

static int builtin_pwd(void) {
  char buf[256];
  long r = rt_getcwd(buf, sizeof buf);
  if (r < 0) {
    rt_eprintf("pwd: error %ld\n", -r);
    return 1;
  }
  rt_printf("%s\n", buf);
  return 0;
}

static int run_program(struct shell* sh, char** argv) {
  char path[256];
  int has_slash = 0;
  for (const char* s = argv[0]; *s != '\0'; s++) has_slash |= *s == '/';
  size_t used = 0;
  if (!has_slash) {
    for (const char* s = "/bin/"; *s != '\0'; s++) path[used++] = *s;
  }
  for (const char* s = argv[0]; *s != '\0' && used < sizeof path - 1; s++) path[used++] = *s;
  path[used] = '\0';

  long pid = rt_fork();
  if (pid < 0) {
    rt_eprintf("rvtlm-sh: fork: error %ld\n", -pid);
    return 1;
  }
  if (pid == 0) {
    long r = rt_execve(path, argv, sh->envp);
    rt_eprintf("rvtlm-sh: %s: %s\n", argv[0], r == -ENOENT ? "not found" : "cannot run");
    rt_exit(127);
  }
  int status = 0;
  long waited = rt_wait4(pid, &status);
  if (waited < 0) {
    rt_eprintf("rvtlm-sh: wait4: error %ld\n", -waited);
    return 1;
  }
  /* wait4's status word: low 7 bits the terminating signal, else bits 8-15 the exit code. */
  if ((status & 0x7f) != 0) {
    rt_eprintf("rvtlm-sh: %s: killed by signal %d\n", argv[0], status & 0x7f);
    return 128 + (status & 0x7f);
  }
  return (status >> 8) & 0xff;
}

static void run_command(struct shell* sh, int argc, char** argv) {
  const char* name = argv[0];
  if (rt_strcmp(name, "help") == 0)
    builtin_help();
  else if (rt_strcmp(name, "echo") == 0)
    builtin_echo(argc, argv);
  else if (rt_strcmp(name, "uname") == 0)
    builtin_uname(argc, argv);
  else if (rt_strcmp(name, "cat") == 0)
    builtin_cat(argc, argv);
  else if (rt_strcmp(name, "ls") == 0)
    builtin_ls(argc, argv);
  else if (rt_strcmp(name, "cd") == 0)
    builtin_cd(argc, argv);
  else if (rt_strcmp(name, "pwd") == 0)
    builtin_pwd();
  else if (rt_strcmp(name, "poweroff") == 0)
    power(sh->is_init, LINUX_REBOOT_CMD_POWER_OFF);
  else if (rt_strcmp(name, "reboot") == 0)
    power(sh->is_init, LINUX_REBOOT_CMD_RESTART);
  else if (rt_strcmp(name, "exit") == 0) {
    if (sh->is_init)
      power(1, LINUX_REBOOT_CMD_POWER_OFF);
    else
      rt_exit(0);
  } else {
    int status = run_program(sh, argv);
    if (status != 0 && status != 127) rt_eprintf("rvtlm-sh: %s: exit status %d\n", name, status);
  }
}

/* Runs the words collected so far as one command, if there are any. */
static void flush_command(struct shell* sh, char** words, int* count) {
  if (*count == 0) return;
  words[*count] = 0;
  run_command(sh, *count, words);
  *count = 0;
}

/* Splits line in place and runs each command; see the file comment for the syntax. */
static void run_line(struct shell* sh, char* line) {
  char* words[max_words + 1];
  int count = 0;
  char* in = line;
  for (;;) {
    while (*in == ' ' || *in == '\t') in++;
    if (*in == '\0') break;
    if (*in == ';') {
      flush_command(sh, words, &count);
      in++;
      continue;
    }
    /* A word: copied onto itself without its quotes, so it ends at or before
     * the character that stopped it. */
    char* word = in;
    char* out = in;
    char quote = 0;
    while (*in != '\0' && (quote != 0 || (*in != ' ' && *in != '\t' && *in != ';'))) {
      if (quote == 0 && (*in == '\'' || *in == '"'))
        quote = *in;
      else if (quote != 0 && *in == quote)
        quote = 0;
      else
        *out++ = *in;
      in++;
    }
    if (quote != 0) {
      rt_eprintf("rvtlm-sh: unterminated quote\n");
      return;
    }
    if (count == max_words) {
      rt_eprintf("rvtlm-sh: more than %d words\n", max_words);
      return;
    }
    char stop = *in;
    *out = '\0';
    words[count++] = word;
    if (stop == '\0') break;
    in++;
    if (stop == ';') flush_command(sh, words, &count);
  }
  flush_command(sh, words, &count);
}

/* Returns the length of the next line (without its newline) in line, or -1 at the
 * end of input. A line longer than the buffer is cut. */
static long read_line(struct shell* sh, char* line, size_t size) {
  for (;;) {
    for (size_t i = 0; i < sh->pending_used; i++) {
      if (sh->pending[i] != '\n' && sh->pending[i] != '\r') continue;
      size_t n = i < size - 1 ? i : size - 1;
      for (size_t k = 0; k < n; k++) line[k] = sh->pending[k];
      line[n] = '\0';
      size_t rest = sh->pending_used - (i + 1);
      for (size_t k = 0; k < rest; k++) sh->pending[k] = sh->pending[i + 1 + k];
      sh->pending_used = rest;
      return (long)n;
    }
    if (sh->pending_used == sizeof sh->pending) {
      /* No newline in a full buffer: hand it over as one (cut) line. */
      sh->pending[sizeof sh->pending - 1] = '\n';
      continue;
    }
    long got = rt_read(0, sh->pending + sh->pending_used, sizeof sh->pending - sh->pending_used);
    if (got == -EINTR) continue;
    if (got <= 0) return -1;
    sh->pending_used += (size_t)got;
  }
}

static void mount_pseudo(const char* type, const char* target) {
  rt_mkdir(target, 0755);
  long r = rt_mount(type, target, type, MS_NOSUID | MS_NOEXEC);
  if (r < 0) rt_eprintf("rvtlm-sh: mount %s on %s: error %ld\n", type, target, -r);
}

int main(int argc, char** argv, char** envp) {
  (void)argc;
  (void)argv;
  struct shell sh;
  sh.is_init = rt_getpid() == 1;
  sh.envp = envp;
  sh.pending_used = 0;
  if (sh.is_init) {
    mount_pseudo("proc", "/proc");
    mount_pseudo("sysfs", "/sys");
    /* Over the initramfs's /dev: the console stays open on descriptors 0-2. */
    mount_pseudo("devtmpfs", "/dev");
  }
  rt_printf("rvtlm-sh: a tiny shell; type help for its commands\n");
  char line[max_line];
  for (;;) {
    rt_printf(PROMPT);
    long n = read_line(&sh, line, sizeof line);
    if (n < 0) {
      rt_printf("\n");
      if (!sh.is_init) return 0;
      power(1, LINUX_REBOOT_CMD_POWER_OFF);
      continue;
    }
    run_line(&sh, line);
  }
}
