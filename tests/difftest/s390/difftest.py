#!/usr/bin/env python3
"""s390 differential tester: random z/Architecture problem-state sequences, saesim -M s390-bare vs
qemu-s390x-static. See docs/difftest.md. Example:
    tests/difftest/s390/difftest.py --saesim build/tools/saesim --nseq 1000 --len 100
"""
import os
import sys

sys.dont_write_bytecode = True      # keep the source tree clean
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import dtlib  # noqa: E402
import gen    # noqa: E402

CFLAGS = ['-O2', '-march=z13', '-static', '-nostdlib', '-ffreestanding', '-fno-pie', '-no-pie', '-Wall',
          '-Werror', '-Wl,-z,noexecstack', '-I' + HERE]


class Spec:
    name = 's390'
    gen = gen
    fields = ['r%d' % i for i in range(16)] + ['cc', 'memhash', 'cctrail']
    bare_oracle_uses_stderr = False

    @staticmethod
    def add_args(ap):
        ap.add_argument('--cc', default='s390x-linux-gnu-gcc')
        ap.add_argument('--qemu', default='qemu-s390x-static')
        ap.add_argument('--qemu-cpu', default='max')

    @staticmethod
    def gen_kwargs(a):
        return {}

    @staticmethod
    def build_cmd(a, variant, asm, out):
        src = [os.path.join(HERE, 'harness.c'), os.path.join(HERE, 'plat-%s.S' % variant), asm]
        extra = ['-T', os.path.join(HERE, 'bare.ld'), '-Wl,--no-warn-rwx-segments'] if variant == 'bare' else []
        return [a.cc] + CFLAGS + extra + ['-o', out] + src

    @staticmethod
    def oracle_cmd(a, elf):
        return [a.qemu, '-cpu', a.qemu_cpu, elf]

    @staticmethod
    def sut_cmd(a, elf):
        return [a.saesim, '-M', 's390-bare', '-kernel', elf]

    @staticmethod
    def bare_oracle_cmd(a, elf):
        raise SystemExit('no bare-metal oracle for s390 (the bare harness uses saesim DIAG codes)')

    @staticmethod
    def repro(a, i):
        return dtlib.quote([os.path.join(HERE, 'difftest.py'), '--saesim', a.saesim or 'SAESIM',
                            '--seed', a.seed, '--len', a.len, '--only', i])


if __name__ == '__main__':
    sys.exit(dtlib.main(Spec, 100))
