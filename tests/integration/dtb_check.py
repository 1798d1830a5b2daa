#!/usr/bin/env python3
"""--dump-dtb writes the board's device tree; `dtc -I dtb -O dts` must read it back with the nodes a
Linux or kvm-unit-tests guest needs. usage: dtb_check.py SAESIM DTC WORKDIR"""
import os
import re
import subprocess
import sys

saesim, dtc, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
dtb = os.path.join(work, 'virt.dtb')
initrd = os.path.join(work, 'initrd.bin')
with open(initrd, 'wb') as f:
    f.write(os.urandom(1) * 12345)
p = subprocess.run([saesim, '--dump-dtb', dtb, '-append', 'console=ttyAMA0 earlycon', '-initrd', initrd],
                   capture_output=True, text=True, timeout=60)
if p.returncode != 0:
    sys.exit(f'saesim --dump-dtb failed: {p.returncode} {p.stderr}')
d = subprocess.run([dtc, '-I', 'dtb', '-O', 'dts', dtb], capture_output=True, text=True, timeout=60)
if d.returncode != 0:
    sys.exit(f'dtc could not read the DTB: {d.stderr}')
dts = d.stdout
need = [
    r'compatible = "linux,dummy-virt"',
    r'memory@40000000 \{[^}]*reg = <0x00 0x40000000 0x00 0x8000000>;[^}]*device_type = "memory"',
    r'cpu@0 \{[^}]*enable-method = "psci"',
    r'psci \{[^}]*method = "hvc"',
    r'timer \{[^}]*compatible = "arm,armv8-timer',
    r'intc@8000000 \{[^}]*compatible = "arm,gic-v3"',
    r'pl011@9000000 \{[^}]*clock-names = "uartclk\\0apb_pclk"',
    r'pl011@9000000 \{[^}]*compatible = "arm,pl011\\0arm,primecell"',
    r'pl031@9010000',
    r'virtio_mmio@a000000',
    r'chosen \{[^}]*bootargs = "console=ttyAMA0 earlycon"',
    r'chosen \{[^}]*stdout-path = "/pl011@9000000"',
    r'chosen \{[^}]*linux,initrd-start',
    r'chosen \{[^}]*linux,initrd-end',
]
missing = [n for n in need if not re.search(n, dts, re.S)]
if missing:
    print(dts)
    sys.exit('missing in the DT: ' + ', '.join(missing))
print('ok: DTB read back by dtc with all expected nodes')
