// The import's fast paths must give exactly what the general code gives.
import { StringDecoder } from 'node:string_decoder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecoder } from '../../../electron/backend/import/decode';
import { parseNumber, plainDecimal } from '../../../shared/parse/number';

/** The definition the fast path replaces: a regular expression, then Number. */
function plainReference(text: string): number {
  if (!/^-?\d+(?:\.\d+)?$/.test(text)) return NaN;
  const n = Number(text);
  return n === 0 ? 0 : n;
}

const decimal = fc.stringMatching(/^-?\d{1,24}(?:\.\d{1,24})?$/);
const numberish = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', ',', ' ', '％', '１', '%'), maxLength: 12 });

describe('plainDecimal', () => {
  it('reads a plain decimal as the same double as Number', () => {
    fc.assert(
      fc.property(decimal, (text) => {
        expect(Object.is(plainDecimal(text), plainReference(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('is NaN for any other text', () => {
    fc.assert(
      fc.property(fc.oneof(numberish, fc.string()), (text) => {
        expect(Object.is(plainDecimal(text), plainReference(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('is what parseNumber returns for a plain decimal', () => {
    for (const text of ['0', '-0', '-0.0', '00012', '4521.77', '-12.50', '0.1', '123456789012345', '1234567890123456.7', '9'.repeat(400)]) {
      expect(parseNumber(text)).toEqual({ kind: 'number', value: plainReference(text), percent: false, unit: null, qualifier: '' });
    }
  });
});

/** The decoder the streaming TextDecoder replaced: StringDecoder, with a leading BOM dropped. */
function referenceDecode(chunks: Uint8Array[]): string {
  const d = new StringDecoder('utf8');
  let out = '';
  let first = true;
  for (const c of chunks) {
    let s = d.write(Buffer.from(c));
    if (first && s.length > 0) {
      first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    out += s;
  }
  return out + d.end();
}

// Valid characters of every length, a BOM, and the ways UTF-8 goes wrong: stray continuation bytes,
// cut-off sequences, overlong forms, surrogates, values above U+10FFFF.
const piece = fc.constantFrom(
  [0x41],
  [0x2c],
  [0x0a],
  [0xc3, 0xa9],
  [0xe4, 0xb8, 0xad],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xef, 0xbb, 0xbf],
  [0x80],
  [0xff],
  [0xe4],
  [0xe4, 0xb8],
  [0xf0, 0x9f],
  [0xc0, 0xaf],
  [0xe0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
);

describe('UTF-8 decoder', () => {
  it('gives the same text as StringDecoder for any bytes cut anywhere', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), fc.array(fc.nat(64), { maxLength: 6 }), (pieces, cuts) => {
        const bytes = Uint8Array.from(pieces.flat());
        const chunks: Uint8Array[] = [];
        let at = 0;
        for (const cut of [...cuts].map((c) => Math.min(c, bytes.length)).sort((a, b) => a - b)) {
          chunks.push(bytes.subarray(at, Math.max(at, cut)));
          at = Math.max(at, cut);
        }
        chunks.push(bytes.subarray(at));
        const d = createDecoder('utf-8');
        const text = chunks.map((c) => d.write(Buffer.from(c))).join('') + d.end();
        expect(text).toBe(referenceDecode(chunks));
      }),
      { numRuns: 5000 },
    );
  });
});
