#!/usr/bin/env python3
"""The gdbstub against the fake target, spoken to by a minimal GDB remote-protocol client:
framing and checksums (including a corrupted packet that must be NAKed), qSupported, target.xml,
the aarch64 g-packet layout, p/P, m/M/X, Z0 + c stopping with T05 at the breakpoint, s, Z2
watchpoints, Ctrl-C, and the s390x layout (big-endian). Usage: test_gdbstub.py FAKE_GDB_SERVER"""
import re
import socket
import struct
import subprocess
import sys
import time

SERVER = sys.argv[1]
FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL:", what)


class Client:
    def __init__(self, arch):
        self.proc = subprocess.Popen([SERVER, arch], stdout=subprocess.PIPE)
        line = self.proc.stdout.readline().decode()
        m = re.match(r"PORT (\d+)", line)
        assert m, "server did not print its port: %r" % line
        self.sock = socket.create_connection(("127.0.0.1", int(m.group(1))), timeout=10)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        self.no_ack = False

    def recv_byte(self):
        while not self.buf:
            data = self.sock.recv(4096)
            if not data:
                raise EOFError
            self.buf += data
        b, self.buf = self.buf[:1], self.buf[1:]
        return b

    def send_raw(self, data):
        self.sock.sendall(data)

    @staticmethod
    def frame(payload):
        return b"$" + payload + b"#%02x" % (sum(payload) & 0xff)

    def recv_packet(self):
        while self.recv_byte() != b"$":
            pass
        data = b""
        while True:
            c = self.recv_byte()
            if c == b"#":
                break
            data += c
        cs = self.recv_byte() + self.recv_byte()
        check(int(cs, 16) == sum(data) & 0xff, "reply checksum of %r" % data[:40])
        if not self.no_ack:
            self.send_raw(b"+")
        return data

    def cmd(self, payload):
        if isinstance(payload, str):
            payload = payload.encode()
        self.send_raw(self.frame(payload))
        if not self.no_ack:
            ack = self.recv_byte()
            check(ack == b"+", "ack for %r (got %r)" % (payload[:30], ack))
        return self.recv_packet()

    def close(self, how=b"D"):
        if how is not None:
            self.cmd(how) if how == b"D" else self.send_raw(self.frame(how))
        self.sock.close()
        return self.proc.wait(timeout=10)


def unhex_le(h):
    return int.from_bytes(bytes.fromhex(h.decode()), "little")


