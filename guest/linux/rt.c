/* The small runtime of rvtlm's Linux guest programs; see rt.h. */
#include "rt.h"

#include <stdarg.h>

/* GCC may emit calls to these for structure copies and clears even in freestanding
 * code, so they must exist; rt.c is compiled with
 * -fno-tree-loop-distribute-patterns so that these loops are not themselves turned
 * into calls to memset and memcpy. */
void* memset(void* dest, int value, size_t n) {
  unsigned char* d = dest;
  for (size_t i = 0; i < n; i++) d[i] = (unsigned char)value;
  return dest;
}

void* memcpy(void* dest, const void* src, size_t n) {
  unsigned char* d = dest;
  const unsigned char* s = src;
  for (size_t i = 0; i < n; i++) d[i] = s[i];
  return dest;
}

void* memmove(void* dest, const void* src, size_t n) {
  unsigned char* d = dest;
  const unsigned char* s = src;
  if (d < s) {
    for (size_t i = 0; i < n; i++) d[i] = s[i];
  } else {
    for (size_t i = n; i > 0; i--) d[i - 1] = s[i - 1];
  }
  return dest;
}

int memcmp(const void* a, const void* b, size_t n) {
  const unsigned char* x = a;
  const unsigned char* y = b;
  for (size_t i = 0; i < n; i++) {
    if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return 0;
}

size_t rt_strlen(const char* s) {
  size_t n = 0;
  while (s[n] != '\0') n++;
  return n;
}

int rt_strncmp(const char* a, const char* b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char x = (unsigned char)a[i];
    unsigned char y = (unsigned char)b[i];
    if (x != y) return x < y ? -1 : 1;
    if (x == '\0') return 0;
  }
  return 0;
}

int rt_strcmp(const char* a, const char* b) { return rt_strncmp(a, b, (size_t)-1); }

struct rt_buffer {
  char data[1024];
  size_t used;
};

static void buffer_put(struct rt_buffer* b, char c) {
  /* Longer output is cut rather than split into several writes. */
  if (b->used < sizeof b->data) b->data[b->used++] = c;
}

static void buffer_put_unsigned(struct rt_buffer* b, unsigned long value, unsigned base) {
  char digits[24];
  size_t n = 0;
  do {
    unsigned d = (unsigned)(value % base);
    digits[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
    value /= base;
  } while (value != 0);
  while (n > 0) buffer_put(b, digits[--n]);
}

static long vprint(int fd, const char* format, va_list args) {
  struct rt_buffer b;
  b.used = 0;
  for (const char* p = format; *p != '\0'; p++) {
    if (*p != '%') {
      buffer_put(&b, *p);
      continue;
    }
    p++;
    int is_long = 0;
    if (*p == 'l') {
      is_long = 1;
      p++;
    }
    switch (*p) {
      case 's': {
        const char* s = va_arg(args, const char*);
        for (; *s != '\0'; s++) buffer_put(&b, *s);
        break;
      }
      case 'c':
        buffer_put(&b, (char)va_arg(args, int));
        break;
      case 'd': {
        long v = is_long ? va_arg(args, long) : va_arg(args, int);
        unsigned long magnitude = (unsigned long)v;
        if (v < 0) {
          buffer_put(&b, '-');
          magnitude = 0UL - magnitude;
        }
        buffer_put_unsigned(&b, magnitude, 10);
        break;
      }
      case 'u':
      case 'x': {
        unsigned long v = is_long ? va_arg(args, unsigned long) : va_arg(args, unsigned);
        buffer_put_unsigned(&b, v, *p == 'x' ? 16 : 10);
        break;
      }
      case '%':
        buffer_put(&b, '%');
        break;
      default:
        /* An unknown conversion shows up in the output instead of vanishing. */
        buffer_put(&b, '%');
        if (*p == '\0')
          p--;
        else
          buffer_put(&b, *p);
        break;
    }
  }
  return rt_write(fd, b.data, b.used);
}

long rt_printf(const char* format, ...) {
  va_list args;
  va_start(args, format);
  long result = vprint(1, format, args);
  va_end(args);
  return result;
}

long rt_eprintf(const char* format, ...) {
  va_list args;
  va_start(args, format);
  long result = vprint(2, format, args);
  va_end(args);
  return result;
}

long rt_cat(const char* path) {
  long fd = rt_open(path, O_RDONLY);
  if (fd < 0) return fd;
  long total = 0;
  char buf[512];
  for (;;) {
    long n = rt_read((int)fd, buf, sizeof buf);
    if (n <= 0) {
      if (n < 0) total = n;
      break;
    }
    long written = rt_write(1, buf, (size_t)n);
    if (written < 0) {
      total = written;
      break;
    }
    total += n;
  }
  rt_close((int)fd);
  return total;
}

/* Called by _start with the initial stack pointer (start.S). */
__attribute__((noreturn)) void rt_start(long* stack);

void rt_start(long* stack) {
  int argc = (int)stack[0];
  char** argv = (char**)(stack + 1);
  char** envp = argv + argc + 1;
  rt_exit(main(argc, argv, envp));
}
