#!/usr/bin/env python3
"""Run one bare-metal s390x test program under `saesim -M s390-bare` and check its verdict.

usage: run_bare.py SAESIM ELF [--exit N] [--stdout FILE] [--contains TEXT] [-- saesim args...]

The guest's verdict is the exit status (disabled wait 0xfff -> 0, other address -> 1, DIAG 0x5A01
-> its value). --stdout compares the guest's whole standard output with FILE; --contains requires
TEXT to appear in it."""
import subprocess
import sys


def main():
    argv = sys.argv[1:]
    extra = []
    if '--' in argv:
        i = argv.index('--')
        argv, extra = argv[:i], argv[i + 1:]
    saesim, elf = argv[0], argv[1]
    want_exit, want_stdout, contains = 0, None, []
    i = 2
    while i < len(argv):
        if argv[i] == '--exit':
            want_exit = int(argv[i + 1])
        elif argv[i] == '--stdout':
            with open(argv[i + 1], 'rb') as f:
                want_stdout = f.read()
        elif argv[i] == '--contains':
            contains.append(argv[i + 1].encode())
        else:
            sys.exit('run_bare.py: unknown option ' + argv[i])
        i += 2
    cmd = [saesim, '-M', 's390-bare', '-kernel', elf, '--timeout', '20'] + extra
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    sys.stdout.write(p.stdout.decode(errors='replace'))
    sys.stderr.write(p.stderr.decode(errors='replace'))
    ok = True
    if p.returncode != want_exit:
        print('run_bare.py: exit status %d, expected %d' % (p.returncode, want_exit))
        ok = False
    if want_stdout is not None and p.stdout != want_stdout:
        print('run_bare.py: stdout differs from the expected output:\n--- expected\n%s--- got\n%s'
              % (want_stdout.decode(errors='replace'), p.stdout.decode(errors='replace')))
        ok = False
    for t in contains:
        if t not in p.stdout:
            print('run_bare.py: output lacks %r' % t.decode())
            ok = False
    sys.exit(0 if ok else 1)


main()
