#!/usr/bin/env python3
"""arm64 unallocated-encoding sweep: random 32-bit words executed at EL0 under saesim -M arm64-bare
(an EL1 vector records EC 0x00 = UNDEFINED) and under qemu-aarch64-static (SIGILL), compared.

Compared space and oracle (docs/difftest.md):
  * excluded, not executed, counted: SIMD&FP data processing (op0 = x111), SVE (op0 = 0010), SIMD&FP
    loads/stores (op0 = x1x0 with V = 1) -- saesim has no FP/AdvSIMD/SVE yet; system-register moves
    and SYS/SYSL/MSR-immediate (the EL0 outcome there depends on EL1 trap configuration and on Linux's
    emulation of EL0 register reads, not on decoding); SVC (would make a Linux system call); WFI/WFE
    (EL0 trap configuration); HLT #0xF000 (saesim's semihosting call).
  * immediate branches have their offset rewritten to +8 (it plays no part in allocation), so a
    taken branch lands on the BRK after the word.
  * the oracle is qemu -cpu cortex-a57 (ARMv8.0 + CRC32; its crypto extensions are in the excluded
    SIMD space), except in the LSE encoding space (CAS/CASP with Rt2 = 11111, LD<op>/ST<op>/SWP),
    where a second run under -cpu cortex-a76 (which has LSE) supplies the verdict.
"""
import argparse
import os
import random
import subprocess
import sys
import time
import concurrent.futures

HERE = os.path.dirname(os.path.abspath(__file__))
RT = os.path.join(HERE, '..', '..', '..', 'arm64', 'lib')   # the shared bare-metal runtime (start.S, link.ld)
CFLAGS = ['-O2', '-static', '-nostdlib', '-ffreestanding', '-fno-pie', '-no-pie', '-mgeneral-regs-only',
          '-Wall', '-Werror']


def excluded(w):
    """The exclusion category of a word, or None if it is in the compared space."""
    op0 = (w >> 25) & 0xf
    if op0 & 0x7 == 0x7:
        return 'simd-fp-data-processing'
    if op0 == 0x2:
        return 'sve'
    if op0 & 0x5 == 0x4 and (w >> 26) & 1:
        return 'simd-fp-load-store'
    if (w & 0xffc00000) == 0xd5000000:
        if (w & 0xfffff000) in (0xd5032000, 0xd5033000):    # hints, barriers, CLREX
            if w in (0xd503205f, 0xd503207f):
                return 'wfe-wfi'
            return None
        return 'system-register-and-sys'
    if (w & 0xffe0001f) == 0xd4000001:
        return 'svc'
    if w == 0xd45e0000:
        return 'semihosting-hlt'
    return None


def rewrite_branch(w):
    """Immediate branches: offset := +8 bytes (lands on BRK #2 after the word)."""
    if (w & 0x7c000000) == 0x14000000:                 # B, BL: imm26
        return (w & 0xfc000000) | 2
    if (w & 0xfe000000) == 0x54000000:                 # B.cond (and unallocated o1/o0 forms): imm19
        return (w & 0xff00001f) | (2 << 5)
    if (w & 0x7e000000) == 0x34000000:                 # CBZ/CBNZ: imm19
        return (w & 0xff00001f) | (2 << 5)
    if (w & 0x7e000000) == 0x36000000:                 # TBZ/TBNZ: imm14
        return (w & 0xfff8001f) | (2 << 5)
    return w


def is_lse(w):
    if (w & 0x3f200c00) == 0x38200000:                 # atomic memory operations
        o3, opc = (w >> 15) & 1, (w >> 12) & 7
        return o3 == 0 or opc == 0                     # LD<op> (o3=0), SWP (o3=1, opc=000)
    if (w & 0x3fa07c00) == 0x08a07c00:                 # CAS, CASB, CASH (Rt2 = 11111)
        return True
    if (w & 0xbfa07c00) == 0x08207c00:                 # CASP (Rt2 = 11111)
        return True
    return False


def make_words(seed, n):
    r = random.Random('undef:%s' % seed)
    words, excl = [], {}
    while len(words) < n:
        w = r.getrandbits(32)
        c = excluded(w)
        if c:
            excl[c] = excl.get(c, 0) + 1
            continue
        words.append(rewrite_branch(w))
    return words, excl


def write_words(path, words):
    with open(path, 'w') as f:
        f.write('\t.section .rodata\n\t.p2align 3\n\t.global sweep_count\nsweep_count:\n\t.quad %d\n'
                '\t.global sweep_words\nsweep_words:\n' % len(words))
        for k in range(0, len(words), 8):
            f.write('\t.word ' + ','.join('0x%08x' % w for w in words[k:k + 8]) + '\n')


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, p.stdout.decode('latin-1'), p.stderr.decode('latin-1')
    except subprocess.TimeoutExpired as e:
        return 'timeout', (e.stdout or b'').decode('latin-1'), (e.stderr or b'').decode('latin-1')


def results(text, n, err, what):
    lines = text.split('\n')
    if len(lines) < 2 or lines[1] != 'END' or len(lines[0]) != n:
        raise RuntimeError('%s produced no complete result (%d of %d words): %s' %
                           (what, len(lines[0]) if lines else 0, n, err[-2000:]))
    return lines[0]


QEMU_NAMES = {'0': 'SIGILL', '1': 'SIGILL(elsewhere)', '2': 'SIGTRAP', '3': 'SIGSEGV', '4': 'SIGBUS',
              '5': 'other signal', '9': 'no signal'}


