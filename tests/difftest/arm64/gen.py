#!/usr/bin/env python3
"""Random A64 instruction-sequence generator for the arm64 differential tester.

Each sequence is generated from its own RNG, seeded by "<seed>:<index>", so sequence I of seed S is
the same whatever the number of sequences around it: a failing sequence can be rebuilt alone.

Register conventions of the generated code (see docs/difftest.md):
  SP   the harness's context pointer: never named by generated instructions.
  X28  base of the scratch buffer (middle of it): read-only, used only as a base register.
  X27  address temporary: set from X28 before a memory access and turned back into an offset
       (X27 - X28) right after it, so no dumped register ever holds a host-dependent address.
Only ARMv8.0 integer, CRC32 and ARMv8.1 LSE instructions are generated (what saesim implements);
branches are forward-only, so every sequence ends.
"""
import argparse
import random
import re
import sys

SCRATCH = 2048          # bytes; X28 points at SCRATCH/2
HALF = SCRATCH // 2
GP = [r for r in range(31) if r not in (27, 28)]   # registers a sequence may write
CONDS = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv']

EDGE64 = [0, 1, 2, 0xffffffffffffffff, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffff,
          0x80000000, 0xffffffff, 0x100000000, 0xffffffff80000000, 0xfffffffffffffffe,
          0x8000000000000001, 0x00000000ffff0000, 0x5555555555555555, 0xaaaaaaaaaaaaaaaa, 63, 64, 32]


def rv(rng):
    """A random register value, biased towards edge values."""
    c = rng.random()
    if c < 0.35:
        return rng.choice(EDGE64)
    if c < 0.5:
        return rng.randrange(0, 256)
    if c < 0.6:
        return (-rng.randrange(1, 256)) & (2**64 - 1)
    if c < 0.75:
        return rng.getrandbits(32)
    return rng.getrandbits(64)


def xr(n, sf=1):
    if n == 31:
        return 'xzr' if sf else 'wzr'
    return ('x%d' if sf else 'w%d') % n


