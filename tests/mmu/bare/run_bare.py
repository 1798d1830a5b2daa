#!/usr/bin/env python3
"""Run one bare-metal MMU test program under saesim (or another emulator) and judge it.

Pass: the program printed PASS, printed no FAIL, and the emulator exited with status 0 (Arm:
semihosting SYS_EXIT 0; s390: the machine's exit status for the disabled wait at 0xFFF).
Exit 77 (meson: SKIP, never PASS) when the machine reports that it is not implemented yet."""
import subprocess
import sys


def main():
    if len(sys.argv) < 3 or sys.argv[1] != '--':
        sys.exit('usage: run_bare.py -- EMULATOR ARGS...')
    cmd = sys.argv[2:]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
    except subprocess.TimeoutExpired:
        print('TIMEOUT:', ' '.join(cmd))
        return 1
    out = p.stdout.decode(errors='replace')
    sys.stdout.write(out)
    if 'is not implemented in this build' in out:
        print('SKIP: machine not implemented yet')
        return 77
    if 'FAIL' in out or 'PASS' not in out:
        print('bare-metal test failed (status %d)' % p.returncode)
        return 1
    if p.returncode != 0:
        print('PASS printed but the emulator exited with status %d' % p.returncode)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
