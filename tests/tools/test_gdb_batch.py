#!/usr/bin/env python3
"""A real gdb-multiarch batch session against the fake target's gdbstub: connect, break on the
guest symbol `loop`, continue, step one instruction, read registers (core, vector, system) and
memory, and continue to the guest's end. Usage: test_gdb_batch.py GDB FAKE_GDB_SERVER PROG_ELF"""
import re
import subprocess
import sys

gdb, server, elf = sys.argv[1:4]
proc = subprocess.Popen([server, "arm"], stdout=subprocess.PIPE)
port = int(re.match(r"PORT (\d+)", proc.stdout.readline().decode()).group(1))
cmds = [
    "set pagination off", "set confirm off", "file " + elf,
    "target remote 127.0.0.1:%d" % port,
    "info registers pc",
    "break *loop",  # exact address: plain "break loop" skips a guessed prologue
    "continue",
    "info registers x0 pc",
    "stepi",
    "info registers x0 pc",
    "x/1xg 0x40000800",
    "stepi",
    "x/1xg 0x40000800",
    "x/2i $pc",
    "p/x $cpsr",
    "p/x $v1.q.u",
    "p/x $vbar_el1",
    "delete",
    "continue",
]
args = [gdb, "-nx", "-batch"]
for c in cmds:
    args += ["-ex", c]
res = subprocess.run(args, capture_output=True, text=True, timeout=60)
out = res.stdout + res.stderr
status = proc.wait(timeout=20)
print(out)
expect = [
    r"pc\s+0x40000000\s+0x40000000 <_start>",
    r"Breakpoint 1 at 0x40000010",
    r"Breakpoint 1, 0x0000000040000010 in loop \(\)",
    r"x0\s+0x5\s+5\npc\s+0x40000010\s+0x40000010 <loop>",
    r"x0\s+0x6\s+6\npc\s+0x40000014\s+0x40000014 <loop\+4>",
    r"0x40000800:\s+0x0000000000000000\n",
    r"0x40000800:\s+0x0000000000000006\n",
    r"=> 0x40000018 <loop\+8>:\s+ldr\s+x2, \[x1, #8\]",
    r"\$1 = 0x3c5",
    r"\$2 = \{0x99aabbccddeeff001122334455667788\}",
    r"\$3 = 0x40004000",
    r"\[Inferior 1 \(.*\) exited normally\]",
]
fails = [e for e in expect if not re.search(e, out)]
for e in fails:
    print("FAIL: missing /%s/" % e)
if status != 20:
    print("FAIL: server exit status %d (expected 20: guest ended)" % status)
    fails.append("status")
sys.exit(1 if fails else 0)
