"""Shared driver of the differential testers (tests/difftest/arm64, tests/difftest/s390).

An architecture module supplies a generator (emit / body_text) and a Spec (how to build the Linux and
bare ELFs from one generated assembly file, and how to run each). This module splits the sequence
range into chunks (one pair of ELFs per chunk, so process start-up is amortised), runs the chunks on
the host's cores, compares the per-sequence state lines, and reports the first mismatch of each
chunk with the sequence's source, a per-field diff and a one-line reproduction command.
"""
import argparse
import concurrent.futures
import os
import shlex
import subprocess
import sys
import time


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, p.stdout.decode('latin-1'), p.stderr.decode('latin-1')
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode('latin-1')
        return 'timeout', out, (e.stderr or b'').decode('latin-1')


def common_args(ap, default_len):
    ap.add_argument('--saesim', help='saesim executable (system under test)')
    ap.add_argument('--oracle-bare', action='store_true',
                    help='run the bare ELF under qemu-system instead of saesim (validates the harness)')
    ap.add_argument('--seed', default='1')
    ap.add_argument('--first', type=int, default=0, help='first sequence index')
    ap.add_argument('--nseq', type=int, default=1000, help='number of sequences')
    ap.add_argument('--len', type=int, default=default_len, help='instructions per sequence')
    ap.add_argument('--chunk', type=int, default=1000, help='sequences per ELF')
    ap.add_argument('--only', type=int, default=None, help='run only this sequence, with a full memory dump')
    ap.add_argument('--workdir', default=None)
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--timeout', type=float, default=600, help='seconds per ELF run')
    ap.add_argument('--keep-going', action='store_true', help='report every mismatching sequence')
    ap.add_argument('--culprit', type=int, default=None,
                    help='find the first item of this sequence after which saesim and QEMU differ')
    ap.add_argument('--min-insns', type=int, default=0,
                    help='fail unless at least this many instructions were generated and compared')


def parse_lines(text):
    d = {}
    for line in text.splitlines():
        if line.startswith('S'):
            f = line.split()
            d[int(f[0][1:], 16)] = f[1:]
    return d


def compare_chunk(spec, a, indices, wd, ci):
    """Build, run and compare one chunk. Returns (instructions, list of mismatch reports, error)."""
    try:
        return compare_chunk1(spec, a, indices, wd, ci)
    except (OSError, subprocess.SubprocessError) as e:
        return 0, [], 'chunk %d (sequences %d-%d): %s' % (ci, indices[0], indices[-1], e)


def compare_chunk1(spec, a, indices, wd, ci):
    asm = os.path.join(wd, 'chunk%d.S' % ci)
    with open(asm, 'w') as f:
        ninsn = spec.gen.emit(f, a.seed, indices, a.len, full_dump=a.only is not None, **spec.gen_kwargs(a))
    elfs = {}
    for variant in ('linux', 'bare'):
        out = os.path.join(wd, 'chunk%d-%s.elf' % (ci, variant))
        cmd = spec.build_cmd(a, variant, asm, out)
        rc, so, se = run(cmd, 300)
        if rc != 0:
            return ninsn, [], 'build of %s failed: %s\n%s%s' % (variant, ' '.join(cmd), so, se)
        elfs[variant] = out
    t0 = time.time()
    rc_o, out_o, err_o = run(spec.oracle_cmd(a, elfs['linux']), a.timeout)
    t1 = time.time()
    bare_cmd = spec.bare_oracle_cmd(a, elfs['bare']) if a.oracle_bare else spec.sut_cmd(a, elfs['bare'])
    rc_s, out_s, err_s = run(bare_cmd, a.timeout)
    t2 = time.time()
    if a.oracle_bare and spec.bare_oracle_uses_stderr:
        out_s, err_s = err_s, out_s
    spec.times.append((t1 - t0, t2 - t1))
    if rc_o != 0 or not out_o.endswith('END\n'):
        return ninsn, [], 'oracle run failed (status %s): %s\n%s' % (rc_o, ' '.join(spec.oracle_cmd(a, elfs['linux'])),
                                                                    err_o[-2000:])
    if 'runtime error:' in err_s or 'Sanitizer' in err_s:
        return ninsn, [], 'saesim sanitizer report (chunk %d): %s' % (ci, err_s[-3000:])
    lo, ls = parse_lines(out_o), parse_lines(out_s)
    reports = []
    sut_ok = rc_s == 0 and out_s.endswith('END\n')
    for i in indices:
        fo, fs = lo.get(i), ls.get(i)
        if fo is None:
            return ninsn, [], 'oracle printed no state for sequence %d' % i
        if fs == fo:
            continue
        rep = ['MISMATCH: seed %s sequence %d (%s)' % (a.seed, i, spec.name)]
        if fs is None:
            rep.append('saesim printed no state for this sequence: exit status %s, stderr:' % rc_s)
            rep.append(err_s[-3000:])
        else:
            for name, vo, vs in zip(spec.fields, fo, fs):
                if vo != vs:
                    rep.append('  %-8s qemu %s  saesim %s' % (name, vo, vs))
        rep.append('sequence source:')
        rep.append(spec.gen.body_text(a.seed, i, a.len, **spec.gen_kwargs(a)))
        if a.only is not None:
            mo = [line for line in out_o.splitlines() if line.startswith('M')]
            ms = [line for line in out_s.splitlines() if line.startswith('M')]
            for x, y in zip(mo, ms):
                if x != y:
                    rep.append('  memory qemu   ' + x)
                    rep.append('  memory saesim ' + y)
        rep.append('reproduce: ' + spec.repro(a, i))
        rep.append('first differing instruction: ' + spec.repro(a, i).replace('--only', '--culprit'))
        reports.append('\n'.join(rep))
        if fs is None or not a.keep_going:
            break
    if not reports and not sut_ok:
        return ninsn, [], 'saesim run failed (status %s) after all sequences matched: %s' % (rc_s, err_s[-2000:])
    return ninsn, reports, None


