#!/usr/bin/env python3
"""Run one bare-metal test program under saesim (or another emulator, e.g. a QEMU oracle) and judge
its output. Shared by the bare-metal tests (tests/mmu/bare, tests/sae/bare).

Pass: the program printed PASS, printed no FAIL, and the emulator exited with status 0 (Arm:
semihosting SYS_EXIT 0; s390: the machine's exit status for the disabled wait at 0xFFF).
Exit 77 (meson: SKIP, never PASS) when the program or the machine reports that the facility or the
machine is not implemented in this build."""
import argparse
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(usage='run_bare.py [--timeout SECONDS] -- EMULATOR ARGS...')
    ap.add_argument('--timeout', type=float, default=60, help='wall-clock limit of the run (default 60)')
    ap.add_argument('cmd', nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ['--'] else []
    if not cmd:
        ap.error('the emulator command follows --')
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=a.timeout)
    except subprocess.TimeoutExpired:
        print('TIMEOUT:', ' '.join(cmd))
        return 1
    out = p.stdout.decode(errors='replace')
    sys.stdout.write(out)
    if 'is not implemented in this build' in out:
        print('SKIP: not implemented in this build')
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
