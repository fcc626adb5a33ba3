/* Process entry of rvtlm's Linux guest programs.
 *
 * The kernel starts a static ELF with sp at argc, followed by argv[], NULL,
 * envp[], NULL and the auxiliary vector (the psABI's process stack layout);
 * every other register is unspecified. gp must hold __global_pointer$ before any
 * C code runs, because the linker relaxes accesses near it into gp-relative ones
 * (RISC-V ELF psABI, "Global pointer"); its own setting must not be relaxed.
 */
    .section .text.start, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    lla gp, __global_pointer$
    .option pop
    mv a0, sp
    andi sp, sp, -16
    call rt_start
1:  j 1b
    .size _start, . - _start
