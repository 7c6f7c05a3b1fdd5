// Generates build/icons/512x512.png, Ami's icon: a rounded ink-blue square with a white quotation mark shape.
// Pure Node (zlib + a hand-written PNG encoder), so it needs no image tooling. Run: node build/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

// Signed-distance style coverage with a one-pixel ramp, so edges are smooth without supersampling.
const cover = (d) => Math.max(0, Math.min(1, 0.5 - d));
function roundedSquare(x, y, inset, radius) {
  const half = SIZE / 2 - inset;
  const qx = Math.abs(x - SIZE / 2) - (half - radius);
  const qy = Math.abs(y - SIZE / 2) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}
// One comma-like mark: a disc with a tail sweeping down-left.
function mark(x, y, cx, cy) {
  const disc = Math.hypot(x - cx, y - cy) - 46;
  const t = Math.max(0, Math.min(1, (y - cy) / 110));
  const tx = cx + 30 - t * 70;
  const ty = cy + t * 110;
  const tail = y < cy ? Infinity : Math.hypot(x - tx, y - ty) - (30 - t * 22);
  return Math.min(disc, tail);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const px = x + 0.5;
    const py = y + 0.5;
    const bg = cover(roundedSquare(px, py, 16, 96));
    const fg = cover(Math.min(mark(px, py, 196, 210), mark(px, py, 316, 210)));
    const i = row + 1 + x * 4;
    // ink blue #24406e under a warm white #fbfaf7
    raw[i] = Math.round(0x24 + (0xfb - 0x24) * fg);
    raw[i + 1] = Math.round(0x40 + (0xfa - 0x40) * fg);
    raw[i + 2] = Math.round(0x6e + (0xf7 - 0x6e) * fg);
    raw[i + 3] = Math.round(255 * bg);
  }
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('./icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('512x512.png', out), png);
console.log(`wrote build/icons/512x512.png (${png.length} bytes)`);
