#!/usr/bin/env python3
"""The debug shell on a real terminal (a pty): libedit's Tab completion and history, Enter repeating
a step, and Ctrl-C breaking into a running `continue`. Usage: test_shell_pty.py FAKE_SHELL"""
import os
import pty
import select
import sys
import time

SHELL = sys.argv[1]
FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL:", what)


class Pty:
    mark = 0

    def __init__(self, *args):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ["TERM"] = "dumb"
            os.execv(SHELL, [SHELL] + list(args))
        self.out = b""

    def read_until(self, needle, timeout=10.0):
        """Read until needle appears after the current mark; returns the text since the mark."""
        end = time.time() + timeout
        while needle not in self.out[self.mark:]:
            left = end - time.time()
            if left <= 0:
                break
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:
                    break
                if not data:
                    break
                self.out += data
        i = self.out.find(needle, self.mark)
        cut = i + len(needle) if i >= 0 else len(self.out)  # the rest belongs to the next read
        text = self.out[self.mark:cut]
        self.mark = cut
        return text.decode(errors="replace")

    def send(self, data):
        os.write(self.fd, data)

    def command(self, data, needle):
        """Send data; return the output up to the prompt that follows needle (libedit redraws
        the prompt while editing, so a bare prompt is no sign that the command has run)."""
        self.send(data)
        first = self.read_until(needle.encode())
        return first + self.read_until(b"(saesim) ")

    def finish(self):
        self.send(b"quit\r")
        _, status = os.waitpid(self.pid, 0)
        return status


p = Pty()
check("(saesim) " in p.read_until(b"(saesim) "), "first prompt")
# Tab completes "disa" to the unique command "disas ", and "_st" to the symbol "_start".
out = p.command(b"disa\t_st\t2\r", "lsl #16")  # a unique completion appends a space
check("disas _start 2" in out, "completed line echoed: %r" % out)
check("movz x0, #0x5" in out and "movz x1, #0x4000, lsl #16" in out, "disas output: %r" % out)
# History: up-arrow recalls the previous line.
out = p.command(b"\x1b[A\r", "lsl #16")
check("movz x1, #0x4000, lsl #16" in out, "history recall re-ran disas: %r" % out)
# Enter on an empty line repeats a step.
out = p.command(b"step\r", "=> arm")
check("=> arm 0x0000000040000004" in out, "step: %r" % out)
out = p.command(b"\r", "=> arm")
check("=> arm 0x0000000040000008" in out, "empty line repeated the step: %r" % out)
check(os.WEXITSTATUS(p.finish()) == 0, "quit exits 0")

# Ctrl-C interrupts a continue on a guest spinning on "b .".
p = Pty("--spin")
p.read_until(b"(saesim) ")
p.send(b"continue\r")
time.sleep(0.5)
p.send(b"\x03")
out = p.read_until(b"(saesim) ")
check("Interrupted." in out, "Ctrl-C stops the run: %r" % out)
check("=> arm 0x0000000040000000 <_start>" in out, "stopped on the spin loop: %r" % out)
out = p.command(b"info\r", "Instructions s390")
check("Last stop: interrupt" in out, "info shows the interrupt: %r" % out)
# Ctrl-C at the prompt is ignored: the shell is still there.
p.send(b"\x03")
time.sleep(0.2)
out = p.command(b"regs\r", "cpsr:")
check("pc     0x0000000040000000" in out, "shell alive after Ctrl-C at the prompt: %r" % out)
check(os.WEXITSTATUS(p.finish()) == 0, "quit after interrupt")

if FAILS:
    print("%d check(s) failed" % len(FAILS))
    sys.exit(1)
print("all pty checks passed")