def culprit(spec, a, wd):
    """Run every prefix of sequence a.culprit (cut after each item) on both sides in one ELF each and
    report the first item after which the states differ, with the oracle's state before it."""
    pre = spec.gen.prefixes(a.seed, a.culprit, a.len, **spec.gen_kwargs(a))
    asm = os.path.join(wd, 'culprit%d.S' % a.culprit)
    with open(asm, 'w') as f:
        spec.gen.emit_seqs(f, [p[1] for p in pre])
    elfs = {}
    for variant in ('linux', 'bare'):
        elfs[variant] = os.path.join(wd, 'culprit%d-%s.elf' % (a.culprit, variant))
        rc, so, se = run(spec.build_cmd(a, variant, asm, elfs[variant]), 300)
        if rc != 0:
            print('build failed: ' + so + se)
            return 1
    rc, out_o, err_o = run(spec.oracle_cmd(a, elfs['linux']), a.timeout)
    rc_s, out_s, err_s = run(spec.sut_cmd(a, elfs['bare']), a.timeout)
    lo, ls = parse_lines(out_o), parse_lines(out_s)
    prev = None
    for k in range(1, len(pre) + 1):
        if lo.get(k) != ls.get(k):
            print('seed %s sequence %d: states first differ after item %d of %d:' % (a.seed, a.culprit, k, len(pre)))
            print('\n'.join('    ' + x for x in pre[k - 1][0]))
            if prev:
                print('  state before it (QEMU): ' + ' '.join('%s=%s' % (n, v) for n, v in zip(spec.fields, prev)))
            if ls.get(k) is None:
                print('  saesim printed no state (exit %s): %s' % (rc_s, err_s[-1500:]))
            else:
                for name, vo, vs in zip(spec.fields, lo[k], ls[k]):
                    if vo != vs:
                        print('  %-8s qemu %s  saesim %s' % (name, vo, vs))
            return 1
        prev = lo.get(k)
    print('seed %s sequence %d: no prefix differs' % (a.seed, a.culprit))
    return 0


def main(spec, default_len):
    ap = argparse.ArgumentParser(description='%s differential tester (saesim vs QEMU)' % spec.name)
    common_args(ap, default_len)
    spec.add_args(ap)
    a = ap.parse_args()
    if not a.saesim and not a.oracle_bare:
        ap.error('--saesim PATH (or --oracle-bare) is required')
    wd = a.workdir or os.path.join(os.getcwd(), 'difftest-%s' % spec.name)
    os.makedirs(wd, exist_ok=True)
    if a.culprit is not None:
        return culprit(spec, a, wd)
    if a.only is not None:
        chunks = [[a.only]]
    else:
        idx = list(range(a.first, a.first + a.nseq))
        chunks = [idx[k:k + a.chunk] for k in range(0, len(idx), a.chunk)]
    spec.times = []
    t0 = time.time()
    total, nbad, errors = 0, 0, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = [ex.submit(compare_chunk, spec, a, c, wd, k) for k, c in enumerate(chunks)]
        for f in futs:
            ninsn, reports, err = f.result()
            total += ninsn
            for r in reports:
                print(r)
                print()
            nbad += len(reports)
            if err:
                errors.append(err)
    for e in errors:
        print('ERROR: ' + e)
    nseq = sum(len(c) for c in chunks)
    qt = sum(t[0] for t in spec.times)
    st = sum(t[1] for t in spec.times)
    print('%s difftest: seed %s, %d sequences, %d instructions generated, %d mismatching sequences, '
          '%d errors (%.1f s; qemu %.1f s, %s %.1f s)' % (spec.name, a.seed, nseq, total, nbad, len(errors),
                                                         time.time() - t0, qt,
                                                         'bare oracle' if a.oracle_bare else 'saesim', st))
    ok = nbad == 0 and not errors and total >= a.min_insns
    if total < a.min_insns:
        print('ERROR: only %d instructions, fewer than --min-insns %d' % (total, a.min_insns))
    print('%d passed, %d failed' % (nseq - nbad if ok else 0, 0 if ok else max(1, nbad)))
    return 0 if ok else 1


def quote(args):
    return ' '.join(shlex.quote(str(x)) for x in args)


if __name__ == '__main__':
    sys.exit('dtlib is a library')
