#!/usr/bin/env python3
"""Make a raw IPL image from a test ELF linked at 0x10000: an ESA/390-format IPL PSW at absolute 0
(bit 12 one, 31-bit addressing, address 0x10000), zeros up to 0x10000, then the program bytes.

usage: mkraw.py OBJCOPY ELF OUT"""
import struct
import subprocess
import sys

objcopy, elf, out = sys.argv[1:4]
subprocess.run([objcopy, '-O', 'binary', elf, out + '.bin'], check=True)
with open(out + '.bin', 'rb') as f:
    body = f.read()
psw = struct.pack('>II', 0x00080000, 0x80000000 | 0x10000)
with open(out, 'wb') as f:
    f.write(psw + bytes(0x10000 - len(psw)) + body)
