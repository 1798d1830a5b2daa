#!/usr/bin/env python3
"""gdb-multiarch against the real -M sae machine: `saesim -S -gdb tcp::PORT` (frozen, the Arm guest
at its kernel entry), then a batch gdb that sets a breakpoint on a guest symbol, continues, steps,
reads registers and memory and continues to the guest's power-off; a second one sets a read and a
write watchpoint (Z3, Z2) on the guest's tick counter. A third session debugs the s390
host (--gdb-target s390): a breakpoint on the firmware's sae_enter, stepi, registers, memory.
Memory read through the stub is compared with the bytes of the ELF files.
Usage: gdb_batch.py GDB SAESIM GUEST_ELF FIRMWARE_ELF"""
import re
import socket
import struct
import subprocess
import sys

gdb, saesim, guest_elf, fw_elf = sys.argv[1:5]


def elf_symbols_and_bytes(path):
    """(symbols {name: addr}, read(addr, n)) of an ELF64 file, either byte order."""
    data = open(path, "rb").read()
    end = "<" if data[5] == 1 else ">"
    shoff, = struct.unpack_from(end + "Q", data, 0x28)
    phoff, = struct.unpack_from(end + "Q", data, 0x20)
    phentsize, phnum, shentsize, shnum = struct.unpack_from(end + "HHHH", data, 0x36)
    segs = []
    for i in range(phnum):
        p_type, _, off, vaddr, _, filesz = struct.unpack_from(end + "IIQQQQ", data, phoff + i * phentsize)
        if p_type == 1:
            segs.append((vaddr, off, filesz))
    syms = {}
    sections = [struct.unpack_from(end + "IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    for s in sections:
        if s[1] == 2:  # SHT_SYMTAB
            strtab = sections[s[6]]
            for k in range(s[5] // 24):
                name, info, other, shndx, value, size = struct.unpack_from(end + "IBBHQQ", data, s[4] + 24 * k)
                nm = data[strtab[4] + name:data.index(b"\0", strtab[4] + name)].decode()
                if nm:
                    syms[nm] = value

    def read(addr, n):
        for vaddr, off, filesz in segs:
            if vaddr <= addr and addr + n <= vaddr + filesz:
                return data[off + addr - vaddr:off + addr - vaddr + n]
        raise KeyError(hex(addr))
    return syms, read, end


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def session(extra, gdb_cmds, elf):
    port = free_port()
    proc = subprocess.Popen([saesim, "-S", "-gdb", "tcp::%d" % port] + extra, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    if "listening on tcp port %d" % port not in line:
        proc.kill()
        sys.exit("saesim did not start its gdbstub: %r" % line)
    args = [gdb, "-nx", "-batch", elf, "-ex", "set pagination off", "-ex", "target remote 127.0.0.1:%d" % port]
    for c in gdb_cmds:
        args += ["-ex", c]
    res = subprocess.run(args, capture_output=True, text=True, timeout=90)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        sys.exit("saesim did not end after gdb")
    return res.stdout + res.stderr, proc.returncode, out, err


failures = []


def expect(text, pattern, what):
    if not re.search(pattern, text, re.M):
        failures.append("%s: /%s/ not found" % (what, pattern))


# ---- the Arm guest ----
syms, read, _ = elf_symbols_and_bytes(guest_elf)
main = syms["guest_main"]
words = struct.unpack("<2I", read(main + 8, 8))
text, rc, out, err = session([], [
    "break *guest_main", "continue", "stepi", "stepi", "info registers pc", "p/x $sp", "p/x $cpsr",
    "p/x $vbar_el1", "p/x $v0.d.u", "x/2xw $pc", "delete", "continue"], guest_elf)
expect(text, r"in _head", "arm: frozen at the kernel entry")
expect(text, r"Breakpoint 1, 0x0*%x in guest_main" % main, "arm: breakpoint on guest_main")
expect(text, r"^pc\s+0x%x\s+0x%x <guest_main\+8>" % (main + 8, main + 8), "arm: two stepi")
expect(text, r"^\$\d+ = 0x[0-9a-f]*3c5$", "arm: cpsr EL1h, DAIF masked")
expect(text, r"^\$\d+ = 0x%x$" % syms["vectors"], "arm: VBAR_EL1 = vectors")
expect(text, r"^\$\d+ = \{0x0, 0x0\}$", "arm: V0")
expect(text, r"<guest_main\+8>:\s+0x%08x\s+0x%08x" % words, "arm: memory = ELF bytes")
expect(text, r"exited normally", "arm: continue to the end")
expect(out, r"default guest: all checks passed", "arm: guest output")
if rc != 0:
    failures.append("arm: saesim exit status %d" % rc)

# ---- Arm data watchpoints through Z2/Z3 (the core's access hook: loads and same-value stores too) ----
ticks = syms["ticks"]
text, rc, out, err = session([], [
    "rwatch *(unsigned int *)0x%x" % ticks, "continue", "delete",
    "watch *(unsigned int *)0x%x" % ticks, "continue", "delete", "continue"], guest_elf)
expect(text, r"Hardware read watchpoint 1: \*\(unsigned int \*\)0x0*%x" % ticks, "arm: rwatch set")
expect(text, r"Hardware read watchpoint 1: \*\(unsigned int \*\)0x0*%x\s+Value = 0" % ticks, "arm: rwatch hit")
expect(text, r"Hardware watchpoint 2: \*\(unsigned int \*\)0x0*%x\s+Old value = 0\s+New value = 1" % ticks,
       "arm: watch hit")
expect(text, r"exited normally", "arm: continue to the end after watchpoints")
if rc != 0:
    failures.append("arm watch: saesim exit status %d" % rc)

# ---- the s390 host ----
fsyms, fread, _ = elf_symbols_and_bytes(fw_elf)
sae_enter = fsyms["sae_enter"]
text, rc, out, err = session(["--gdb-target", "s390"], [
    "break *sae_enter", "continue", "stepi", "p/x $pswa", "x/2xh $pswa", "delete", "kill"], fw_elf)
expect(text, r"Breakpoint 1, 0x0*%x in sae_enter" % sae_enter, "s390: breakpoint on sae_enter")
expect(text, r"^\$\d+ = 0x%x$" % (sae_enter + 6), "s390: stepi over STMG")
expect(text, r"<sae_enter\+6>:\s+0xb9a5\s+0x0020", "s390: memory at the SAE instruction")
if failures:
    print("\n".join(failures))
    print("---- last gdb transcript ----\n" + text)
    sys.exit(1)
print("gdb sessions ok")
