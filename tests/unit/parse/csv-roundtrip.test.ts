import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSplitter, quoteCsvCell, sniffDelimiter, splitCsv } from '../../../electron/backend/import/csv-split';

const cell = fc.oneof(
  fc.string(),
  fc.constantFrom('重庆市', '地区生产总值(亿元)', '1,234.5', '"quoted"', 'a,b', 'line\nbreak', 'cr\r\nlf', '', ' padded ', '—'),
);
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 });

function write(rows: string[][], delimiter: string, eol: string): string {
  return rows.map((r) => r.map((c) => quoteCsvCell(c, delimiter)).join(delimiter)).join(eol) + eol;
}

/** A row of one empty cell is written as an empty line, which reads back as [''] too. */
function splitInChunks(text: string, delimiter: string, cuts: number[]): string[][] {
  const rows: string[][] = [];
  const s = new CsvSplitter(delimiter, (c) => rows.push(c));
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    s.push(text.slice(at, cut));
    at = cut;
  }
  s.push(text.slice(at));
  s.end();
  return rows;
}

describe('CSV splitter', () => {
  it('round-trips any table written with quoting, for comma and tab, LF and CRLF', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(',', '\t'), fc.constantFrom('\n', '\r\n'), (rows, d, eol) => {
        expect(splitCsv(write(rows, d, eol), d).rows).toEqual(rows);
      }),
    );
  });

  it('gives the same rows however the text is cut into chunks', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 8 }), (rows, cuts) => {
        const text = write(rows, ',', '\r\n');
        expect(splitInChunks(text, ',', cuts.map((c) => c % (text.length + 1)))).toEqual(rows);
      }),
    );
  });

  it('agrees with csv-parse on RFC 4180 input', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const text = write(rows, ',', '\r\n');
        const theirs = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
        expect(splitCsv(text).rows).toEqual(theirs);
      }),
    );
  });

  it('is lenient where Excel is, and reports an unclosed quote', () => {
    expect(splitCsv('a"b,c\n').rows).toEqual([['a"b', 'c']]);
    expect(splitCsv('"ab"c,d\n').rows).toEqual([['abc', 'd']]);
    expect(splitCsv('x,"open\n')).toEqual({ rows: [['x', 'open\n']], unclosedQuote: true });
    expect(splitCsv('a,b').rows).toEqual([['a', 'b']]);
  });

  it('sniffs the delimiter past note rows', () => {
    expect(sniffDelimiter('数据库：年度数据\n指标：GDP\n地区,2019年,2020年\n重庆,1,2\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n1;2;3\n')).toBe(';');
  });
});
