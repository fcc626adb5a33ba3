#!/usr/bin/env python3
"""Differential test of rvtlm-iss against a reference RISC-V emulator.

A developer tool, not part of CI. It generates one bare-metal guest program
per XLEN that executes F, D, M, Zba, Zbb, Zbs, Zicond (and a few base)
instructions on edge-case operands: every static rounding mode and the
dynamic one (frm chosen per case), signed zeros, infinities, quiet and
signaling NaNs with payloads, single values in D registers that are not
NaN-boxed, the smallest and largest subnormals and normals, values around
the integer conversion limits, and random values. After each instruction
the program records the result (64 bits; FP results with their NaN box)
and fflags (cleared before each instruction) into the memory between
begin_signature and end_signature. At the end it prints those words as hex,
one per line, on the 16550 UART at 0x10000000, then a checksum line, and
stops through the test finisher at 0x100000 (the virt machine's map, which
rvtlm-iss shares), so the same ELF runs on both.

    scripts/difftest/difftest.py [--xlen 32|64|both] [--quick] [--sweep]
        [--seed N] [--iss build/iss/rvtlm-iss] [--out DIR]
        [--iss-arg=ARG ...] [--qemu-arg=ARG ...]   ({xlen} is replaced)

builds DIR/rv<xlen>/prog.elf with riscv64-unknown-elf-gcc, runs it on
rvtlm-iss (which also writes --signature) and on
`qemu-system-riscv<xlen> -M virt -bios none -nographic -kernel prog.elf`,
and prints every case whose result or flags differ, with its instruction,
rounding mode and operands. An instruction that traps is skipped by the
program's trap handler, which leaves -1 in a3 and fa3 (so illegal
encodings compare too); instructions the reference lacks (Zicond on QEMU
7.2) are compared with model() instead. See README.md beside this file. The reference is a peer to compare with, not
an oracle: decide each difference by the ISA specification.
"""

import argparse
import os
import random
import struct
import subprocess
import sys

ROUNDING = ["rne", "rtz", "rdn", "rup", "rmm", "dyn"]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

# --------------------------------------------------------------------------
# Operand tables


def f32_edges():
    v = [0x00000000, 0x80000000, 0x7F800000, 0xFF800000,   # zeros, infinities
         0x7FC00000, 0xFFC00000, 0x7FC12345, 0x7FFFFFFF,   # quiet NaNs
         0x7F800001, 0xFF800001, 0x7FA5A5A5, 0x7FBFFFFF,   # signaling NaNs
         0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF,   # subnormals
         0x00400000, 0x00000003,
         0x00800000, 0x80800000, 0x00800001, 0x00FFFFFF,   # normals
         0x7F7FFFFF, 0xFF7FFFFF, 0x7F000000,
         0x3F800000, 0xBF800000, 0x3F800001, 0x3F7FFFFF,   # around 1
         0x40000000, 0x3F000000, 0xBF000000, 0x3FC00000,   # 2, 0.5, 1.5
         0x40200000, 0xC0200000, 0x40400000, 0x3F7FFFFE,
         0x3F666666, 0xBF666666, 0x33800000, 0x34000000,
         0x4EFFFFFF, 0x4F000000, 0xCF000000, 0xCF000001,   # 2^31
         0x4F7FFFFF, 0x4F800000,                           # 2^32
         0x5EFFFFFF, 0x5F000000, 0xDF000000, 0xDF000001,   # 2^63
         0x5F7FFFFF, 0x5F800000]                           # 2^64
    return v


def f64_edges():
    v = [0x0000000000000000, 0x8000000000000000,
         0x7FF0000000000000, 0xFFF0000000000000,
         0x7FF8000000000000, 0xFFF8000000000000,
         0x7FF8000000012345, 0x7FFFFFFFFFFFFFFF,
         0x7FF0000000000001, 0xFFF0000000000001,
         0x7FF5A5A5A5A5A5A5, 0x7FF7FFFFFFFFFFFF,
         0x0000000000000001, 0x8000000000000001,
         0x000FFFFFFFFFFFFF, 0x800FFFFFFFFFFFFF,
         0x0008000000000000, 0x0000000000000003,
         0x0010000000000000, 0x8010000000000000,
         0x0010000000000001, 0x001FFFFFFFFFFFFF,
         0x7FEFFFFFFFFFFFFF, 0xFFEFFFFFFFFFFFFF, 0x7FE0000000000000,
         0x3FF0000000000000, 0xBFF0000000000000,
         0x3FF0000000000001, 0x3FEFFFFFFFFFFFFF,
         0x4000000000000000, 0x3FE0000000000000, 0xBFE0000000000000,
         0x3FF8000000000000, 0x4004000000000000, 0xC004000000000000,
         0x4008000000000000, 0x3FEFFFFFFFFFFFFE,
         0x3FECCCCCCCCCCCCD, 0xBFECCCCCCCCCCCCD,
         0x3CA0000000000000, 0x3CB0000000000000,
         0x41DFFFFFFFC00000, 0x41DFFFFFFFFFFFFF,           # 2^31 - 1, below 2^31
         0x41E0000000000000, 0xC1E0000000000000,           # +-2^31
         0xC1E0000000100000, 0xC1E0000000000001,           # -2^31 - 0.5, below -2^31
         0x41EFFFFFFFE00000, 0x41EFFFFFFFFFFFFF,           # 2^32 - 1, below 2^32
         0x41F0000000000000,
         0x43DFFFFFFFFFFFFF, 0x43E0000000000000,           # 2^63
         0xC3E0000000000000, 0xC3E0000000000001,
         0x43EFFFFFFFFFFFFF, 0x43F0000000000000,           # 2^64
         # single-precision edge values, exactly representable
         0x380FFFFFC0000000, 0x3810000000000000, 0x36A0000000000000,
         0x47EFFFFFE0000000, 0x47EFFFFFF0000000, 0x47F0000000000000,
         0x3690000000000000, 0x3810000010000000, 0x380FFFFFE0000000]
    return v


