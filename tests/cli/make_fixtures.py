#!/usr/bin/env python3
"""Derive broken inputs from good ones: make_fixtures.py KIND IN OUT.
KIND: truncate-elf (keep the ELF header and program headers, cut the segment data),
      corrupt-dtb (a blob with a valid-looking start and garbage after the magic)."""
import struct
import sys

kind, src, dst = sys.argv[1:4]
if kind == 'truncate-elf':
    data = open(src, 'rb').read()
    # e_phoff (8 bytes at 0x20) and e_phnum (2 bytes at 0x38) in the file's byte order
    endian = '<' if data[5] == 1 else '>'
    phoff = struct.unpack_from(endian + 'Q', data, 0x20)[0]
    phentsize, phnum = struct.unpack_from(endian + 'HH', data, 0x36)
    cut = phoff + phentsize * phnum + 16
    open(dst, 'wb').write(data[:cut])
elif kind == 'corrupt-dtb':
    open(dst, 'wb').write(b'\xd0\x0d\xfe\xed' + b'\xff' * 60)
else:
    sys.exit('unknown kind ' + kind)
