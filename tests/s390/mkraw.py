#!/usr/bin/env python3
"""Make a raw IPL image from a test ELF: an ESA/390-format IPL PSW at absolute 0 (bit 12 one,
31-bit addressing, address = the ELF entry, which lib/link.ld puts at the start of the image), zeros
up to that address, then the program bytes.

usage: mkraw.py OBJCOPY ELF OUT"""
import struct
import subprocess
import sys

objcopy, elf, out = sys.argv[1:4]
subprocess.run([objcopy, '-O', 'binary', elf, out + '.bin'], check=True)
with open(out + '.bin', 'rb') as f:
    body = f.read()
with open(elf, 'rb') as f:
    ehdr = f.read(64)
entry = struct.unpack('>Q', ehdr[24:32])[0]  # e_entry of an ELF64 big-endian header
if ehdr[:4] != b'\x7fELF' or entry >= 0x80000000:
    sys.exit('mkraw.py: %s: not an s390x ELF with a 31-bit entry' % elf)
psw = struct.pack('>II', 0x00080000, 0x80000000 | entry)
with open(out, 'wb') as f:
    f.write(psw + bytes(entry - len(psw)) + body)
