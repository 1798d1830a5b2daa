#!/usr/bin/env python3
"""Run an SAE bare-metal host test under saesim -M s390-bare and judge its output.

Pass: the program printed PASS, printed no FAIL, and saesim exited with status 0 (disabled wait at
0xFFF). Exit 77 (meson: SKIP, never PASS) when the program or the machine reports that the facility
or the machine is not implemented in this build (e.g. before the machine attaches sae/)."""
import subprocess
import sys


def main():
    if len(sys.argv) < 3 or sys.argv[1] != '--':
        sys.exit('usage: run_bare.py -- SAESIM ARGS...')
    cmd = sys.argv[2:]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=80)
    except subprocess.TimeoutExpired:
        print('TIMEOUT:', ' '.join(cmd))
        return 1
    out = p.stdout.decode(errors='replace')
    sys.stdout.write(out)
    if 'is not implemented in this build' in out:
        print('SKIP: not implemented in this build')
        return 77
    if 'FAIL' in out or 'PASS' not in out:
        print('SAE bare-metal test failed (status %d)' % p.returncode)
        return 1
    if p.returncode != 0:
        print('PASS printed but saesim exited with status %d' % p.returncode)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
