#!/usr/bin/env python3
"""--trace-bin on the real default guest (its first 3 ms of virtual time: boot, stage-2 faults, the
trapped system registers; --timeout keeps the formatter's work small), then saesim-trace-fmt: the
formatter accepts the file (END record present), the traced instruction counts of both
architectures equal the run summary's, the first records are the firmware's and the guest's entry
instructions, and every SAE entry has its exit event. Usage: trace_roundtrip.py SAESIM TRACE_FMT"""
import os
import re
import subprocess
import sys
import tempfile

saesim, fmt = sys.argv[1:3]
fails = []
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "run.trace")
    run = subprocess.run([saesim, "--trace-bin", path, "--timeout", "0.003"], capture_output=True, text=True,
                         timeout=90)
    if run.returncode != 4 or "--timeout: 0.003 s of virtual time passed" not in run.stderr:
        sys.exit("saesim --trace-bin exited %d\n%s" % (run.returncode, run.stderr))
    res = subprocess.run([fmt, path], capture_output=True, text=True, timeout=90)
    if res.returncode != 0:
        sys.exit("saesim-trace-fmt exited %d: %s" % (res.returncode, res.stderr))
    lines = res.stdout.splitlines()
    bad = subprocess.run([saesim, "--trace-bin", os.path.join(tmp, "no", "such", "dir")], capture_output=True,
                         text=True, timeout=30)
    if bad.returncode == 0 or "--trace-bin" not in bad.stderr:
        fails.append("an unwritable --trace-bin path must fail with a message")


def summary(name):
    m = re.search(r"%s +(\d+)" % name, run.stderr)
    return int(m.group(1)) if m else -1


arm = [l for l in lines if l.startswith("arm ")]
s390 = [l for l in lines if l.startswith("s390 ")]
enters = sum(1 for l in lines if l.startswith("---- sae-enter"))
exits = sum(1 for l in lines if l.startswith("---- sae-exit"))
if len(arm) != summary("arm64 instructions"):
    fails.append("%d arm records, summary says %d" % (len(arm), summary("arm64 instructions")))
if len(s390) != summary("s390 instructions"):
    fails.append("%d s390 records, summary says %d" % (len(s390), summary("s390 instructions")))
if enters != summary("SAE entries") or exits != enters:
    fails.append("sae-enter %d / sae-exit %d records, %d SAE entries" % (enters, exits, summary("SAE entries")))
# the running count of each architecture ends at the total
if arm and not re.match(r"arm +%d " % len(arm), arm[-1]):
    fails.append("last arm record: %r" % arm[-1])
if not re.match(r"s390 +1 0000000000010000: ", s390[0] if s390 else ""):
    fails.append("first s390 record is not the firmware entry: %r" % (s390[:1],))
if not re.match(r"arm +1 0000000040080000: 14000200 +b ", arm[0] if arm else ""):
    fails.append("first arm record is not the guest's first instruction: %r" % (arm[:1],))
if not any(re.search(r"sae-exit icptr=0x3 ", l) for l in lines):
    fails.append("no SAE exit with icptr 0x03 (the guest's trapped system registers)")
# 25 ms of the guest: the CPUs' own hooks record every instruction and each of the guest's timer
# IRQs (one "tick N" line each) as an exception event (ESR 0, EL1, vector 0x280: IRQ from the
# current EL with SP_ELx)
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "full.trace")
    full = subprocess.run([saesim, "--trace-bin", path, "--timeout", "0.025"], capture_output=True, text=True,
                          timeout=90)
    ticks = len(re.findall(r"^tick \d+ at", full.stdout, re.M))
    if full.returncode != 4 or ticks < 2:
        fails.append("25 ms --trace-bin run exited %d with %d ticks" % (full.returncode, ticks))
    res = subprocess.run([fmt, path], capture_output=True, text=True, timeout=90)
    flines = res.stdout.splitlines()
    narm = sum(1 for l in flines if l.startswith("arm "))
    ns390 = sum(1 for l in flines if l.startswith("s390 "))
    excs = [l for l in flines if l.startswith("---- exception")]
    m_arm = re.search(r"arm64 instructions +(\d+)", full.stderr)
    m_s390 = re.search(r"s390 instructions +(\d+)", full.stderr)
    if not m_arm or narm != int(m_arm.group(1)) or not m_s390 or ns390 != int(m_s390.group(1)):
        fails.append("full run: %d arm / %d s390 records, summary %s / %s" %
                     (narm, ns390, m_arm and m_arm.group(1), m_s390 and m_s390.group(1)))
    if len(excs) != ticks or any(l != "---- exception esr=0x0 el=%d" % (1 | 0x280 << 8) for l in excs):
        fails.append("full run: expected %d IRQ exception events, got %r" % (ticks, excs[:8]))
if fails:
    print("\n".join(fails))
    sys.exit(1)
print("trace ok: %d arm, %d s390 records, %d SAE entries" % (len(arm), len(s390), enters))