def bitmask_imm(rng, width):
    """A valid logical immediate (Arm ARM DecodeBitMasks): a rotated run of ones in a replicated
    element of 2..width bits."""
    esize = rng.choice([e for e in (2, 4, 8, 16, 32, 64) if e <= width])
    ones = rng.randrange(1, esize)
    rot = rng.randrange(esize)
    elt = (1 << ones) - 1
    elt = ((elt >> rot) | (elt << (esize - rot))) & ((1 << esize) - 1)
    v = 0
    for i in range(width // esize):
        v |= elt << (i * esize)
    return v


class Seq:
    def __init__(self, rng):
        self.rng = rng
        self.items = []       # list of lists of instruction strings
        self.count = 0

    def add(self, *insns):
        self.items.append(list(insns))
        self.count += len(insns)


def dst(rng, zr=False):
    if zr and rng.random() < 0.08:
        return 31
    return rng.choice(GP)


def src(rng, zr=True):
    if zr and rng.random() < 0.08:
        return 31
    return rng.choice(GP)


def const(reg, value):
    return 'ldr %s, =0x%x' % (xr(reg), value & (2**64 - 1))


# ---- data processing -------------------------------------------------------------------------

def g_addsub_imm(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['add', 'adds', 'sub', 'subs'])
    d = dst(r, zr=op.endswith('s'))
    n = src(r, zr=False)
    imm = r.choice([0, 1, 4095, r.randrange(4096)])
    sh = ', lsl #12' if r.random() < 0.3 else ''
    s.add('%s %s, %s, #%d%s' % (op, xr(d, sf), xr(n, sf), imm, sh))


def g_addsub_shift(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['add', 'adds', 'sub', 'subs'])
    w = 64 if sf else 32
    sh = r.choice(['lsl', 'lsr', 'asr'])
    amt = r.choice([0, 1, w - 1, r.randrange(w)])
    s.add('%s %s, %s, %s, %s #%d' % (op, xr(dst(r, True), sf), xr(src(r), sf), xr(src(r), sf), sh, amt))


def g_addsub_ext(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['add', 'adds', 'sub', 'subs'])
    ext = r.choice(['uxtb', 'uxth', 'uxtw', 'uxtx', 'sxtb', 'sxth', 'sxtw', 'sxtx'])
    amt = r.randrange(5)
    d = dst(r, zr=op.endswith('s'))
    n = src(r, zr=False)
    msf = 1 if (sf and ext in ('uxtx', 'sxtx')) else 0
    s.add('%s %s, %s, %s, %s #%d' % (op, xr(d, sf), xr(n, sf), xr(src(r), msf), ext, amt))


def g_adc(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['adc', 'adcs', 'sbc', 'sbcs'])
    s.add('%s %s, %s, %s' % (op, xr(dst(r, True), sf), xr(src(r), sf), xr(src(r), sf)))


def g_logic_imm(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['and', 'orr', 'eor', 'ands'])
    d = dst(r, zr=(op == 'ands'))
    s.add('%s %s, %s, #0x%x' % (op, xr(d, sf), xr(src(r), sf), bitmask_imm(r, 64 if sf else 32)))


def g_logic_shift(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['and', 'bic', 'orr', 'orn', 'eor', 'eon', 'ands', 'bics'])
    w = 64 if sf else 32
    sh = r.choice(['lsl', 'lsr', 'asr', 'ror'])
    amt = r.choice([0, 1, w - 1, r.randrange(w)])
    s.add('%s %s, %s, %s, %s #%d' % (op, xr(dst(r, True), sf), xr(src(r), sf), xr(src(r), sf), sh, amt))


def g_mov(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['movz', 'movn', 'movk'])
    hw = r.randrange(4 if sf else 2)
    imm = r.choice([0, 0xffff, 0x8000, r.randrange(65536)])
    s.add('%s %s, #0x%x, lsl #%d' % (op, xr(dst(r, True), sf), imm, hw * 16))


def g_bitfield(s):
    r = s.rng
    sf = r.randrange(2)
    w = 64 if sf else 32
    d, n = xr(dst(r, True), sf), xr(src(r), sf)
    c = r.random()
    if c < 0.5:
        op = r.choice(['sbfm', 'bfm', 'ubfm'])
        s.add('%s %s, %s, #%d, #%d' % (op, d, n, r.randrange(w), r.randrange(w)))
    elif c < 0.75:
        lsb = r.randrange(w)
        width = r.randrange(1, w - lsb + 1)
        op = r.choice(['sbfx', 'ubfx', 'bfxil', 'sbfiz', 'ubfiz', 'bfi'])
        s.add('%s %s, %s, #%d, #%d' % (op, d, n, lsb, width))
    elif c < 0.9:
        op = r.choice(['lsl', 'lsr', 'asr'])
        s.add('%s %s, %s, #%d' % (op, d, n, r.randrange(w)))
    else:
        op = r.choice(['sxtb', 'sxth', 'uxtb', 'uxth'] + (['sxtw'] if sf else []))
        s.add('%s %s, %s' % (op, d, xr(src(r), 0)))


def g_extr(s):
    r = s.rng
    sf = r.randrange(2)
    w = 64 if sf else 32
    s.add('extr %s, %s, %s, #%d' % (xr(dst(r, True), sf), xr(src(r), sf), xr(src(r), sf), r.randrange(w)))


def g_shiftv(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['lslv', 'lsrv', 'asrv', 'rorv'])
    s.add('%s %s, %s, %s' % (op, xr(dst(r, True), sf), xr(src(r), sf), xr(src(r), sf)))


def g_csel(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['csel', 'csinc', 'csinv', 'csneg'])
    s.add('%s %s, %s, %s, %s' % (op, xr(dst(r, True), sf), xr(src(r), sf), xr(src(r), sf), r.choice(CONDS)))


def g_ccmp(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['ccmp', 'ccmn'])
    if r.randrange(2):
        b = '#%d' % r.randrange(32)
    else:
        b = xr(src(r), sf)
    s.add('%s %s, %s, #%d, %s' % (op, xr(src(r), sf), b, r.randrange(16), r.choice(CONDS)))


def g_mul(s):
    r = s.rng
    c = r.randrange(3)
    if c == 0:
        sf = r.randrange(2)
        op = r.choice(['madd', 'msub'])
        s.add('%s %s, %s, %s, %s' % (op, xr(dst(r, True), sf), xr(src(r), sf), xr(src(r), sf), xr(src(r), sf)))
    elif c == 1:
        op = r.choice(['smaddl', 'smsubl', 'umaddl', 'umsubl'])
        s.add('%s %s, %s, %s, %s' % (op, xr(dst(r, True)), xr(src(r), 0), xr(src(r), 0), xr(src(r))))
    else:
        op = r.choice(['smulh', 'umulh'])
        s.add('%s %s, %s, %s' % (op, xr(dst(r, True)), xr(src(r)), xr(src(r))))


def g_div(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['udiv', 'sdiv'])
    d, n, m = dst(r, True), dst(r), dst(r)
    pre = []
    c = r.random()
    if c < 0.2:
        pre.append('mov %s, #0' % xr(m))                              # divide by zero -> 0
    elif c < 0.4 and n != m:
        pre.append(const(n, 0x8000000000000000 if sf else 0x80000000))  # INT_MIN / -1
        pre.append('mov %s, #-1' % xr(m))
    s.add(*(pre + ['%s %s, %s, %s' % (op, xr(d, sf), xr(n, sf), xr(m, sf))]))


def g_crc(s):
    r = s.rng
    sz = r.choice('bhwx')
    op = r.choice(['crc32', 'crc32c']) + sz
    s.add('%s %s, %s, %s' % (op, xr(dst(r, True), 0), xr(src(r), 0), xr(src(r), 1 if sz == 'x' else 0)))


def g_dp1(s):
    r = s.rng
    sf = r.randrange(2)
    op = r.choice(['rev', 'rev16', 'clz', 'cls', 'rbit'] + (['rev32'] if sf else []))
    s.add('%s %s, %s' % (op, xr(dst(r, True), sf), xr(src(r), sf)))


def g_nzcv(s):
    r = s.rng
    if r.randrange(2):
        s.add('mrs %s, nzcv' % xr(dst(r)))
    else:
        s.add('msr nzcv, %s' % xr(src(r)))


# ---- loads and stores ------------------------------------------------------------------------

LDST = [  # mnemonic, access size, is_load, dest is X
    ('strb', 1, 0, 0), ('ldrb', 1, 1, 0), ('ldrsb', 1, 1, 0), ('ldrsb', 1, 1, 1),
    ('strh', 2, 0, 0), ('ldrh', 2, 1, 0), ('ldrsh', 2, 1, 0), ('ldrsh', 2, 1, 1),
    ('str', 4, 0, 0), ('ldr', 4, 1, 0), ('ldrsw', 4, 1, 1),
    ('str', 8, 0, 1), ('ldr', 8, 1, 1),
]
UNSCALED = {'strb': 'sturb', 'ldrb': 'ldurb', 'ldrsb': 'ldursb', 'strh': 'sturh', 'ldrh': 'ldurh',
            'ldrsh': 'ldursh', 'str': 'stur', 'ldr': 'ldur', 'ldrsw': 'ldursw'}
UNPRIV = {'strb': 'sttrb', 'ldrb': 'ldtrb', 'ldrsb': 'ldtrsb', 'strh': 'sttrh', 'ldrh': 'ldtrh',
          'ldrsh': 'ldtrsh', 'str': 'sttr', 'ldr': 'ldtr', 'ldrsw': 'ldtrsw'}


def target(r, size, align, unaligned=False):
    """An offset from X28 such that [X28+o, X28+o+size) lies in the scratch buffer."""
    o = r.randrange(-HALF, HALF - size + 1)
    if not unaligned:
        o -= o % align
    return o


def set_x27(r, delta):
    """Instructions that set X27 = X28 + delta."""
    if delta == 0:
        return ['mov x27, x28']
    if -4095 <= delta <= 4095 and r.randrange(2):
        return ['%s x27, x28, #%d' % ('add' if delta > 0 else 'sub', abs(delta))]
    return [const(27, delta), 'add x27, x28, x27']


def g_ldst(s, unaligned):
    r = s.rng
    mn, size, load, isx = r.choice(LDST)
    t = dst(r, zr=True) if load else src(r)
    rt = xr(t, isx)
    mode = r.choice(['uoff', 'uoff', 'unscaled', 'pre', 'post', 'reg', 'reg', 'unpriv', 'prfm'])
    o = target(r, size, size, unaligned)
    if mode == 'prfm':
        op = r.choice(['pldl1keep', 'pldl2strm', 'pstl1keep', 'plil3keep'])
        s.add('prfm %s, [x28, #%d]' % (op, (o if o >= 0 else 0) // 8 * 8))
        return
    if mode == 'uoff':
        k = r.choice([o // size if o >= 0 else 0, r.randrange(4096)])
        if o < 0 and k == 0:
            k = r.randrange(4096)
        imm = k * size
        if imm == o:
            s.add('%s %s, [x28, #%d]' % (mn, rt, imm))
        else:
            s.add(*(set_x27(r, o - imm) + ['%s %s, [x27, #%d]' % (mn, rt, imm), 'sub x27, x27, x28']))
        return
    if mode in ('unscaled', 'unpriv'):
        imm = r.randrange(-256, 256)
        m = (UNSCALED if mode == 'unscaled' else UNPRIV)[mn]
        s.add(*(set_x27(r, o - imm) + ['%s %s, [x27, #%d]' % (m, rt, imm), 'sub x27, x27, x28']))
        return
    if mode in ('pre', 'post'):
        if t == 27:
            t = 0
            rt = xr(t, isx)
        imm = r.randrange(-256, 256)
        if mode == 'pre':
            s.add(*(set_x27(r, o - imm) + ['%s %s, [x27, #%d]!' % (mn, rt, imm), 'sub x27, x27, x28']))
        else:
            s.add(*(set_x27(r, o) + ['%s %s, [x27], #%d' % (mn, rt, imm), 'sub x27, x27, x28']))
        return
    # register offset with every extend and shift
    m = rng_choice_not(r, GP, t)
    lg = {1: 0, 2: 1, 4: 2, 8: 3}[size]
    ext = r.choice(['lsl', 'uxtw', 'sxtw', 'sxtx'])
    shift = r.choice([0, lg])
    idx = r.randrange(-40, 41)
    if ext == 'uxtw':
        idx = abs(idx)
    if ext in ('uxtw', 'sxtw'):
        reg_value = (r.getrandbits(32) << 32) | (idx & 0xffffffff)   # upper half must be ignored
        mreg = xr(m, 0)
    else:
        reg_value = idx
        mreg = xr(m, 1)
    sbit = r.randrange(2)
    if size == 1:
        shift = 0
        am = (', %s #0' % ext) if sbit else ('' if ext == 'lsl' else ', %s' % ext)
    elif shift:
        am = ', %s #%d' % (ext, lg)
    else:
        am = '' if ext == 'lsl' else ', %s' % ext
    delta = o - idx * (1 << shift)
    s.add(*([const(m, reg_value)] + set_x27(r, delta) +
            ['%s %s, [x27, %s%s]' % (mn, rt, mreg, am), 'sub x27, x27, x28']))


def rng_choice_not(r, pool, *avoid):
    while True:
        v = r.choice(pool)
        if v not in avoid:
            return v


def g_pair(s):
    r = s.rng
    kind = r.choice(['ldp', 'stp', 'ldpsw', 'ldnp', 'stnp'])
    isx = 1 if kind == 'ldpsw' else r.randrange(2)
    size = 4 if (kind == 'ldpsw' or not isx) else 8
    load = kind.startswith('ld')
    t1 = dst(r, zr=not load) if load else src(r)
    t2 = rng_choice_not(r, GP, t1) if load else src(r)
    mode = 'off' if kind in ('ldnp', 'stnp') else r.choice(['off', 'pre', 'post'])
    o = target(r, 2 * size, size)
    imm = r.randrange(-64, 64) * size
    regs = '%s, %s' % (xr(t1, isx), xr(t2, isx))
    if mode == 'off':
        s.add(*(set_x27(r, o - imm) + ['%s %s, [x27, #%d]' % (kind, regs, imm), 'sub x27, x27, x28']))
    elif mode == 'pre':
        s.add(*(set_x27(r, o - imm) + ['%s %s, [x27, #%d]!' % (kind, regs, imm), 'sub x27, x27, x28']))
    else:
        s.add(*(set_x27(r, o) + ['%s %s, [x27], #%d' % (kind, regs, imm), 'sub x27, x27, x28']))


def g_excl(s):
    r = s.rng
    acq = r.randrange(2)
    if r.random() < 0.3:      # pairs
        isx = r.randrange(2)
        size = 8 if isx else 4
        o = target(r, 2 * size, 2 * size)
        t1 = r.choice(GP)
        t2 = rng_choice_not(r, GP, t1)
        st = rng_choice_not(r, GP)
        u1 = rng_choice_not(r, GP, st)
        u2 = rng_choice_not(r, GP, st)
        s.add(*(set_x27(r, o) + [
            '%s %s, %s, [x27]' % ('ldaxp' if acq else 'ldxp', xr(t1, isx), xr(t2, isx)),
            '%s %s, %s, %s, [x27]' % ('stlxp' if r.randrange(2) else 'stxp', xr(st, 0), xr(u1, isx), xr(u2, isx)),
            'sub x27, x27, x28']))
        return
    sz = r.choice(['b', 'h', '', 'x'])
    size = {'b': 1, 'h': 2, '': 4, 'x': 8}[sz]
    isx = sz == 'x'
    suf = sz if sz in 'bh' and sz else ''
    o = target(r, size, size)
    t = r.choice(GP)
    st = r.choice(GP)
    u = rng_choice_not(r, GP, st)
    insns = set_x27(r, o) + [
        '%s%s %s, [x27]' % ('ldaxr' if acq else 'ldxr', suf, xr(t, isx)),
        '%s%s %s, %s, [x27]' % ('stlxr' if r.randrange(2) else 'stxr', suf, xr(st, 0), xr(u, isx)),
        'sub x27, x27, x28']
    if r.random() < 0.1:
        insns.append('clrex')
    s.add(*insns)


def g_acqrel(s):
    r = s.rng
    sz = r.choice(['b', 'h', '', 'x'])
    size = {'b': 1, 'h': 2, '': 4, 'x': 8}[sz]
    isx = sz == 'x'
    suf = sz if sz in ('b', 'h') else ''
    o = target(r, size, size)
    if r.randrange(2):
        s.add(*(set_x27(r, o) + ['ldar%s %s, [x27]' % (suf, xr(dst(r, True), isx)), 'sub x27, x27, x28']))
    else:
        s.add(*(set_x27(r, o) + ['stlr%s %s, [x27]' % (suf, xr(src(r), isx)), 'sub x27, x27, x28']))


LSE_OPS = ['add', 'clr', 'eor', 'set', 'smax', 'smin', 'umax', 'umin']
ORDER = ['', 'a', 'l', 'al']


def g_lse(s):
    r = s.rng
    sz = r.choice(['b', 'h', '', 'x'])
    size = {'b': 1, 'h': 2, '': 4, 'x': 8}[sz]
    isx = sz == 'x'
    suf = sz if sz in ('b', 'h') else ''
    c = r.random()
    if c < 0.15:   # CASP: even register pairs
        isx = r.randrange(2)
        size = 8 if isx else 4
        o = target(r, 2 * size, 2 * size)
        pairs = [p for p in range(0, 26, 2)]
        rs = r.choice(pairs)
        rt = rng_choice_not(r, pairs, rs)
        pre = []
        if r.randrange(2):      # make the compare succeed
            pre = ['ldp %s, %s, [x27]' % (xr(rs, isx), xr(rs + 1, isx))]
        s.add(*(set_x27(r, o) + pre + [
            'casp%s %s, %s, %s, %s, [x27]' % (r.choice(ORDER), xr(rs, isx), xr(rs + 1, isx),
                                              xr(rt, isx), xr(rt + 1, isx)),
            'sub x27, x27, x28']))
        return
    o = target(r, size, size)
    rs = r.choice(GP)
    if c < 0.4:    # CAS
        rt = rng_choice_not(r, GP, rs)
        pre = []
        if r.randrange(2):
            pre = ['ldr%s %s, [x27]' % (suf, xr(rs, isx))]
        s.add(*(set_x27(r, o) + pre + [
            'cas%s%s %s, %s, [x27]' % (r.choice(ORDER), suf, xr(rs, isx), xr(rt, isx)),
            'sub x27, x27, x28']))
        return
    rt = rng_choice_not(r, GP, rs)
    if r.random() < 0.15:
        rt = 31                   # ST<op> alias forms
    if c < 0.55:
        op = 'swp'
    else:
        op = 'ld' + r.choice(LSE_OPS)
    s.add(*(set_x27(r, o) + ['%s%s%s %s, %s, [x27]' % (op, r.choice(ORDER), suf, xr(rs, isx), xr(rt, isx)),
                             'sub x27, x27, x28']))


GENS = [
    (g_addsub_imm, 6), (g_addsub_shift, 6), (g_addsub_ext, 5), (g_adc, 4), (g_logic_imm, 5),
    (g_logic_shift, 5), (g_mov, 4), (g_bitfield, 6), (g_extr, 2), (g_shiftv, 3), (g_csel, 4),
    (g_ccmp, 4), (g_mul, 4), (g_div, 3), (g_crc, 3), (g_dp1, 3), (g_nzcv, 2),
    ('ldst', 10), (g_pair, 4), (g_excl, 3), (g_acqrel, 2), (g_lse, 6), ('branch', 5),
]


def gen_sequence(seed, index, length, unaligned=False, ends=None):
    """Return (init_regs[31], nzcv, scratch_seed, body_lines, instructions) for sequence `index` of
    `seed`; if `ends` is a list it receives the body line count after each item (for --culprit)."""
    r = random.Random('%s:%d' % (seed, index))
    regs = [rv(r) for _ in range(31)]
    regs[27] = 0
    regs[28] = 0
    nzcv = r.randrange(16) << 28
    sseed = r.getrandbits(64) | 1
    s = Seq(r)
    branches = []      # (item index of the branch, label name)
    gens = [g for g, w in GENS for _ in range(w)]
    while s.count < length:
        g = r.choice(gens)
        if g == 'ldst':
            g_ldst(s, unaligned)
        elif g == 'branch':
            lab = '.Lt%d_%d' % (index, len(branches))
            branches.append((len(s.items), lab))
            c = r.randrange(4)
            if c == 0:
                s.add('b %s' % lab)
            elif c == 1:
                s.add('b.%s %s' % (r.choice(CONDS), lab))
            elif c == 2:
                sf = r.randrange(2)
                s.add('%s %s, %s' % (r.choice(['cbz', 'cbnz']), xr(src(r), sf), lab))
            else:
                sf = r.randrange(2)
                s.add('%s %s, #%d, %s' % (r.choice(['tbz', 'tbnz']), xr(src(r), sf),
                                          r.randrange(64 if sf else 32), lab))
        else:
            g(s)
    n = len(s.items)
    labels = {}
    for at, lab in branches:
        tgt = min(n, at + 1 + r.randrange(1, 8))
        labels.setdefault(tgt, []).append(lab)
    body = []
    for i, item in enumerate(s.items):
        for lab in labels.get(i, []):
            body.append('%s:' % lab)
        body.extend(item)
        if ends is not None:
            ends.append(len(body))
    for lab in labels.get(n, []):
        body.append('%s:' % lab)
    return regs, nzcv, sseed, body, s.count


def prefixes(seed, index, length, unaligned=False):
    """The sequence cut after each of its items: [(item_lines, (k, regs, nzcv, sseed, body))]; branch
    labels defined after a cut are placed at the end of the prefix."""
    ends = []
    regs, nzcv, sseed, body, cnt = gen_sequence(seed, index, length, unaligned, ends)
    out, start = [], 0
    for k, e in enumerate(ends):
        rest = [line for line in body[e:] if line.startswith('.L') and line.endswith(':')]
        out.append((body[start:e], (k + 1, regs, nzcv, sseed, body[:e] + rest)))
        start = e
    return out


def emit_seqs(out, seqs, full_dump=False):
    """Write explicit sequences [(index, regs, nzcv, sseed, body)] as one assembly file."""
    w = out.write
    w('#include "seqmacros.h"\n\t.text\n')
    for k, (i, regs, nzcv, sseed, body) in enumerate(seqs):
        w('\t.p2align 2\nseq_%d:\n\tSEQ_ENTER\n' % k)
        for line in body:           # labels made unique per copy
            line = re.sub(r'(\.L\w+)', r'\1_c%d' % k, line)
            w(('%s\n' if line.endswith(':') else '\t%s\n') % line)
        w('\tSEQ_LEAVE\n\t.ltorg\n')
    w('\t.section .rodata\n\t.p2align 3\n\t.global seq_table\nseq_table:\n')
    for k, (i, regs, nzcv, sseed, body) in enumerate(seqs):
        w('\t.quad seq_%d, %d, 0x%x, 0x%x\n' % (k, i, nzcv, sseed))
        w('\t.quad ' + ', '.join('0x%x' % v for v in regs) + '\n')
    w('\t.global seq_count\nseq_count:\n\t.quad %d\n' % len(seqs))
    w('\t.global seq_full_dump\nseq_full_dump:\n\t.quad %d\n' % (1 if full_dump else 0))


def emit(out, seed, indices, length, full_dump=False, unaligned=False):
    """Write the assembly file for the given sequence indices; returns instructions generated."""
    total = 0
    w = out.write
    w('/* generated by tests/difftest/arm64/gen.py seed=%s length=%d: do not edit */\n' % (seed, length))
    w('#include "seqmacros.h"\n\t.text\n')
    inits = []
    for k, i in enumerate(indices):
        regs, nzcv, sseed, body, cnt = gen_sequence(seed, i, length, unaligned)
        total += cnt
        inits.append((i, regs, nzcv, sseed))
        w('\t.p2align 2\n\t.type seq_%d, %%function\nseq_%d:\n\tSEQ_ENTER\n' % (k, k))
        for line in body:
            w(('%s\n' if line.endswith(':') else '\t%s\n') % line)
        w('\tSEQ_LEAVE\n\t.ltorg\n')
    w('\t.section .rodata\n\t.p2align 3\n\t.global seq_table\nseq_table:\n')
    for k, (i, regs, nzcv, sseed) in enumerate(inits):
        w('\t.quad seq_%d, %d, 0x%x, 0x%x\n' % (k, i, nzcv, sseed))
        w('\t.quad ' + ', '.join('0x%x' % v for v in regs) + '\n')
    w('\t.global seq_count\nseq_count:\n\t.quad %d\n' % len(inits))
    w('\t.global seq_full_dump\nseq_full_dump:\n\t.quad %d\n' % (1 if full_dump else 0))
    return total


def body_text(seed, index, length, unaligned=False):
    regs, nzcv, sseed, body, cnt = gen_sequence(seed, index, length, unaligned)
    lines = ['initial NZCV=0x%x scratch-seed=0x%x' % (nzcv, sseed)]
    lines.append('initial ' + ' '.join('x%d=%x' % (n, v) for n, v in enumerate(regs)))
    lines.extend(body)
    return '\n'.join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', default='1')
    ap.add_argument('--first', type=int, default=0)
    ap.add_argument('--nseq', type=int, default=1000)
    ap.add_argument('--len', type=int, default=100)
    ap.add_argument('--only', type=int, default=None, help='generate only this sequence index')
    ap.add_argument('--full-dump', action='store_true')
    ap.add_argument('--unaligned', action='store_true')
    ap.add_argument('-o', '--output', default='-')
    a = ap.parse_args()
    idx = [a.only] if a.only is not None else list(range(a.first, a.first + a.nseq))
    out = sys.stdout if a.output == '-' else open(a.output, 'w')
    n = emit(out, a.seed, idx, a.len, a.full_dump, a.unaligned)
    if out is not sys.stdout:
        out.close()
    print('%d instructions in %d sequences' % (n, len(idx)), file=sys.stderr)


if __name__ == '__main__':
    main()
