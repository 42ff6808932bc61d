// A sample employer's link as the app makes it (src/domain/share.rs): version 1, a workplace
// plan, plain (not protected): base64url of the deflate-raw JSON and its CRC-32, little-endian. Used by the
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
  // A plan as a person typically shares it: fit-note advice, dates, adjustments with notes,
  // difficulties and a phased return (the fields of SharedPlan in src/domain/share.rs).
  const json = JSON.stringify({
    shared: '2026-11-20',
    name: 'Alex',
    advice: ['phased_return', 'amended_duties', 'workplace_adaptations'],
    from: '2026-11-23',
    to: '2027-01-15',
    review: '2026-12-18',
    adjustments: [
      { kind: 'workplace_adaptations', text: 'A chair with arm rests and a foot rest', status: 'agreed', owner: 'employer', since: '2026-11-23', note: 'The chair from the assessment on 18 November.' },
      { kind: 'amended_duties', text: 'No lifting over 5 kg for now', status: 'agreed', owner: 'employer' },
      { kind: 'phased_return', text: 'Start at 10 am, to avoid the rush hour', status: 'asked_for', owner: 'me' },
      { kind: 'amended_duties', text: 'A short break every hour, away from the screen', status: 'in_place', owner: 'me', since: '2026-11-23' },
    ],
    difficulties: [
      { difficulty: 'Sitting for more than an hour makes my back stiff and sore.', recommendation: 'A break to move every hour, and a chair that supports the back.' },
      { difficulty: 'Carrying boxes of paper from the store room.', recommendation: 'Someone else carries them for now.' },
    ],
    phased_return: [
      { starts: '2026-11-23', hours: 12, days: 3 },
      { starts: '2026-11-30', hours: 18, days: 4 },
      { starts: '2026-12-07', hours: 24, half_hour: true, days: 4 },
    ],
  });
  const body = deflateRawSync(Buffer.from(json));
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(crc32(body));
  return `/employer#1.w.p.${Buffer.concat([body, crc]).toString('base64url')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(employerLink());