def test_aarch64():
    c = Client("arm")
    # A corrupted checksum is NAKed and the stub waits for the retransmission.
    c.send_raw(b"$qC#00")
    check(c.recv_byte() == b"-", "NAK for a bad checksum")
    sup = c.cmd("qSupported:multiprocess+;swbreak+;hwbreak+;xmlRegisters=i386")
    check(b"qXfer:features:read+" in sup and b"swbreak+" in sup and b"hwbreak+" in sup, "qSupported: %r" % sup)
    check(re.search(rb"PacketSize=[0-9a-f]+", sup) is not None, "PacketSize")
    # target.xml, read in small chunks like gdb does.
    xml, off = b"", 0
    while True:
        part = c.cmd("qXfer:features:read:target.xml:%x,200" % off)
        check(part[:1] in (b"m", b"l"), "qXfer reply kind %r" % part[:1])
        xml += part[1:]
        off += len(part) - 1
        if part[:1] == b"l":
            break
    check(b"<architecture>aarch64</architecture>" in xml, "architecture aarch64")
    check(b'<feature name="org.gnu.gdb.aarch64.core">' in xml, "core feature")
    check(b'<feature name="org.gnu.gdb.aarch64.fpu">' in xml, "fpu feature")
    check(b'name="cpsr" bitsize="32"' in xml, "cpsr is 32-bit")
    check(b'name="v31" bitsize="128" type="aarch64v"' in xml, "v31 128-bit")
    check(b'name="vbar_el1" bitsize="64"' in xml, "system register feature")
    check(c.cmd("?").startswith(b"T05"), "initial stop T05")
    check(c.cmd("qAttached") == b"1", "qAttached")
    check(c.cmd("qC") == b"QC1", "qC")
    check(c.cmd("qfThreadInfo") == b"m1" and c.cmd("qsThreadInfo") == b"l", "thread list")
    check(c.cmd("Hg0") == b"OK", "Hg0")
    # g: x0-x30, sp, pc (8 bytes each), cpsr (4), v0-v31 (16), fpsr, fpcr (4) = 788 bytes.
    g = c.cmd("g")
    check(len(g) == 2 * (33 * 8 + 4 + 32 * 16 + 8), "g length %d" % len(g))
    regs = bytes.fromhex(g.decode())
    sp, pc = struct.unpack_from("<QQ", regs, 31 * 8)
    cpsr = struct.unpack_from("<I", regs, 33 * 8)[0]
    v1 = regs[33 * 8 + 4 + 16:33 * 8 + 4 + 32]
    check(pc == 0x40000000 and sp == 0x40008000, "g pc/sp: %x %x" % (pc, sp))
    check(cpsr == 0x3c5, "g cpsr %x" % cpsr)
    check(v1 == bytes.fromhex("8877665544332211" "00ffeeddccbbaa99"), "v1 little-endian: %s" % v1.hex())
    check(unhex_le(c.cmd("p20")) == 0x40000000, "p pc (reg 32)")
    check(unhex_le(c.cmd("p45")) == 0x40004000, "p vbar_el1 (reg 69, sysreg)")
    # P / G round trip.
    check(c.cmd("P1e=efbeadde00000000") == b"OK", "P x30")
    check(unhex_le(c.cmd("p1e")) == 0xdeadbeef, "x30 written")
    check(c.cmd(b"G" + g) == b"OK", "G")
    check(unhex_le(c.cmd("p1e")) == 0, "G restored x30")
    # Memory.
    check(c.cmd("m40000000,8") == b"a00080d20100a8d2", "m code bytes")
    check(c.cmd("M40000900,4:01020304") == b"OK", "M")
    check(c.cmd("m40000900,4") == b"01020304", "M then m")
    check(c.cmd(b"X40000904,3:}]}\x03\x03") == b"OK", "X with escapes")
    check(c.cmd("m40000904,3") == b"7d2303", "X bytes")
    check(c.cmd("m10,4").startswith(b"E"), "m outside memory is an error")
    check(c.cmd("m4000fffe,4") == b"0000", "m partial read at the end of memory")
    # Step: exactly one instruction.
    check(c.cmd("s").startswith(b"T05"), "s stops with T05")
    check(unhex_le(c.cmd("p20")) == 0x40000004, "s advanced pc by 4")
    check(unhex_le(c.cmd("p0")) == 5, "s executed movz x0, #5")
    check(c.cmd("vCont?").startswith(b"vCont;c;C;s;S"), "vCont?")
    check(c.cmd("vCont;s:1").startswith(b"T05"), "vCont;s")
    check(unhex_le(c.cmd("p20")) == 0x40000008, "vCont;s advanced pc by 4")
    # Z0 + c: stop at the breakpoint with T05 swbreak.
    check(c.cmd("Z0,40000018,4") == b"OK", "Z0")
    r = c.cmd("c")
    check(r.startswith(b"T05") and b"swbreak" in r, "c hits Z0: %r" % r)
    check(unhex_le(c.cmd("p20")) == 0x40000018, "stopped at the breakpoint address")
    check(c.cmd("z0,40000018,4") == b"OK", "z0")
    # Z2 write watchpoint on data (0x40000800): the next store stops, reported with its address.
    check(c.cmd("Z2,40000800,8") == b"OK", "Z2")
    r = c.cmd("vCont;c")
    check(r.startswith(b"T05") and b"watch:40000800" in r, "watchpoint stop %r" % r)
    check(unhex_le(c.cmd("p20")) == 0x40000018, "stopped after the store")
    check(c.cmd("z2,40000800,8") == b"OK", "z2")
    check(c.cmd("qXfer:features:read:other.xml:0,10").startswith(b"E"), "unknown annex")
    check(c.cmd("qUnknownThing") == b"", "unknown packet -> empty reply")
    # Malformed packets get an error (or empty) reply and leave the stub serving.
    for bad in ["G12", "Gx", "m", "mzz,1", "m40000000", "Z0", "Z0,zz,4", "Z9,1,1", "p", "pzz", "p999",
                "P1e", "P1e=12", "Pzz=00", "X40000900,5:ab", "M40000900,2:zz", "M40000900,99999:00",
                "vCont;q", "qXfer:features:read:target.xml:zz"]:
        r = c.cmd(bad)
        check(r == b"" or r.startswith(b"E"), "malformed %r -> error, got %r" % (bad, r[:40]))
    check(unhex_le(c.cmd("p20")) == 0x40000018, "still serving after malformed packets")
    check(c.cmd("m40000900,2") == b"0102", "malformed M/X wrote nothing")
    # Continue to the end: the guest's HLT #0 ends it, reported as W00.
    check(c.cmd("c") == b"W00", "guest end -> W00")
    rc = c.close()
    check(rc == 20, "server status after guest end + detach: %d" % rc)


