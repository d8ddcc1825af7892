// Text encodings of exported tables. Excel on Chinese Windows and many portals write GBK/GB18030,
// newer tools UTF-8 (with or without BOM), "Unicode text" from Excel is UTF-16LE with a BOM.
// Detection never silently picks a wrong decoder: bytes that do not decode leave U+FFFD in the text,
// and the importer reports every cell holding one.

import iconv from 'iconv-lite';
import type { EncodingGuess, EncodingName, ImportOptions } from './types';

export const REPLACEMENT = '\uFFFD';

/** Length of a valid UTF-8 sequence starting at i, 0 when invalid, -1 when cut off by the end. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  let need: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) {
    need = 1;
    min = 0x80;
  } else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    min = 0x800;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    min = 0x10000;
  } else return 0;
  if (i + need >= b.length) {
    for (let k = i + 1; k < b.length; k++) if ((b[k]! & 0xc0) !== 0x80) return 0;
    return -1;
  }
  let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    const d = b[i + k]!;
    if ((d & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (d & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

interface Utf8Scan {
  nonAscii: number;
  valid: number;
  invalid: number;
}

function scanUtf8(b: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { nonAscii: 0, valid: 0, invalid: 0 };
  let i = 0;
  while (i < b.length) {
    if (b[i]! < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(b, i);
    if (len === -1) break; // the sample ends inside a character
    if (len === 0) {
      scan.nonAscii++;
      scan.invalid++;
      i++;
    } else {
      scan.nonAscii += len;
      scan.valid += len;
      i += len;
    }
  }
  return scan;
}

function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

/** Share of the decoded non-ASCII characters that are CJK text or punctuation, and replacement count. */
function judgeText(text: string): { cjkShare: number; replacements: number } {
  let nonAscii = 0;
  let cjk = 0;
  let replacements = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) replacements++;
    else if (isCjk(c)) cjk++;
  }
  return { cjkShare: nonAscii ? cjk / nonAscii : 0, replacements };
}

/** Likely UTF-16 without a BOM: every other byte zero in ASCII-heavy text. */
function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Guess the encoding from the first bytes of a file. A sample cut off inside a character is not held
 * against UTF-8; a file that really ends there decodes with U+FFFD and is reported.
 */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { name: 'utf-8', confidence: 1, bom: true, override: false };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { name: 'utf-16le', confidence: 1, bom: true, override: false };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { name: 'utf-16be', confidence: 1, bom: true, override: false };
  const wide = utf16WithoutBom(sample);
  if (wide) return { name: wide, confidence: 0.8, bom: false, override: false };

  const scan = scanUtf8(sample);
  if (scan.nonAscii === 0) return { name: 'utf-8', confidence: 0.5, bom: false, override: false };
  if (scan.invalid === 0) return { name: 'utf-8', confidence: scan.valid >= 12 ? 0.99 : 0.9, bom: false, override: false };
  // A UTF-8 file with a few damaged bytes is still UTF-8: decoding it as GB18030 would turn every
  // character into plausible-looking but wrong ideographs. The damaged cells are reported instead.
  if (scan.valid / scan.nonAscii >= 0.9) return { name: 'utf-8', confidence: 0.6, bom: false, override: false };

  const { cjkShare, replacements } = judgeText(iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), 'gb18030'));
  let confidence = 0.4 + 0.55 * cjkShare;
  if (replacements > 0) confidence = Math.min(confidence, 0.3);
  return { name: 'gb18030', confidence: Math.round(confidence * 100) / 100, bom: false, override: false };
}

export function overrideEncoding(name: NonNullable<ImportOptions['encoding']>): EncodingName {
  switch (name) {
    case 'gbk':
    case 'gb18030':
      return 'gb18030';
    case 'utf8':
    case 'utf-8':
      return 'utf-8';
    case 'utf16le':
    case 'utf-16le':
      return 'utf-16le';
    case 'utf-16be':
      return 'utf-16be';
  }
}

/** A streaming decoder: bytes in, text out, BOM removed. */
export interface TextDecoderStream {
  write(chunk: Buffer): string;
  end(): string;
}

export function createDecoder(name: EncodingName): TextDecoderStream {
  if (name === 'utf-8') {
    // WHATWG decoding: invalid bytes become U+FFFD, which the importer reports; a character split
    // across chunks is held back until its last byte arrives; a leading BOM is dropped. Streaming
    // TextDecoder is faster than StringDecoder on CJK text and gives the same text for any chunking.
    const d = new TextDecoder('utf-8');
    return { write: (chunk) => d.decode(chunk, { stream: true }), end: () => d.decode() };
  }
  const d = iconv.getDecoder(name, { stripBOM: true });
  return { write: (chunk) => d.write(chunk), end: () => d.end() ?? '' };
}

/** Mojibake of UTF-8 read as Latin-1/Windows-1252 (`é‡åº†`): seen in files that went through such a tool. */
export function looksLikeMojibake(text: string): boolean {
  return /[ÃÂâåæçèéä][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc]/.test(text);
}