def do_chunk(a, k, words):
    wd = a.workdir
    src = os.path.join(wd, 'words%d.S' % k)
    write_words(src, words)
    lin = os.path.join(wd, 'sweep%d-linux.elf' % k)
    bare = os.path.join(wd, 'sweep%d-bare.elf' % k)
    for cmd in ([a.cc] + CFLAGS + ['-o', lin, os.path.join(HERE, 'linux.c'), os.path.join(HERE, 'linux-rt.S'), src],
                [a.cc] + CFLAGS + ['-mstrict-align', '-Wl,--defsym,RT_LOAD_ADDR=0x40080000',
                                   '-T', os.path.join(RT, 'link.ld'), '-Wl,--no-warn-rwx-segments', '-o', bare,
                                   os.path.join(HERE, 'bare.c'), os.path.join(HERE, 'bare-rt.S'),
                                   os.path.join(RT, 'start.S'), src]):
        rc, so, se = run(cmd, 300)
        if rc != 0:
            raise RuntimeError('build failed: %s\n%s%s' % (' '.join(cmd), so, se))
    n = len(words)
    t0 = time.time()
    rc, so, se = run([a.qemu, '-cpu', 'cortex-a57', lin], a.timeout)
    q57 = results(so, n, se, 'qemu -cpu cortex-a57')
    rc, so, se = run([a.qemu, '-cpu', 'cortex-a76', lin], a.timeout)
    q76 = results(so, n, se, 'qemu -cpu cortex-a76')
    t1 = time.time()
    if a.oracle_bare:       # QEMU system mode, same CPU-model split as the oracle
        outs = []
        for cpu in ('cortex-a57', 'cortex-a76'):
            rc, so, se = run([a.qemu_system, '-M', 'virt', '-cpu', cpu, '-semihosting', '-nographic',
                              '-monitor', 'none', '-serial', 'none', '-nic', 'none', '-kernel', bare], a.timeout)
            outs.append(results(se, 2 * n, so, 'qemu-system -cpu ' + cpu))
        so = ''.join(outs[1][2 * i:2 * i + 2] if is_lse(w) else outs[0][2 * i:2 * i + 2]
                     for i, w in enumerate(words)) + '\nEND\n'
        se = ''
    else:
        rc, so, se = run([a.saesim, '-M', 'arm64-bare', '-kernel', bare], a.timeout)
        if 'runtime error:' in se or 'Sanitizer' in se:
            raise RuntimeError('saesim sanitizer report: ' + se[-3000:])
    t2 = time.time()
    sut = results(so, 2 * n, se, 'the bare run')
    return k, q57, q76, sut, t1 - t0, t2 - t1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--saesim')
    ap.add_argument('--oracle-bare', action='store_true',
                    help='run the bare ELF under qemu-system-aarch64 -cpu cortex-a57 instead of saesim')
    ap.add_argument('--cc', default='aarch64-linux-gnu-gcc')
    ap.add_argument('--qemu', default='qemu-aarch64-static')
    ap.add_argument('--qemu-system', default='qemu-system-aarch64')
    ap.add_argument('--seed', default='1')
    ap.add_argument('--words', type=int, default=1000000, help='compared words (after exclusions)')
    ap.add_argument('--chunk', type=int, default=250000)
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--timeout', type=float, default=600)
    ap.add_argument('--workdir', default='difftest-undef')
    ap.add_argument('--max-report', type=int, default=50)
    a = ap.parse_args()
    if not a.saesim and not a.oracle_bare:
        ap.error('--saesim PATH (or --oracle-bare) is required')
    os.makedirs(a.workdir, exist_ok=True)
    t0 = time.time()
    words, excl = make_words(a.seed, a.words)
    chunks = [words[k:k + a.chunk] for k in range(0, len(words), a.chunk)]
    mism, errors, tq, ts = [], [], 0.0, 0.0
    undef_count = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = [ex.submit(do_chunk, a, k, c) for k, c in enumerate(chunks)]
        for f in futs:
            try:
                k, q57, q76, sut, dq, ds = f.result()
            except (RuntimeError, OSError, subprocess.SubprocessError) as e:
                errors.append(str(e))
                continue
            tq += dq
            ts += ds
            for i, w in enumerate(chunks[k]):
                q = q76[i] if is_lse(w) else q57[i]
                ec = int(sut[2 * i:2 * i + 2], 16)
                if q == '0':
                    undef_count += 1
                if (q == '0') != (ec == 0):
                    mism.append((w, q, ec, q57[i], q76[i]))
    nexcl = sum(excl.values())
    print('arm64 undef sweep: seed %s, %d words compared, %d excluded (%s)' %
          (a.seed, len(words), nexcl, ', '.join('%s %d' % kv for kv in sorted(excl.items()))))
    print('  oracle UNDEFINED: %d words; mismatches: %d; qemu %.1f s, %s %.1f s, total %.1f s' %
          (undef_count, len(mism), tq, 'bare oracle' if a.oracle_bare else 'saesim', ts, time.time() - t0))
    for w, q, ec, q57, q76 in mism[:a.max_report]:
        print('  MISMATCH word 0x%08x (%s): qemu %s [a57 %s, a76 %s], saesim EC 0x%02x%s' %
              (w, 'LSE space' if is_lse(w) else 'base', QEMU_NAMES.get(q, q), QEMU_NAMES.get(q57, q57),
               QEMU_NAMES.get(q76, q76), ec & 0x3f, ' (not at the word)' if ec & 0x40 else ''))
    if len(mism) > a.max_report:
        print('  ... %d more' % (len(mism) - a.max_report))
    for e in errors:
        print('ERROR: ' + e)
    ok = not mism and not errors
    print('%d passed, %d failed' % (len(words) - len(mism) if ok else 0, 0 if ok else max(1, len(mism))))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
