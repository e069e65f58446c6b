#!/usr/bin/env python3
"""png_not_blank.py FILE.png: the screenshot is a PNG whose pixels are not all alike."""
import struct
import sys
import zlib

data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + length]
    pos += 12 + length
raw = zlib.decompress(idat)
distinct = len(set(raw))
assert distinct > 32, "%s looks blank (%d distinct byte values)" % (sys.argv[1], distinct)
print("screenshot ok: %s, %d bytes, %d distinct byte values" % (sys.argv[1], len(raw), distinct))
