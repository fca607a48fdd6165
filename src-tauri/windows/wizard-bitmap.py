#!/usr/bin/env python3
"""The installer's welcome/finish picture (164x314, as NSIS's Modern UI wants it): the
app's icon on its own teal, instead of NSIS's stock picture. Made from
src-tauri/icons/128x128.png at package time, so the icon stays the one source.

Usage: wizard-bitmap.py ICON.png OUT.bmp
"""
import struct
import sys
import zlib

W, H = 164, 314


def read_png_rgba(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert (depth, color, interlace) == (8, 6, 0), "8-bit RGBA, not interlaced"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride, rows, prev = width * 4, [], bytearray(width * 4)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - 4] if i >= 4 else 0
            b = prev[i]
            c = prev[i - 4] if i >= 4 else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, rows


def main(icon, out):
    w, h, rows = read_png_rgba(icon)
    # The icon's own background colour: the pixel a quarter in from its top-left corner.
    bg = tuple(rows[h // 4][(w // 8) * 4 : (w // 8) * 4 + 3])
    left, top = (W - w) // 2, 70
    pixels = [[bg] * W for _ in range(H)]
    for y in range(h):
        for x in range(w):
            r, g, b, a = rows[y][x * 4 : x * 4 + 4]
            mix = lambda fg, back: (fg * a + back * (255 - a)) // 255
            pixels[top + y][left + x] = (mix(r, bg[0]), mix(g, bg[1]), mix(b, bg[2]))
    row_bytes = (W * 3 + 3) // 4 * 4
    body = bytearray()
    for y in range(H - 1, -1, -1):  # BMP rows go bottom-up, pixels as BGR
        line = bytearray()
        for r, g, b in pixels[y]:
            line += bytes((b, g, r))
        body += line + b"\0" * (row_bytes - len(line))
    header = struct.pack("<2sIHHI", b"BM", 54 + len(body), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, W, H, 1, 24, 0, len(body), 2835, 2835, 0, 0)
    open(out, "wb").write(header + info + body)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