def rand_f(rng, bits):
    """Random values: mostly moderate exponents so that arithmetic rounds."""
    ew, mw = (8, 23) if bits == 32 else (11, 52)
    bias = (1 << (ew - 1)) - 1
    k = rng.random()
    if k < 0.15:
        return rng.getrandbits(bits)
    sign = rng.getrandbits(1)
    if k < 0.8:
        e = bias + rng.randint(-4, 4)
    elif k < 0.9:
        e = rng.choice([0, 1, 2, (1 << ew) - 2, (1 << ew) - 3])
    else:
        e = bias + rng.choice([31, 32, 63, 64, 30, 62, mw, mw + 1])
    m = rng.getrandbits(mw)
    if rng.random() < 0.3:
        m &= ~((1 << rng.randint(0, mw)) - 1)
    return (sign << (bits - 1)) | (e << mw) | m


def make_f(bits, sign, e, m):
    """Value of unbiased exponent e (normal or, below emin, subnormal)."""
    ew, mw = (8, 23) if bits == 32 else (11, 52)
    bias = (1 << (ew - 1)) - 1
    m &= (1 << mw) - 1
    be = e + bias
    if be <= 0:
        shift = 1 - be
        m = ((1 << mw) | m) >> shift if shift <= mw + 1 else 0
        be = 0
    if be >= (1 << ew) - 1:
        be, m = (1 << ew) - 2, (1 << mw) - 1
    return (sign << (bits - 1)) | (be << mw) | m


def rand_mant(rng, bits):
    mw = 23 if bits == 32 else 52
    k = rng.random()
    if k < 0.25:
        return (1 << mw) - 1 - rng.getrandbits(3)   # just below a power of 2
    if k < 0.4:
        return rng.getrandbits(3)                   # just above one
    return rng.getrandbits(mw)


def edge_pair(rng, bits, op):
    """Operands whose result lands near the underflow or overflow threshold."""
    ew = 8 if bits == 32 else 11
    emin = 2 - (1 << (ew - 1))
    emax = (1 << (ew - 1)) - 1
    mw = 23 if bits == 32 else 52
    target = rng.choice([emin + rng.randint(-mw - 2, 1), emax + rng.randint(-1, 1)])
    e1 = rng.randint(max(emin, target - emax), min(emax, target - emin))
    e2 = target - e1 if op != "div" else e1 - target
    a = make_f(bits, rng.getrandbits(1), e1, rand_mant(rng, bits))
    b = make_f(bits, rng.getrandbits(1), e2, rand_mant(rng, bits))
    return a, b


def box(v):
    return 0xFFFFFFFF00000000 | v


def single_operands(rng, n_random):
    vals = [box(v) for v in f32_edges()]
    # not NaN-boxed: read as the canonical NaN by every single operation
    vals += [0x000000003F800000, 0xFFFFFFFE3F800000, 0x7FF8000000000000,
             0x7FFFFFFF7F800001]
    vals += [box(rand_f(rng, 32)) for _ in range(n_random)]
    return vals


def double_operands(rng, n_random):
    vals = f64_edges()
    vals += [box(0x3F800000), box(0x7FC00000)]  # boxed singles as doubles
    vals += [rand_f(rng, 64) for _ in range(n_random)]
    return vals


def int_operands(rng, xlen, n_random):
    v = [0, 1, 2, 3, 5, 7, 31, 32, 33, 63, 64, 0x7F, 0x80, 0xFF, 0x8000,
         0xFFFF, 0x7FFFFFFF, 0x80000000, 0x80000001, 0xFFFFFFFF,
         0x100000000, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000,
         0x8000000000000001, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFE,
         0xFFFFFFFF80000000, 0xFFFFFFFF7FFFFFFF, 0x0123456789ABCDEF,
         0xAAAAAAAAAAAAAAAA, 0x5555555555555555, 0x00FF00FF00FF00FF,
         0x0000000100000001, 0x0020000000000001, 0x001FFFFFFFFFFFFF,
         0x0000000001000001, 0x0000000000FFFFFF, 0xFFFFFFFFFF000001,
         0x7FFFFFFFFFFFFC00, 0x7FFFFFFFFFFFFDFF, 0x00000000FFFFFF80]
    v += [rng.getrandbits(64) for _ in range(n_random)]
    v += [rng.getrandbits(rng.randint(1, 64)) for _ in range(n_random)]
    if xlen == 32:
        # lw reads the low word; give RV32 its own interesting high halves
        v = [x & 0xFFFFFFFF for x in v]
        v += [0x80000000, 0xFFFFFF80, 0x4B000000, 0x4AFFFFFF]
    return sorted(set(v), key=v.index)


