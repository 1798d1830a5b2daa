#!/usr/bin/env python3
"""Run saesim end to end and check what it prints.

usage: run_case.py [--status N] [--out RE]... [--no-out RE]... [--err RE]... [--file PATH RE]...
                   [--ticks N] [--twice] -- SAESIM ARGS...

--out/--err: a regular expression that must match somewhere in stdout / stderr (multiline).
--no-out: one that must not. --file: a file that must exist afterwards and match RE.
--ticks N: the guest's "tick k at <counter>" lines must be k = 1..N, with the counter (the 1 GHz
           guest counter, in ns) at least k * 10 ms and less than k * 10 ms + 1 ms after the first
           tick's programming, i.e. the timer interrupts arrive at the right virtual time.
--max-rss-mib N: the saesim process's peak resident set must stay below N MiB.
--twice: run a second time and require byte-identical stdout (deterministic virtual time).
"""
import re
import resource
import subprocess
import sys


def run(cmd):
    return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=300)


def main():
    argv = sys.argv[1:]
    sep = argv.index('--')
    opts, cmd = argv[:sep], argv[sep + 1:]
    status, outs, nouts, errs, files, ticks, twice, max_rss = 0, [], [], [], [], None, False, None
    i = 0
    while i < len(opts):
        o = opts[i]
        if o == '--status':
            status = int(opts[i + 1]); i += 2
        elif o == '--out':
            outs.append(opts[i + 1]); i += 2
        elif o == '--no-out':
            nouts.append(opts[i + 1]); i += 2
        elif o == '--err':
            errs.append(opts[i + 1]); i += 2
        elif o == '--file':
            files.append((opts[i + 1], opts[i + 2])); i += 3
        elif o == '--ticks':
            ticks = int(opts[i + 1]); i += 2
        elif o == '--max-rss-mib':
            max_rss = int(opts[i + 1]); i += 2
        elif o == '--twice':
            twice = True; i += 1
        else:
            sys.exit('unknown option ' + o)
    p = run(cmd)
    rss_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out, err = p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace')
    problems = []
    if p.returncode != status:
        problems.append(f'exit status {p.returncode}, expected {status}')
    for r in outs:
        if not re.search(r, out, re.M):
            problems.append(f'stdout lacks {r!r}')
    for r in nouts:
        if re.search(r, out, re.M):
            problems.append(f'stdout has {r!r}')
    for r in errs:
        if not re.search(r, err, re.M):
            problems.append(f'stderr lacks {r!r}')
    for path, r in files:
        try:
            text = open(path, errors='replace').read()
        except OSError as e:
            problems.append(f'{path}: {e}')
            continue
        if not re.search(r, text, re.M):
            problems.append(f'{path} lacks {r!r}')
    if max_rss is not None:
        print(f'peak RSS {rss_mib:.1f} MiB (limit {max_rss} MiB)')
        if rss_mib >= max_rss:
            problems.append(f'peak RSS {rss_mib:.1f} MiB >= {max_rss} MiB')
    if ticks is not None:
        got = [(int(k), int(v)) for k, v in re.findall(r'^tick (\d+) at (\d+)\r?$', out, re.M)]
        if [k for k, _ in got] != list(range(1, ticks + 1)):
            problems.append(f'tick lines {got}, expected ticks 1..{ticks}')
        else:
            for k, v in got:
                lo, hi = k * 10_000_000, k * 10_000_000 + 1_000_000
                if not lo <= v < hi:
                    problems.append(f'tick {k} at counter {v}: expected [{lo}, {hi})')
    if twice:
        q = run(cmd)
        if q.stdout != p.stdout or q.returncode != p.returncode:
            problems.append('a second run printed different output (not deterministic)')
    print('command:', ' '.join(cmd))
    print('--- stdout ---\n' + out + '--- stderr ---\n' + err)
    for pr in problems:
        print('FAIL:', pr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
