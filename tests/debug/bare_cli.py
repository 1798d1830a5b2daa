#!/usr/bin/env python3
"""The debugger options on the bare machines: --gdb-target must name the machine's one context
(-M arm64-bare serves arm, -M s390-bare serves s390; a mismatch is a one-line usage error, exit 2),
and --trace-bin records every instruction (the formatter's instruction count equals --stats').
Usage: bare_cli.py SAESIM ARM64_HELLO_ELF S390_HELLO_ELF [TRACE_FMT]"""
import os
import re
import subprocess
import sys
import tempfile

saesim, arm_elf, s390_elf = sys.argv[1:4]
fmt = sys.argv[4] if len(sys.argv) > 4 else None
machines = {"arm": ["-M", "arm64-bare", "-m", "64M", "-kernel", arm_elf],
            "s390": ["-M", "s390-bare", "-kernel", s390_elf]}
fails = []
for ctx, other in (("arm", "s390"), ("s390", "arm")):
    r = subprocess.run([saesim] + machines[ctx] + ["-S", "-s", "--gdb-target", other], capture_output=True,
                       text=True, timeout=30)
    lines = r.stderr.strip().splitlines()
    if r.returncode != 2 or len(lines) != 1 or ("serves " + ctx) not in lines[0]:
        fails.append("%s machine, --gdb-target %s: exit %d, stderr %r" % (ctx, other, r.returncode, r.stderr))
if fmt:
    with tempfile.TemporaryDirectory() as tmp:
        for ctx, argv in machines.items():
            path = os.path.join(tmp, ctx + ".trace")
            r = subprocess.run([saesim] + argv + ["--trace-bin", path, "--stats"], capture_output=True, text=True,
                               timeout=60)
            m = re.search(r"(\d+) instructions", r.stderr)
            if r.returncode != 0 or not m:
                fails.append("%s --trace-bin: exit %d, %r" % (ctx, r.returncode, r.stderr))
                continue
            out = subprocess.run([fmt, path], capture_output=True, text=True, timeout=60)
            traced = sum(1 for l in out.stdout.splitlines() if l.startswith(ctx + " "))
            if out.returncode != 0 or traced != int(m.group(1)):
                fails.append("%s trace: formatter exit %d, %d instructions traced, %s executed" %
                             (ctx, out.returncode, traced, m.group(1)))
if fails:
    sys.exit("FAIL: " + "; ".join(fails))
print("bare-machine debugger options OK")
