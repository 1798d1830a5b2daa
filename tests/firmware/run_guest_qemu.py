#!/usr/bin/env python3
"""Boot the default guest Image on QEMU's virt board (GICv3, Cortex-A57, PSCI over HVC at EL1) and
check its console output: the expected lines must appear in order, no line may contain "FAIL", and
QEMU must exit by itself (the guest's PSCI SYSTEM_OFF) within the time limit.

usage: run_guest_qemu.py QEMU IMAGE BOOTARGS 'expected 1|expected 2|...'
"""
import subprocess
import sys


def main():
    qemu, image, bootargs, expected = sys.argv[1:5]
    cmd = [qemu, '-M', 'virt,gic-version=3', '-cpu', 'cortex-a57', '-m', '128M', '-nographic',
           '-nodefaults', '-serial', 'stdio', '-monitor', 'none', '-kernel', image, '-append', bootargs]
    try:
        run = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=40)
    except subprocess.TimeoutExpired as e:
        print((e.stdout or b'').decode(errors='replace'))
        print('FAILED: guest did not power off within 40 s')
        return 1
    out = run.stdout.decode(errors='replace').replace('\r', '')
    print(out)
    if run.returncode != 0:
        print(f'FAILED: qemu exited with {run.returncode}')
        return 1
    pos = 0
    for want in expected.split('|'):
        i = out.find(want, pos)
        if i < 0:
            print(f'FAILED: missing (in order): {want!r}')
            return 1
        pos = i + len(want)
    bad = [l for l in out.splitlines() if 'FAIL' in l]
    if bad:
        print(f'FAILED: guest reported: {bad}')
        return 1
    print('guest output OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
