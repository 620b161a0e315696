#!/usr/bin/env node
// Draws the app icons (a fleet of three sails on a navy disc) as PNGs for the PWA manifest,
// with no image library: pixels are computed here and encoded with zlib. Run once; outputs
// are committed under public/icons/.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const NAVY = [15, 23, 42];
const TEAL = [45, 212, 191];
const SKY = [56, 189, 248];
const WHITE = [241, 245, 249];

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      const offset = y * (size * 4 + 1) + 1 + x * 4;
      raw[offset] = r;
      raw[offset + 1] = g;
      raw[offset + 2] = b;
      raw[offset + 3] = a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// A sail: the triangle with a vertical mast at x0 from top y0 to bottom y1, width w.
function inSail(x, y, x0, y0, y1, w) {
  if (y < y0 || y > y1 || x < x0) return false;
  return x - x0 <= ((y - y0) / (y1 - y0)) * w;
}

function artwork(x, y, scale) {
  // Shrink around the centre so maskable icons keep the art inside the safe zone.
  const u = 0.5 + (x - 0.5) / scale;
  const v = 0.5 + (y - 0.5) / scale;
  if (inSail(u, v, 0.5, 0.2, 0.68, 0.24)) return WHITE;
  if (inSail(u, v, 0.3, 0.34, 0.68, 0.17)) return SKY;
  if (inSail(u, v, 0.66, 0.4, 0.68, 0.13)) return TEAL;
  if (v > 0.71 && v < 0.76 && u > 0.24 && u < 0.8) return SKY;
  return undefined;
}

function icon(size, maskable) {
  return encodePng(size, (x, y) => {
    const inside = maskable || (x - 0.5) ** 2 + (y - 0.5) ** 2 <= 0.25;
    if (!inside) return [0, 0, 0, 0];
    const colour = artwork(x, y, maskable ? 0.8 : 1) ?? NAVY;
    return [...colour, 255];
  });
}

writeFileSync('public/icons/icon-192.png', icon(192, false));
writeFileSync('public/icons/icon-512.png', icon(512, false));
writeFileSync('public/icons/icon-maskable-512.png', icon(512, true));
writeFileSync('public/icons/apple-touch-icon.png', icon(180, true));
console.warn('icons written to public/icons/');
