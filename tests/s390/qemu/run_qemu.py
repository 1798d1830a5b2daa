#!/usr/bin/env python3
"""Run one bare-metal s390x test program under qemu-system-s390x and check its verdict, the same
verdict run_bare.py requires of `saesim -M s390-bare` (issue 4: one ELF, one verdict on both).

usage: run_qemu.py QEMU ELF [--exit N] [--stdout FILE] [--timeout SECONDS] [-- qemu args...]

QEMU starts a -kernel ELF at its entry with the PSW 0x0000000180000000 (64-bit addressing,
supervisor state, DAT off, interruptions disabled) and prefix 0. A disabled-wait PSW whose address
ends in 0xfff is "quiesce": QEMU shuts down (exit 0); any other disabled wait is a guest panic,
which `-action panic=exit-failure` turns into exit status 1. SIGP stop of the last CPU also shuts
down (exit 0). The SCLP VT220 console (sclpconsole) and the line-mode console (sclplmconsole)
share one multiplexed stdio chardev, so the guest's whole console output is QEMU's stdout.
A QEMU that does not finish within --timeout seconds (default 20) is killed and the test fails."""
import subprocess
import sys


def main():
    argv = sys.argv[1:]
    extra = []
    if '--' in argv:
        i = argv.index('--')
        argv, extra = argv[:i], argv[i + 1:]
    qemu, elf = argv[0], argv[1]
    want_exit, want_stdout, timeout = 0, None, 20.0
    i = 2
    while i < len(argv):
        if argv[i] == '--exit':
            want_exit = int(argv[i + 1])
        elif argv[i] == '--stdout':
            with open(argv[i + 1], 'rb') as f:
                want_stdout = f.read()
        elif argv[i] == '--timeout':
            timeout = float(argv[i + 1])
        else:
            sys.exit('run_qemu.py: unknown option ' + argv[i])
        i += 2
    cmd = [qemu, '-M', 's390-ccw-virtio', '-accel', 'tcg', '-m', '128M', '-smp', '1',
           '-nodefaults', '-no-user-config', '-display', 'none', '-monitor', 'none',
           '-chardev', 'stdio,id=con,mux=on,signal=off',
           '-device', 'sclpconsole,chardev=con', '-device', 'sclplmconsole,chardev=con',
           '-action', 'panic=exit-failure', '-no-reboot',
           '-kernel', elf] + extra
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        sys.stdout.write((e.stdout or b'').decode(errors='replace'))
        print('run_qemu.py: QEMU did not finish within %g s (hung guest?)' % timeout)
        sys.exit(1)
    out = p.stdout
    sys.stdout.write(out.decode(errors='replace'))
    sys.stderr.write(p.stderr.decode(errors='replace'))
    ok = True
    if p.returncode != want_exit:
        print('run_qemu.py: exit status %d, expected %d' % (p.returncode, want_exit))
        ok = False
    if want_stdout is not None and out != want_stdout:
        print('run_qemu.py: stdout differs from the expected output:\n--- expected\n%s--- got\n%s'
              % (want_stdout.decode(errors='replace'), out.decode(errors='replace')))
        ok = False
    sys.exit(0 if ok else 1)


main()
