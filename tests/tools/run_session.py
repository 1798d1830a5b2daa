#!/usr/bin/env python3
"""Golden debug-shell sessions: feed SCRIPT to a command's stdin (the shell's pipe mode) and compare
everything it prints with EXPECTED, line by line; a mismatch prints a unified diff. Each command is
echoed into the transcript after its prompt, so the expected file reads like a terminal session.
Usage: run_session.py SCRIPT EXPECTED [--update] -- COMMAND [ARGS...]"""
import difflib
import subprocess
import sys

args = sys.argv[1:]
sep = args.index("--")
opts, cmd = args[:sep], args[sep + 1:]
update = "--update" in opts
script_path, expected_path = [a for a in opts if a != "--update"]
script = open(script_path).read()
res = subprocess.run(cmd, input=script, capture_output=True, text=True, timeout=60)
# Interleave the commands after their prompts: "(saesim) " + command + newline.
lines = [l for l in script.splitlines()]
out, parts = [], res.stdout.split("(saesim) ")
out.append(parts[0])
for i, part in enumerate(parts[1:]):
    cmdline = lines[i] if i < len(lines) else ""
    out.append("(saesim) " + cmdline + ("\n" if i < len(lines) else "") + part)
transcript = "".join(out) + "[exit %d]\n" % res.returncode
if update:
    open(expected_path, "w").write(transcript)
    sys.exit(0)
expected = open(expected_path).read()
if transcript != expected:
    sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), transcript.splitlines(True),
                                               "expected", "actual"))
    if res.stderr:
        print("stderr:\n" + res.stderr)
    sys.exit(1)
print("session matches %s" % expected_path)
