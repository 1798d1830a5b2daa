#!/usr/bin/env python3
"""Ctrl-C on the real -M sae machine: a guest that spins (`b .` as a raw kernel) runs under
`saesim --debug` on a pty; Ctrl-C (the terminal's interrupt character) must break into the shell
with the guest stopped at its loop, and the shell must keep working. Without the shell, Ctrl-C ends
saesim (killed by SIGINT, as QEMU). Usage: ctrl_c_pty.py SAESIM"""
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import time

saesim = sys.argv[1]
fails = []


def read_until(fd, buf, needle, timeout=20.0):
    end = time.time() + timeout
    while needle not in buf[0]:
        left = end - time.time()
        if left <= 0:
            return False
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            buf[0] += data
    return True


with tempfile.TemporaryDirectory() as tmp:
    spin = os.path.join(tmp, "spin.bin")
    open(spin, "wb").write(bytes.fromhex("00000014"))   # b . (little-endian A64)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "dumb"
        os.execv(saesim, [saesim, "--debug", "--quiet", "-kernel", spin])
    buf = [b""]
    time.sleep(1.0)                      # the guest is spinning inside `continue`
    os.write(fd, b"\x03")                # the pty's VINTR: SIGINT to saesim
    if not read_until(fd, buf, b"Interrupted."):
        fails.append("no 'Interrupted.' after Ctrl-C: %r" % buf[0][-400:])
    read_until(fd, buf, b"(saesim) ")
    buf[0] = b""
    os.write(fd, b"regs\n")
    if not read_until(fd, buf, b"cpsr") or b"pc     0x0000000040080000" not in buf[0]:
        fails.append("regs after Ctrl-C: %r" % buf[0][-600:])
    read_until(fd, buf, b"(saesim) ")
    os.write(fd, b"quit\n")
    deadline = time.time() + 20
    status = None
    while time.time() < deadline:
        try:
            os.read(fd, 4096)
        except OSError:
            pass
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            break
        time.sleep(0.05)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        fails.append("saesim did not end after quit")
    elif not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        fails.append("exit status after quit: %r" % status)

    # Without the shell: SIGINT ends saesim.
    p = subprocess.Popen([saesim, "--quiet", "-kernel", spin], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    try:
        rc = p.wait(timeout=20)
        if rc != -signal.SIGINT:
            fails.append("without the shell, SIGINT gave status %d" % rc)
    except subprocess.TimeoutExpired:
        p.kill()
        fails.append("without the shell, SIGINT did not end saesim")

if fails:
    print("\n".join(fails))
    sys.exit(1)
print("ctrl-c ok")
