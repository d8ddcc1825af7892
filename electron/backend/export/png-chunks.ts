// PNG metadata written by hand (three chunk types do not need a library): pHYs so Word and print
// shops read the DPI, tEXt/iTXt for provenance. tEXt is Latin-1 only, so Chinese text goes in iTXt,
// as does the XMP packet, which exiftool and Adobe's tools read.
import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function physChunk(dpi: number): Buffer {
  const perMetre = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data.writeUInt8(1, 8); // unit: metre
  return chunk('pHYs', data);
}

/** The keyword of an XMP packet, which must be an uncompressed iTXt chunk (XMP Specification Part 3, 1.1.5). */
export const XMP_KEYWORD = 'XML:com.adobe.xmp';

export function textChunk(keyword: string, text: string): Buffer {
  if (keyword !== XMP_KEYWORD && [...text].every((ch) => ch.codePointAt(0)! <= 0xff)) return chunk('tEXt', Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.of(0), Buffer.from(text, 'latin1')]));
  // iTXt: keyword, NUL, compression flag and method, empty language tag and translated keyword, UTF-8 text.
  return chunk('iTXt', Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.of(0, 0, 0, 0, 0), Buffer.from(text, 'utf8')]));
}

export interface PngChunk {
  type: string;
  data: Buffer;
}

export function readChunks(png: Uint8Array): PngChunk[] {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const chunks: PngChunk[] = [];
  for (let at = 8; at + 12 <= buf.length; ) {
    const length = buf.readUInt32BE(at);
    chunks.push({ type: buf.toString('latin1', at + 4, at + 8), data: buf.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** The PNG with its pHYs replaced by the given DPI and the text entries added after IHDR. */
export function withMetadata(png: Uint8Array, dpi: number, text: ReadonlyArray<readonly [string, string]>): Uint8Array {
  const chunks = readChunks(png);
  const [ihdr, ...rest] = chunks;
  if (ihdr?.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr.data),
    physChunk(dpi),
    ...text.map(([k, v]) => textChunk(k, v)),
    ...rest.filter((c) => c.type !== 'pHYs').map((c) => chunk(c.type, c.data)),
  ]);
}
