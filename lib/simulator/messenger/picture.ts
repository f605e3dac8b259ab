import { createHash } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";

// A simulated customer's profile picture: a 96 × 96 PNG in a colour of their own (from their PSID),
// with a lighter disc — enough for the inbox to show whose it is, drawn without any image library.

const SIZE = 96;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

export function profilePicture(psid: string): Buffer {
  const [r, g, b] = createHash("sha256").update(psid).digest();
  const colour = [64 + (r! % 128), 64 + (g! % 128), 64 + (b! % 128)];
  const light = colour.map((value) => Math.min(255, value + 80));
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 3); // filter byte 0, then RGB
    for (let x = 0; x < SIZE; x++) {
      const inside =
        (x - SIZE / 2) ** 2 + (y - SIZE / 2.6) ** 2 < (SIZE / 5) ** 2 || (x - SIZE / 2) ** 2 + (y - SIZE) ** 2 < (SIZE / 2.4) ** 2;
      const pixel = inside ? light : colour;
      row.set(pixel, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