def test_interrupt():
    c = Client("arm")
    c.cmd("qSupported")
    # Make the guest loop forever: "b ." at 0x40000000.
    check(c.cmd("M40000000,4:00000014") == b"OK", "write b .")
    c.send_raw(c.frame(b"c"))
    check(c.recv_byte() == b"+", "ack c")
    time.sleep(0.3)
    c.send_raw(b"\x03")
    r = c.recv_packet()
    check(r.startswith(b"T02"), "Ctrl-C -> T02: %r" % r)
    check(unhex_le(c.cmd("p20")) == 0x40000000, "pc still on the loop")
    c.send_raw(c.frame(b"k"))
    c.sock.close()
    check(c.proc.wait(timeout=10) == 10, "k kills")


def test_s390x():
    c = Client("s390")
    check(b"QStartNoAckMode+" in c.cmd("qSupported"), "QStartNoAckMode offered")
    check(c.cmd("QStartNoAckMode") == b"OK", "QStartNoAckMode")
    c.no_ack = True  # from here on neither side sends + or -; a stray ack would break framing below
    xml = c.cmd("qXfer:features:read:target.xml:0,3000")
    check(xml.startswith(b"l"), "xml in one piece")
    check(b"<architecture>s390:64-bit</architecture>" in xml, "s390 architecture")
    for feat in (b"org.gnu.gdb.s390.core", b"org.gnu.gdb.s390.acr", b"org.gnu.gdb.s390.fpr"):
        check(b'<feature name="' + feat + b'">' in xml, "feature %s" % feat.decode())
    g = bytes.fromhex(c.cmd("g").decode())
    check(len(g) == 2 * 8 + 16 * 8 + 16 * 4 + 4 + 16 * 8, "s390 g length %d" % len(g))
    pswm, pswa = struct.unpack_from(">QQ", g, 0)
    check(pswm == 0x0000000180000000 and pswa == 0x8000, "big-endian psw: %x %x" % (pswm, pswa))
    check(c.cmd("m8000,4") == b"a7190005", "s390 memory")
    check(c.cmd("s").startswith(b"T05"), "s390 step")
    r1 = int(c.cmd("p3"), 16)  # r1 is register 3 (after pswm, pswa, r0), big-endian hex
    check(r1 == 5, "lghi %%r1,5 executed: %x" % r1)
    check(int(c.cmd("p1"), 16) == 0x8004, "pswa advanced by 4")
    check(c.close() == 0, "detach -> 0")


test_aarch64()
test_interrupt()
test_s390x()
if FAILS:
    print("%d check(s) failed" % len(FAILS))
    sys.exit(1)
print("all gdbstub checks passed")
