#!/usr/bin/env python3
"""Run saesim with arguments that must be rejected, and check how it fails.

usage: cli_case.py SAESIM EXPECTED_STATUS PATTERN [--absent PATH] -- ARGS...

Passes when saesim exits with EXPECTED_STATUS (not by a signal, so no crash or core dump), prints
nothing on stdout, prints exactly one line on stderr, that line starts with "saesim: " and matches
the regular expression PATTERN, and (with --absent) PATH was not created.
"""
import os
import re
import subprocess
import sys


def main():
    argv = sys.argv[1:]
    sep = argv.index('--')
    head, args = argv[:sep], argv[sep + 1:]
    saesim, status, pattern = head[0], int(head[1]), head[2]
    absent = None
    if '--absent' in head:
        absent = head[head.index('--absent') + 1]
        if os.path.exists(absent):
            os.unlink(absent)
    p = subprocess.run([saesim] + args, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    out, err = p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace')
    problems = []
    if p.returncode < 0:
        problems.append(f'killed by signal {-p.returncode}')
    elif p.returncode != status:
        problems.append(f'exit status {p.returncode}, expected {status}')
    if out:
        problems.append(f'unexpected stdout: {out!r}')
    lines = err.splitlines()
    if len(lines) != 1:
        problems.append(f'expected exactly one line on stderr, got {len(lines)}: {err!r}')
    elif not lines[0].startswith('saesim: ') or not re.search(pattern, lines[0]):
        problems.append(f'stderr line {lines[0]!r} does not match {pattern!r}')
    if absent and os.path.exists(absent):
        problems.append(f'{absent} was left behind')
        os.unlink(absent)
    print('command:', ' '.join([saesim] + args))
    print('stderr:', err.strip())
    if problems:
        for pr in problems:
            print('FAIL:', pr)
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
