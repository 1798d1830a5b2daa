#!/usr/bin/env python3
"""saesim --help exits 0 and documents every option the CLI accepts (QEMU's and saesim's own)."""
import subprocess
import sys

p = subprocess.run([sys.argv[1], '--help'], capture_output=True, text=True, timeout=30)
text = p.stdout
need = ['-M ', '-kernel ', '-initrd ', '-append ', '-dtb ', '-m ', '-smp ', '-serial ', '-d ', '-D ',
        '-s ', '-S ', '-gdb ', '-nographic', '--no-sae', '--timeout', '--clock', '--max-insns',
        '--debug', '--stats', '-bios', 'exit status']
missing = [n for n in need if n not in text]
if p.returncode != 0 or missing or p.stderr:
    print('status', p.returncode, 'missing', missing, 'stderr', p.stderr)
    sys.exit(1)
v = subprocess.run([sys.argv[1], '--version'], capture_output=True, text=True, timeout=30)
if v.returncode != 0 or not v.stdout.startswith('saesim '):
    print('bad --version', v.returncode, v.stdout)
    sys.exit(1)
print('ok')
