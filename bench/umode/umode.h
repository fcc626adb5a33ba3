/* The contract between the three privilege levels of the user-mode benchmark
 * build (bench/umode): the calls a U-mode program makes with ecall, and the
 * exit statuses of the start-up itself. Included by C and by assembly.
 *
 * A call: a7 = call number, a0 = argument; a0 holds the result afterwards and
 * t0 and t1 are clobbered. The supervisor handles a U-mode ecall by passing
 * the same registers on to machine mode with an ecall of its own (as an
 * operating system calls its SBI firmware); machine mode owns the devices. */
#ifndef RVTLM_BENCH_UMODE_H
#define RVTLM_BENCH_UMODE_H

/* Writes the byte in a0 to the console. */
#define UMODE_CALL_PUTC 1
/* Ends the run with exit status a0 (0: pass). Does not return. */
#define UMODE_CALL_EXIT 2

/* Exit statuses of the start-up, beside the program's own: an unexpected
 * trap taken in S-mode (a U-mode fault, delegated) or in M-mode, with its
 * exception code in the low bits; no room for the page tables; and a satp
 * that does not keep Sv39 (the hart has no Sv39). */
#define UMODE_EXIT_S_TRAP 0x40
#define UMODE_EXIT_M_TRAP 0x80
#define UMODE_EXIT_NO_TABLES 0x70
#define UMODE_EXIT_NO_SV39 0x71

#endif
