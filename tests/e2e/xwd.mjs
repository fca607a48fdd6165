// Screenshots from the X server: an XWD window dump as PNG, with nothing but Node itself
// (also used for the Windows installer's screens under wine, scripts/test-packages.sh).
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An XWD image (a true-colour window dump, as xwd writes it) as PNG bytes. */
export function xwdToPng(xwd) {
  const field = (i) => xwd.readUInt32BE(i * 4);
  const [headerSize, width, height, byteOrder, bitsPerPixel, bytesPerLine] = [field(0), field(4), field(5), field(7), field(11), field(12)];
  const [redMask, greenMask, blueMask, ncolors] = [field(14), field(15), field(16), field(19)];
  const data = headerSize + ncolors * 12;
  const shift = (mask) => 31 - Math.clz32(mask & -mask);
  const channel = (pixel, mask) => Math.round((((pixel & mask) >>> shift(mask)) * 255) / (mask >>> shift(mask)));
  const bytes = bitsPerPixel / 8;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const at = data + y * bytesPerLine + x * bytes;
      const pixel = bytes === 4 ? (byteOrder === 0 ? xwd.readUInt32LE(at) : xwd.readUInt32BE(at)) : xwd.readUIntBE(at, bytes);
      const out = y * (width * 3 + 1) + 1 + x * 3;
      raw[out] = channel(pixel, redMask);
      raw[out + 1] = channel(pixel, greenMask);
      raw[out + 2] = channel(pixel, blueMask);
    }
  }
  const chunk = (type, body) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, "ascii"), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
