#!/usr/bin/env python3
"""arm64 differential tester: random A64 integer/LSE sequences, saesim -M arm64-bare vs
qemu-aarch64-static. See docs/difftest.md. Example:
    tests/difftest/arm64/difftest.py --saesim build/tools/saesim --nseq 1000 --len 100
"""
import os
import sys

sys.dont_write_bytecode = True      # keep the source tree clean
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import dtlib  # noqa: E402
import gen    # noqa: E402

RT = os.path.join(HERE, '..', '..', 'arm64', 'lib')   # the shared bare-metal runtime (start.S, link.ld)
CFLAGS = ['-O2', '-static', '-nostdlib', '-ffreestanding', '-fno-pie', '-no-pie', '-mgeneral-regs-only',
          '-march=armv8.1-a+crc', '-Wall', '-Werror', '-I' + HERE]


class Spec:
    name = 'arm64'
    gen = gen
    fields = ['x%d' % i for i in range(31)] + ['nzcv', 'memhash']
    bare_oracle_uses_stderr = True     # QEMU's semihosting console is its stderr here

    @staticmethod
    def add_args(ap):
        ap.add_argument('--cc', default='aarch64-linux-gnu-gcc')
        ap.add_argument('--qemu', default='qemu-aarch64-static')
        ap.add_argument('--qemu-cpu', default='max')
        ap.add_argument('--qemu-system', default='qemu-system-aarch64')
        ap.add_argument('--unaligned', action='store_true',
                        help='also generate unaligned normal loads/stores (needs Normal memory on the bare side)')

    @staticmethod
    def gen_kwargs(a):
        return {'unaligned': a.unaligned}

    @staticmethod
    def build_cmd(a, variant, asm, out):
        src = [os.path.join(HERE, 'harness.c'), asm]
        if variant == 'bare':
            src.append(os.path.join(RT, 'start.S'))
            extra = ['-mstrict-align', '-Wl,--defsym,RT_LOAD_ADDR=0x40080000', '-T', os.path.join(RT, 'link.ld'),
                     '-Wl,--no-warn-rwx-segments']
        else:
            src.append(os.path.join(HERE, 'plat-linux.S'))
            extra = []
        return [a.cc] + CFLAGS + extra + ['-o', out] + src

    @staticmethod
    def oracle_cmd(a, elf):
        return [a.qemu, '-cpu', a.qemu_cpu, elf]

    @staticmethod
    def sut_cmd(a, elf):
        return [a.saesim, '-M', 'arm64-bare', '-kernel', elf]

    @staticmethod
    def bare_oracle_cmd(a, elf):
        return [a.qemu_system, '-M', 'virt', '-cpu', 'max', '-semihosting', '-nographic', '-monitor', 'none',
                '-serial', 'none', '-nic', 'none', '-kernel', elf]

    @staticmethod
    def repro(a, i):
        args = [os.path.join(HERE, 'difftest.py'), '--saesim', a.saesim or 'SAESIM', '--seed', a.seed,
                '--len', a.len, '--only', i]
        if a.unaligned:
            args.append('--unaligned')
        return dtlib.quote(args)


if __name__ == '__main__':
    sys.exit(dtlib.main(Spec, 100))
