// Draws the Park Desk emblem and writes build/icon.png (512x512) and build/icon.ico
// (PNG-in-ICO, 16 to 256 px). Plain Node, no image libraries: `node build/make-icons.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const GREEN = [0x01, 0x41, 0x1c];
const WHITE = [0xff, 0xff, 0xff];

// The emblem on a 100x100 canvas: a rounded green square holding a white "PD",
// with a white rule underneath standing for the park's ground line.
const inRoundedSquare = (x, y) => {
  const [lo, hi, r] = [4, 96, 18];
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return x >= lo && x <= hi && y >= lo && y <= hi && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** Right half of a ring centred at (cx, cy): the round part of P and D. */
const halfRing = (x, y, cx, cy, outer, inner) => {
  const d2 = (x - cx) ** 2 + (y - cy) ** 2;
  return x >= cx && d2 <= outer * outer && d2 >= inner * inner;
};
const STROKE = 8;
const inLetters = (px, py) => {
  // Drawn on a grid that is then nudged so the glyphs sit in the optical centre.
  const [x, y] = [px + 1, py + 3];
  // P: stem, and a bowl made of two bars and a half ring.
  const p =
    rect(x, y, 17, 24, 17 + STROKE, 72) ||
    rect(x, y, 17, 24, 33, 24 + STROKE) ||
    rect(x, y, 17, 48, 33, 48 + STROKE) ||
    halfRing(x, y, 33, 40, 16, 16 - STROKE);
  // D: stem, two bars and a taller half ring.
  const d =
    rect(x, y, 53, 24, 53 + STROKE, 72) ||
    rect(x, y, 53, 24, 61, 24 + STROKE) ||
    rect(x, y, 53, 72 - STROKE, 61, 72) ||
    halfRing(x, y, 61, 48, 24, 24 - STROKE);
  const ground = rect(x, y, 17, 79, 85, 83);
  return p || d || ground;
};

/** RGBA pixels at `size`, each pixel averaged over 4x4 samples so edges are smooth. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let green = 0;
      let white = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) / size) * 100;
          const y = ((py + (sy + 0.5) / n) / size) * 100;
          if (!inRoundedSquare(x, y)) continue;
          if (inLetters(x, y)) white++;
          else green++;
        }
      }
      const covered = green + white;
      const i = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) pixels[i + c] = Math.round((GREEN[c] * green + WHITE[c] * white) / covered);
      pixels[i + 3] = Math.round((255 * covered) / (n * n));
    }
  }
  return pixels;
}

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
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const pixels = draw(size);
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO whose entries are PNGs, as Windows has read since Vista; 0 in a size byte means 256. */
function ico(sizes) {
  const images = sizes.map(png);
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map((image, i) => {
    const entry = Buffer.alloc(16);
    entry[0] = sizes[i] >= 256 ? 0 : sizes[i];
    entry[1] = sizes[i] >= 256 ? 0 : sizes[i];
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(image.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += image.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images]);
}

const here = new URL('.', import.meta.url);
writeFileSync(new URL('icon.png', here), png(512));
writeFileSync(new URL('icon.ico', here), ico([16, 24, 32, 48, 64, 128, 256]));
console.log('Wrote build/icon.png and build/icon.ico');
