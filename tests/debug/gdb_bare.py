#!/usr/bin/env python3
"""gdb-multiarch against -M arm64-bare: `saesim -M arm64-bare -S -gdb tcp::PORT` (frozen at the ELF
entry), then a batch gdb that sets a breakpoint on main, continues, steps, reads registers and
memory (main's first instruction word: stp x29, x30, [sp, #-0x60]!, as the arm64-bare debug session
disassembles it), sets an access watchpoint on main's frame (gdb hides write hits that keep the
value) and continues to the guest's exit. Also: --gdb-target s390 on -M arm64-bare is a usage
error (exit 2, one line).
Usage: gdb_bare.py GDB SAESIM ARM64_HELLO_ELF"""
import re
import socket
import subprocess
import sys

gdb, saesim, elf = sys.argv[1:4]
base = [saesim, "-M", "arm64-bare", "-m", "64M", "-kernel", elf]
problems = []
sock = socket.socket()
sock.bind(("127.0.0.1", 0))
port = sock.getsockname()[1]
sock.close()

bad = subprocess.run(base + ["-S", "-gdb", "tcp::%d" % port, "--gdb-target", "s390"], capture_output=True, text=True,
                     timeout=30)
if bad.returncode != 2 or len(bad.stderr.strip().splitlines()) != 1 or "s390" not in bad.stderr:
    problems.append("--gdb-target s390: exit %d, stderr %r" % (bad.returncode, bad.stderr))

proc = subprocess.Popen(base + ["-S", "-gdb", "tcp::%d" % port], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
if "listening on tcp port %d" % port not in proc.stderr.readline():
    proc.kill()
    sys.exit("saesim did not start its gdbstub")
cmds = ["set pagination off", "target remote 127.0.0.1:%d" % port, "break *main", "continue", "stepi",
        "stepi", "info registers pc sp x0 cpsr", "x/1xw main", "p/x $x30", "awatch *(long *)0x40012fb0",
        "continue", "delete", "continue"]
res = subprocess.run([gdb, "-nx", "-batch", elf] + [a for c in cmds for a in ("-ex", c)], capture_output=True,
                     text=True, timeout=90)
text = res.stdout + res.stderr
try:
    out, err = proc.communicate(timeout=60)
except subprocess.TimeoutExpired:
    proc.kill()
    out, err = "", ""
    problems.append("saesim did not end after gdb")

for pattern, what in [
    (r"Breakpoint 1 at 0x40000850", "breakpoint on main"),
    (r"Breakpoint 1, 0x0*40000850 in main", "stop at main"),
    (r"pc\s+0x40000858\s+0x40000858 <main\+8>", "two stepi from main"),
    (r"sp\s+0x40012fa0", "sp after the prologue's stp"),
    (r"x0\s+0x40002000\s", "x0 after adrp"),
    (r"<main>:\s+0xa9ba7bfd", "memory at main (stp x29, x30, [sp, #-0x60]!)"),
    (r"\$1 = 0x40000834", "x30 (return into the start code)"),
    (r"Hardware access \(read/write\) watchpoint 2: \*\(long \*\)0x40012fb0\s+Value = 0\s+"
     r"0x0*40002124 in plat_puts", "access watchpoint hit by stp x19, x20 at main+0x10 (gdb then steps "
     r"over one more instruction, the bl: AArch64 watchpoints are non-steppable to gdb)"),
    (r"exited normally", "guest ran to its exit"),
]:
    if not re.search(pattern, text):
        problems.append("missing %s (/%s/)" % (what, pattern))
if "hello from arm64-bare" not in out:
    problems.append("guest output missing from saesim's stdout: %r" % out)
if proc.returncode != 0:
    problems.append("saesim exit status %d" % proc.returncode)
if problems:
    print(text)
    print("saesim stderr:", err)
    sys.exit("FAIL: " + "; ".join(problems))
print("gdb-multiarch session against -M arm64-bare OK")