# --------------------------------------------------------------------------
# Cases

class Group:
    """One instruction (one text) over a list of operand tuples."""

    def __init__(self, text, kinds, result, tuples, dyn=False):
        self.text = text        # assembly of the instruction
        self.kinds = kinds      # operand classes: 'f' (fa0..), 'x' (a0..)
        self.result = result    # 'f' (fa3) or 'x' (a3)
        self.tuples = tuples    # list of operand tuples (64-bit values)
        self.dyn = dyn          # operand tuple is followed by frm


def cross(a, b):
    return [(x, y) for x in a for y in b]


def build_groups(xlen, quick, seed, sweep=False):
    rng = random.Random(seed)
    nr = 8 if quick else 24
    sop = single_operands(rng, nr)
    dop = double_operands(rng, nr)
    iop = int_operands(rng, xlen, 6 if quick else 12)
    groups = []

    def add(text, kinds, result, tuples, rm=None):
        if rm is None:
            groups.append(Group(text, kinds, result, tuples))
            return
        for r in ROUNDING:
            ts = tuples
            if quick and r not in ("rne", "dyn"):
                ts = tuples[::7]
            groups.append(Group(text.replace("RM", r), kinds, result, ts,
                                dyn=(r == "dyn")))

    for fmt, ops in (("s", sop), ("d", dop)):
        pairs = cross(ops, ops)
        extra = [(rand_f(rng, 32 if fmt == "s" else 64),
                  rand_f(rng, 32 if fmt == "s" else 64))
                 for _ in range(100 if quick else 400)]
        bits = 32 if fmt == "s" else 64
        nt = 100 if quick else 600
        tiny = {op: [edge_pair(rng, bits, op) for _ in range(nt)]
                for op in ("mul", "div")}
        tiny["add"] = [(make_f(bits, rng.getrandbits(1), rng.randint(-150, -120) if bits == 32
                               else rng.randint(-1080, -1015), rand_mant(rng, bits)),
                        make_f(bits, rng.getrandbits(1), rng.randint(-150, -120) if bits == 32
                               else rng.randint(-1080, -1015), rand_mant(rng, bits)))
                       for _ in range(nt // 4)]
        tiny["sub"] = tiny["add"]
        if fmt == "s":
            extra = [(box(a), box(b)) for a, b in extra]
            tiny = {k: [(box(a), box(b)) for a, b in v] for k, v in tiny.items()}
        for op in ("fadd", "fsub", "fmul", "fdiv"):
            add(f"{op}.{fmt} fa3, fa0, fa1, RM", "ff", "f", pairs + extra + tiny[op[1:]],
                rm=True)
        add(f"fsqrt.{fmt} fa3, fa0, RM", "f", "f", [(a,) for a in ops] +
            [(a,) for a, _ in extra], rm=True)
        for op in ("fmin", "fmax", "fsgnj", "fsgnjn", "fsgnjx"):
            add(f"{op}.{fmt} fa3, fa0, fa1", "ff", "f", pairs)
        for op in ("feq", "flt", "fle"):
            add(f"{op}.{fmt} a3, fa0, fa1", "ff", "x", pairs)
        add(f"fclass.{fmt} a3, fa0", "f", "x", [(a,) for a in ops])
        small = ops[:60]
        triples = [(rng.choice(small), rng.choice(small), rng.choice(small))
                   for _ in range(300 if quick else 1500)]
        # products that cancel against the addend, exactly or nearly
        for a, b in extra[:200]:
            c = rand_f(rng, 32 if fmt == "s" else 64)
            triples.append((a, b, box(c) if fmt == "s" else c))
        # products near the thresholds, with a small or cancelling addend
        for a, b in tiny["mul"]:
            k = rng.random()
            if k < 0.3:
                c = ops[rng.randrange(12, 24)]
            else:
                # about -a*b: the sum cancels to a few bits
                fa = struct.unpack("<d", struct.pack("<Q", a & (2**64 - 1)))[0] if bits == 64 \
                    else struct.unpack("<f", struct.pack("<I", a & 0xFFFFFFFF))[0]
                fb = struct.unpack("<d", struct.pack("<Q", b))[0] if bits == 64 \
                    else struct.unpack("<f", struct.pack("<I", b & 0xFFFFFFFF))[0]
                prod = -fa * fb * (1 + rng.choice([0, 1e-7, -1e-7, 2**-bits]))
                c = struct.unpack("<Q", struct.pack("<d", prod))[0] if bits == 64 else \
                    struct.unpack("<I", struct.pack("<f", prod))[0] \
                    if abs(prod) < 3.4e38 else 0
                if fmt == "s":
                    c = box(c)
            triples.append((a, b, c))
        for _ in range(100 if quick else 600):
            t = tuple(rand_f(rng, bits) for _ in range(3))
            triples.append(tuple(box(v) for v in t) if fmt == "s" else t)
        for op in ("fmadd", "fmsub", "fnmadd", "fnmsub"):
            add(f"{op}.{fmt} fa3, fa0, fa1, fa2, RM", "fff", "f", triples, rm=True)
        unary = [(a,) for a in ops]
        # around the integer limits, every rounding direction
        for _ in range(60 if quick else 400):
            e = rng.choice([29, 30, 31, 32, 33, 61, 62, 63, 64, 65, -1, 0])
            v = make_f(bits, rng.getrandbits(1), e, rand_mant(rng, bits))
            unary.append((box(v) if fmt == "s" else v,))
        for it in ("w", "wu") + (("l", "lu") if xlen == 64 else ()):
            add(f"fcvt.{it}.{fmt} a3, fa0, RM", "f", "x", unary, rm=True)
            ints = [(x,) for x in iop] + \
                [(rand_f(rng, 64) & ((1 << xlen) - 1),) for _ in range(40)] + \
                [((rng.getrandbits(rng.randint(20, 64)) | 1) & ((1 << xlen) - 1),)
                 for _ in range(30 if quick else 300)]
            if fmt == "d" and it in ("w", "wu"):
                # exact; binutils takes no rm operand, so encode each rm
                rs2 = "x0" if it == "w" else "ra"
                for code, r in enumerate(ROUNDING):
                    groups.append(Group(
                        f".insn r 0x53, {7 if r == 'dyn' else code}, 0x69, fa3, a0, {rs2}"
                        f" /* fcvt.d.{it} {r} */", "x", "f", ints, dyn=(r == "dyn")))
            else:
                add(f"fcvt.{fmt}.{it} fa3, a0, RM", "x", "f", ints, rm=True)
    # conversions between the formats
    add("fcvt.s.d fa3, fa0, RM", "f", "f", [(a,) for a in dop] +
        [(rand_f(rng, 64),) for _ in range(200)] +
        [(make_f(64, rng.getrandbits(1), rng.choice([rng.randint(-152, -124),
                                                      rng.randint(126, 129)]),
                 rand_mant(rng, 64)),) for _ in range(600)], rm=True)
    # fcvt.d.s is exact; binutils takes no rm operand, so encode each rm
    for rmv, r in enumerate(ROUNDING[:5] + ["dyn"]):
        code = 7 if r == "dyn" else rmv
        groups.append(Group(f".insn r 0x53, {code}, 0x21, fa3, fa0, x0 /* fcvt.d.s {r} */",
                            "f", "f", [(a,) for a in sop], dyn=(r == "dyn")))
    # reserved rounding modes: static 5 and 6, dynamic with frm 5, 6 or 7
    # are illegal instructions (the trap handler writes -1 to a3 and fa3)
    for rmv in (5, 6):
        for f7, name in ((0x00, "fadd.s"), (0x01, "fadd.d"), (0x20, "fcvt.s.d")):
            rs2 = "x1" if name == "fcvt.s.d" else "fa1"
            groups.append(Group(f".insn r 0x53, {rmv}, {f7}, fa3, fa0, {rs2} /* {name} rm{rmv} */",
                                "ff", "f", [(box(0x3F800000), box(0x40000000)),
                                            (0x3FF0000000000000, 0x4000000000000000)]))
        for name, f7, rs2 in (("fcvt.d.s", 0x21, "x0"), ("fcvt.d.w", 0x69, "x0"),
                              ("fcvt.w.d", 0x61, "x0")):
            groups.append(Group(f".insn r 0x53, {rmv}, {f7}, fa3, fa0, {rs2} /* {name} rm{rmv} */",
                                "f", "f", [(box(0x3F800000),), (0x3FF0000000000000,)]))
    for frm in (5, 6, 7):
        for text in ("fadd.s fa3, fa0, fa1, dyn", "fmul.d fa3, fa0, fa1, dyn",
                     "fmadd.s fa3, fa0, fa1, fa0, dyn", "fsqrt.d fa3, fa0, dyn",
                     "fcvt.w.s a3, fa0, dyn", "fcvt.s.w fa3, a0, dyn",
                     "fsgnj.s fa3, fa0, fa1", "fmin.d fa3, fa0, fa1", "feq.s a3, fa0, fa1"):
            r = "x" if text.startswith(("fcvt.w", "feq")) else "f"
            groups.append(Group(f"fsrmi {frm}; {text}; fsrmi 0", "ff", r,
                                [(box(0x3F800000), box(0x40000000)),
                                 (0x3FF0000000000000, 0x4000000000000000)]))
    # decoding: every funct7/funct3 of OP-FP (some rs2 selectors), of the
    # FMA opcodes' fmt/funct3 and of FP loads/stores' width; an illegal
    # instruction gives a3 = -1 ^ fa3's bits
    if sweep:
        fmv = "fmv.x.d" if xlen == 64 else "fmv.x.w"
        pre = "li a3, 0x5a5; fmv.w.x fa3, a3; "
        post = f"; {fmv} t5, fa3; xor a3, a3, t5"
        opnd = [(box(0x3F800000), box(0xC0000000)),
                (0x7FF0000000000001, 0x4000000000000000)]
        for f7 in range(128):
            for f3 in range(8):
                for rs2 in (0, 1, 2, 3, 4, 5, 11, 31):
                    word = 0x53 | (13 << 7) | (f3 << 12) | (10 << 15) | (rs2 << 20) | (f7 << 25)
                    groups.append(Group(f"{pre}.word 0x{word:08x}{post}", "bb", "x", opnd))
        for opc in (0x43, 0x47, 0x4B, 0x4F):
            for fmt in range(4):
                for f3 in range(8):
                    word = opc | (13 << 7) | (f3 << 12) | (10 << 15) | (11 << 20) | \
                        (fmt << 25) | (12 << 27)
                    groups.append(Group(f"{pre}.word 0x{word:08x}{post}", "bb", "x", opnd))
        for f3 in range(8):
            word = 0x07 | (13 << 7) | (f3 << 12) | (5 << 15)   # load from t0
            groups.append(Group(f"{pre}la t0, scratch; .word 0x{word:08x}{post}", "bb", "x",
                                opnd))
            word = 0x27 | (f3 << 12) | (5 << 15) | (10 << 20)  # store fa0 to t0
            groups.append(Group(f"{pre}la t0, scratch; sw zero, 0(t0); sw zero, 4(t0); sw zero, 8(t0); "
                                f".word 0x{word:08x}; lw a3, 0(t0); lw t5, 4(t0); xor a3, a3, t5",
                                "bb", "x", opnd))
        # OP, OP-32, OP-IMM and OP-IMM-32 (shifts and the bit-manipulation
        # encodings among them)
        iopnd = [(0x8000000000000001, 5), (0x00000000FFFF0F0F, 0x1F)]
        for opc in (0x33, 0x3B):
            for f7 in range(128):
                for f3 in range(8):
                    word = opc | (13 << 7) | (f3 << 12) | (10 << 15) | (11 << 20) | (f7 << 25)
                    groups.append(Group(f"{pre}.word 0x{word:08x}{post}", "xx", "x", iopnd))
        for opc in (0x13, 0x1B):
            for f3 in (1, 5):
                for imm in range(4096):
                    if imm & 0x1F not in (0, 1, 2, 4, 5, 7, 24, 31):
                        continue
                    word = opc | (13 << 7) | (f3 << 12) | (10 << 15) | (imm << 20)
                    groups.append(Group(f"{pre}.word 0x{word:08x}{post}", "xx", "x", iopnd))
    # mstatus.FS: Off makes every FP instruction illegal; a write to FP
    # state makes it Dirty (a3 = result ^ mstatus.FS|SD after, or -1)
    fs_ops = ["fadd.s fa3, fa0, fa1", "fmv.w.x fa3, a0", "fmv.x.w a3, fa0",
              "feq.d a3, fa0, fa1", "fclass.s a3, fa0", "fsgnj.d fa3, fa0, fa1",
              "la t3, scratch; flw fa3, 0(t3)", "la t3, scratch; fsw fa0, 0(t3)",
              "fcvt.w.d a3, fa0",
              "frflags a3", "fsflags a3, a0", "frrm a3", "fsrmi a3, 0", "csrr a3, fcsr",
              "fmin.s fa3, fa0, fa1", "fcvt.d.s fa3, fa0"]
    for fs in (0, 1, 2, 3):
        for text in fs_ops:
            groups.append(Group(
                f"li t3, 0x6000; csrc mstatus, t3; li t3, {fs << 13}; csrw mscratch, t3;"
                f" csrs mstatus, t3; {text}; csrr t3, mstatus; li t4, 0x6000; csrs mstatus, t4;"
                f" fmv.x.w t5, fa3; xor a3, a3, t5; and t4, t3, t4; xor a3, a3, t4;"
                f" srli t3, t3, {xlen - 1}; xor a3, a3, t3; li t3, 0x6000; csrw mscratch, t3",
                "bb", "x", [(box(0x3F800000), box(0x7F800001)),
                            (0x3FF0000000000000, 0x3FF0000000000000)]))
    # destination x0 (flags still accrue) and destinations that are sources
    for text in ("feq.s zero, fa0, fa1", "flt.d zero, fa0, fa1", "fcvt.w.s zero, fa0, rtz",
                 "fcvt.wu.d zero, fa0, rup", "fclass.d zero, fa0", "fmv.x.w zero, fa0"):
        add(f"{text}; mv a3, zero", "ff", "x", cross(sop[:20], dop[:20]))
    for text in ("fmadd.d fa2, fa0, fa1, fa2", "fnmsub.s fa0, fa0, fa1, fa2",
                 "fmul.d fa1, fa1, fa1", "fsgnjn.s fa0, fa0, fa0", "fmin.d fa1, fa0, fa1",
                 "fsqrt.d fa0, fa0"):
        rd = text.split()[1].rstrip(",")
        add(f"{text}; fmv.d fa3, {rd}", "fff",
            "f", [(rng.choice(dop), rng.choice(dop), rng.choice(dop)) for _ in range(300)])
    for text in ("mulh a0, a0, a0", "mulhsu a1, a0, a1", "divu a0, a1, a0", "rem a1, a1, a1",
                 "sh2add a0, a0, a1", "rol a1, a0, a1", "max a0, a1, a0", "bext a0, a0, a1",
                 "cpop a0, a0", "rev8 a1, a1"):
        rd = text.split()[1].rstrip(",")
        add(f"{text}; mv a3, {rd}", "xx", "x", cross(iop[:30], iop[:30]))
    # exact operations with rm = dyn while frm holds a reserved value
    for frm in (5, 7):
        for name, f7, rs2 in (("fcvt.d.s", 0x21, "x0"), ("fcvt.d.w", 0x69, "x0"),
                              ("fcvt.d.wu", 0x69, "x1")):
            groups.append(Group(f"fsrmi {frm}; .insn r 0x53, 7, {f7}, fa3, fa0, {rs2}; fsrmi 0"
                                f" /* {name} dyn */", "b", "f",
                                [(box(0x3F800000),), (5,)]))
    # fcsr fields
    for op in ("csrrs", "csrrc", "csrrw"):
        for csr in ("fcsr", "frm", "fflags"):
            add(f"li t3, 0x5a; fscsr t3; {op} t3, {csr}, a0; csrr a3, fcsr; fscsr zero;"
                " slli t3, t3, 16; or a3, a3, t3", "x", "x", [(x,) for x in iop])
    for csr in ("fcsr", "frm", "fflags"):
        add(f"csrw {csr}, a0; csrr a3, fcsr; fsrmi 0", "x", "x", [(x,) for x in iop])
    # loads and stores: flw boxes, fsw stores the low word as it is
    add("la t3, scratch; fsw fa0, 0(t3); lw a3, 0(t3)", "f", "x",
        [(a,) for a in sop + dop])
    add("la t3, scratch; sw a0, 0(t3); flw fa3, 0(t3)", "x", "f", [(x,) for x in iop])
    add("la t3, scratch; fsd fa0, 0(t3); fld fa3, 0(t3)", "f", "f",
        [(a,) for a in sop + dop])
    add("la a5, scratch; c.fsd fa0, 8(a5); c.fld fa3, 8(a5)", "f", "f",
        [(a,) for a in sop + dop])
    if xlen == 32:
        add("la a5, scratch; c.fsw fa0, 8(a5); c.flw fa3, 8(a5)", "f", "f",
            [(a,) for a in sop + dop])
    # moves
    add("fmv.x.w a3, fa0", "f", "x", [(a,) for a in sop + dop])
    add("fmv.w.x fa3, a0", "x", "f", [(x,) for x in iop])
    if xlen == 64:
        add("fmv.x.d a3, fa0", "f", "x", [(a,) for a in dop])
        add("fmv.d.x fa3, a0", "x", "f", [(x,) for x in iop])

    ipairs = cross(iop, iop)
    if quick:
        ipairs = ipairs[::3]
    bin_ops = ["add", "sub", "sll", "srl", "sra", "slt", "sltu",
               "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
               "sh1add", "sh2add", "sh3add",
               "andn", "orn", "xnor", "max", "maxu", "min", "minu", "rol", "ror",
               "bclr", "bext", "binv", "bset"]
    if xlen == 64:
        bin_ops += ["addw", "subw", "sllw", "srlw", "sraw",
                    "mulw", "divw", "divuw", "remw", "remuw",
                    "add.uw", "sh1add.uw", "sh2add.uw", "sh3add.uw",
                    "rolw", "rorw"]
    for op in bin_ops:
        add(f"{op} a3, a0, a1", "xx", "x", ipairs)
    # Zicond (binutils 2.40 lacks the mnemonics; QEMU 7.2 lacks the
    # extension: its trap handler skips them and these cases are checked
    # against model() instead)
    if True:
        add(".insn r 0x33, 5, 7, a3, a0, a1 /* czero.eqz */", "xx", "x", ipairs)
        add(".insn r 0x33, 7, 7, a3, a0, a1 /* czero.nez */", "xx", "x", ipairs)
    un_ops = ["clz", "ctz", "cpop", "sext.b", "sext.h", "zext.h", "orc.b",
              "rev8"]
    if xlen == 64:
        un_ops += ["clzw", "ctzw", "cpopw", "zext.w"]
    for op in un_ops:
        add(f"{op} a3, a0", "x", "x", [(x,) for x in iop])
    shamts = sorted({0, 1, 7, 15, 16, 31} | ({32, 33, 47, 63} if xlen == 64 else set()))
    for sh in shamts:
        for op in ("rori", "bclri", "bexti", "binvi", "bseti", "slli", "srli", "srai") + \
                (("slli.uw",) if xlen == 64 else ()):
            add(f"{op} a3, a0, {sh}", "x", "x", [(x,) for x in iop])
        if xlen == 64 and sh < 32:
            for op in ("roriw", "slliw", "srliw", "sraiw"):
                add(f"{op} a3, a0, {sh}", "x", "x", [(x,) for x in iop])
    return groups


# --------------------------------------------------------------------------
# Program

def emit(groups, xlen, outdir):
    os.makedirs(outdir, exist_ok=True)
    data = bytearray()
    cases = []
    lines = []
    w = lines.append
    ld = "ld" if xlen == 64 else "lw"
    sx = "sd" if xlen == 64 else "sw"
    w("/* generated by scripts/difftest/difftest.py */")
    w("  .section .text.init, \"ax\"")
    w("  .globl _start")
    w("_start:")
    # an instruction the reference does not implement is skipped
    w("  la t0, skip; csrw mtvec, t0; j 9f")
    w("  .balign 4")
    w("skip: csrr t4, mepc; lhu t6, 0(t4); addi t4, t4, 2; andi t6, t6, 3; addi t6, t6, -3")
    w("  bnez t6, 10f; addi t4, t4, 2")
    w("10: csrw mepc, t4; li a3, -1")
    w("  li t4, 0x6000; csrs mstatus, t4; fmv.w.x fa3, a3; csrc mstatus, t4")
    w("  csrr t4, mscratch; csrs mstatus, t4; mret")  # FS as before the trap
    w("9:")
    w("  li t0, 0x6000; csrs mstatus, t0")  # FS = Dirty
    # the same start state on both: every register known
    for r in range(1, 32):
        w(f"  li x{r}, {0x1111 * r}")
    for r in range(32):
        w(f"  fcvt.d.w f{r}, x{r}")
    w("  li t0, 0x6000; csrw mscratch, t0")
    w("  la s0, operands; la s2, results; la s3, flags")
    for g in groups:
        stride = 8 * len(g.kinds) + (8 if g.dyn else 0)
        w(f"  /* {g.text.split(' /*')[0]} x {len(g.tuples)} */")
        w(f"  li s1, {len(g.tuples)}")
        w("2:")
        fi = xi = 0
        for i, k in enumerate(g.kinds):
            if k == "f":
                w(f"  fld fa{fi}, {8 * i}(s0)")
                fi += 1
            elif k == "b":
                w(f"  fld fa{fi}, {8 * i}(s0)")
                w(f"  {ld} a{xi}, {8 * i}(s0)")
                fi += 1
                xi += 1
            else:
                w(f"  {ld} a{xi}, {8 * i}(s0)")
                xi += 1
        if g.dyn:
            w(f"  lw t1, {8 * len(g.kinds)}(s0); fsrm t1")
        w("  fsflags x0")
        w(f"  {g.text}")
        w("  frflags t0")
        if g.result == "f":
            w("  fsd fa3, 0(s2)")
        else:
            w(f"  {sx} a3, 0(s2)")
        w("  sb t0, 0(s3)")
        w(f"  addi s0, s0, {stride}; addi s2, s2, 8; addi s3, s3, 1")
        w("  addi s1, s1, -1; bnez s1, 2b")
        if g.dyn:
            w("  fsrmi 0")
        for t in g.tuples:
            for v in t:
                data += struct.pack("<Q", v & 0xFFFFFFFFFFFFFFFF)
            frm = None
            if g.dyn:
                frm = random.Random(len(cases)).randint(0, 4)
                data += struct.pack("<Q", frm)
            cases.append((g.text, t, frm))
    n = len(cases)
    # print the signature as hex words, then a checksum, then stop
    w("1:")
    w("  la s0, begin_signature; la s1, end_signature; li s2, 0")
    w("  li s4, 0x10000000")
    w("3:")
    w("  lw a0, 0(s0)")
    w("  slli t0, s2, 5; srli t1, s2, 27; or s2, t0, t1; xor s2, s2, a0")
    if xlen == 64:
        w("  slli s2, s2, 32; srli s2, s2, 32")
    w("  call puthex")
    w("  addi s0, s0, 4; bltu s0, s1, 3b")
    w("  la a1, tag")
    w("4: lbu a0, 0(a1); beqz a0, 5f; sb a0, 0(s4); addi a1, a1, 1; j 4b")
    w("5: mv a0, s2; call puthex")
    w("  li t0, 0x100000; li t1, 0x5555; sw t1, 0(t0)")
    w("6: j 6b")
    w("puthex:")  # a0: word, prints 8 hex digits and a newline
    w("  li t2, 28")
    w("7: srl t0, a0, t2; andi t0, t0, 15; li t1, 10; blt t0, t1, 8f")
    w("  addi t0, t0, 39")
    w("8: addi t0, t0, 48; sb t0, 0(s4); addi t2, t2, -4; bgez t2, 7b")
    w("  li t0, 10; sb t0, 0(s4); ret")
    w("  .section .rodata")
    w("tag: .string \"checksum \"")
    w("  .balign 8")
    w(f"operands: .incbin \"{os.path.join(outdir, 'operands.bin')}\"")
    w("  .data")
    w("  .balign 16")
    w("scratch: .fill 32, 1, 0")
    w("  .balign 16")
    w("  .globl begin_signature, end_signature")
    w("begin_signature:")
    w(f"results: .fill {n}, 8, 0")
    w(f"flags: .fill {(n + 3) // 4 * 4}, 1, 0")
    w("end_signature:")
    with open(os.path.join(outdir, "operands.bin"), "wb") as f:
        f.write(data)
    with open(os.path.join(outdir, "prog.S"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return cases


def build(xlen, outdir):
    march = f"rv{xlen}imafdc_zba_zbb_zbs"
    mabi = "lp64" if xlen == 64 else "ilp32"
    elf = os.path.join(outdir, "prog.elf")
    subprocess.run(["riscv64-unknown-elf-gcc", f"-march={march}", f"-mabi={mabi}",
                    "-mcmodel=medany", "-nostdlib", "-nostartfiles",
                    "-T", os.path.join(ROOT, "guest", "common", "link.ld"),
                    "-Wl,--no-warn-rwx-segments",
                    os.path.join(outdir, "prog.S"), "-o", elf], check=True)
    return elf


def words(text):
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("checksum "):
            line = line[len("checksum "):]
        if len(line) == 8:
            try:
                out.append(int(line, 16))
            except ValueError:
                pass
    return out


def run_iss(iss, elf, outdir, extra):
    sig = os.path.join(outdir, "iss.sig")
    p = subprocess.run([iss, "--max-insns", "4000000000", "--signature", sig] + extra + [elf], capture_output=True,
                       text=True, timeout=1800)
    with open(sig) as f:
        from_file = words(f.read())
    printed = words(p.stdout)
    if printed[:-1] != from_file:
        print("rvtlm-iss: printed words differ from --signature file")
    return printed


def run_qemu(qemu, elf, extra):
    p = subprocess.run([qemu, "-M", "virt", "-bios", "none", "-nographic"] + extra +
                       ["-kernel", elf], capture_output=True, text=True,
                       timeout=1800)
    return words(p.stdout)


def fmt_case(c):
    text, ops, frm = c
    s = f"{text:<40} " + " ".join(f"{v:016x}" for v in ops)
    if frm is not None:
        s += f" frm={frm}"
    return s


def model(text, ops, xlen):
    """The reference's result for instructions it lacks, or None."""
    mask = (1 << xlen) - 1
    if "czero.eqz" in text:
        return 0 if ops[1] & mask == 0 else ops[0]
    if "czero.nez" in text:
        return 0 if ops[1] & mask != 0 else ops[0]
    return None


def compare(cases, a, b, limit, xlen):
    n = len(cases)
    if len(a) != len(b):
        print(f"different lengths: {len(a)} vs {len(b)} words")
    fa = b"".join(struct.pack("<I", x) for x in a[2 * n:])
    fb = b"".join(struct.pack("<I", x) for x in b[2 * n:])
    diffs = 0
    by_insn = {}
    for i, c in enumerate(cases):
        ra = (a[2 * i + 1] << 32) | a[2 * i] if 2 * i + 1 < len(a) else None
        rb = (b[2 * i + 1] << 32) | b[2 * i] if 2 * i + 1 < len(b) else None
        ga = fa[i] if i < len(fa) else None
        gb = fb[i] if i < len(fb) else None
        m = model(c[0], c[1], xlen)
        if m is not None:
            rb = m & ((1 << xlen) - 1)
            gb = 0
            ra = ra & ((1 << xlen) - 1) if ra is not None else None
        if ra != rb or ga != gb:
            diffs += 1
            by_insn[c[0]] = by_insn.get(c[0], 0) + 1
            if diffs <= limit:
                print(f"{fmt_case(c)}\n    rvtlm {ra:016x} flags {ga:02x}"
                      f"   reference {rb:016x} flags {gb:02x}")
    for k, v in sorted(by_insn.items()):
        print(f"  {v:6d}  {k}")
    print(f"{diffs} of {n} cases differ")
    return diffs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--xlen", default="both", choices=["32", "64", "both"])
    ap.add_argument("--quick", action="store_true", help="fewer cases")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sweep", action="store_true",
                    help="also every encoding of the FP, OP and shift opcodes")
    ap.add_argument("--iss", default=os.path.join(ROOT, "build", "iss", "rvtlm-iss"))
    ap.add_argument("--qemu", default="qemu-system-riscv{xlen}")
    ap.add_argument("--out", default="/tmp/rvtlm-difftest")
    ap.add_argument("--iss-arg", action="append", default=[],
                    help="extra rvtlm-iss argument, e.g. --iss-arg=--isa=rv64imafc")
    ap.add_argument("--qemu-arg", action="append", default=[],
                    help="extra reference argument, e.g. --qemu-arg=-cpu --qemu-arg=rv{xlen},d=false")
    ap.add_argument("--limit", type=int, default=200, help="differences shown")
    args = ap.parse_args()
    total = 0
    for xlen in ([32, 64] if args.xlen == "both" else [int(args.xlen)]):
        outdir = os.path.join(args.out, f"rv{xlen}")
        groups = build_groups(xlen, args.quick, args.seed, args.sweep)
        cases = emit(groups, xlen, outdir)
        elf = build(xlen, outdir)
        print(f"rv{xlen}: {len(cases)} cases, {elf}")
        a = run_iss(args.iss, elf, outdir, [x.format(xlen=xlen) for x in args.iss_arg])
        b = run_qemu(args.qemu.format(xlen=xlen), elf,
                     [x.format(xlen=xlen) for x in args.qemu_arg])
        if a and b:
            print(f"rv{xlen}: checksum rvtlm {a[-1]:08x}, reference {b[-1]:08x}")
        total += compare(cases, a[:-1], b[:-1], args.limit, xlen)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
