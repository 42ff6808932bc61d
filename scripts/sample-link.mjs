// A sample employer's link as the app makes it (src/domain/share.rs): version 1, a workplace
// plan, plain: base64url of the deflate-raw JSON and its CRC-32, little-endian. Used by the
// size report and Lighthouse to open the employer's page as an employer does.
//
//   node scripts/sample-link.mjs      prints the link's path and fragment

import { deflateRawSync } from 'node:zlib';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export function employerLink() {
  const json = JSON.stringify({ shared: '2026-11-20', name: 'Alex' });
  const body = deflateRawSync(Buffer.from(json));
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(crc32(body));
  return `/employer#1.w.p.${Buffer.concat([body, crc]).toString('base64url')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(employerLink());
