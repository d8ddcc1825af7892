import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/backend/import/commit';
import { detectEncoding } from '../../../electron/backend/import/decode';
import { previewImport } from '../../../electron/backend/import/preview';
import { DataError } from '../../../electron/backend/import/problems';
import { fixture } from './fixtures';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

const expected = [
  { indicator: '地区生产总值', region: 'CQ', period: '2021', value: 27894.02 },
  { indicator: '地区生产总值', region: 'CQ', period: '2022', value: 29129.03 },
  { indicator: '地区生产总值', region: 'SC', period: '2021', value: 53850.79 },
  { indicator: '地区生产总值', region: 'SC', period: '2022', value: 56749.8 },
];

describe('encodings', () => {
  it.each([
    ['long-utf8.csv', 'utf-8', false, 0.99],
    ['long-utf8-bom.csv', 'utf-8', true, 1],
    ['long-gbk.csv', 'gb18030', false, 0.9],
    ['long-utf16le-bom.txt', 'utf-16le', true, 1],
  ])('%s is detected as %s and reads the same table', async (file, name, bom, minConfidence) => {
    const p = await previewImport(ws.db, fixture(file));
    expect(p.encoding).toMatchObject({ name, bom, override: false });
    expect(p.encoding!.confidence).toBeGreaterThanOrEqual(minConfidence);
    expect(p.problems).toEqual([]);
    expect(p.sample.map(({ indicatorName, region, period, value }) => ({ indicator: indicatorName, region, period, value }))).toEqual(expected);
  });

  it('reads GB18030 four-byte characters that GBK lacks', async () => {
    const p = await previewImport(ws.db, fixture('long-gb18030.csv'));
    expect(p.encoding?.name).toBe('gb18030');
    expect(p.sample[0]?.indicatorName).toBe('测试指标𠀀');
  });

  it('an override wins, and a wrong one shows as undecodable cells, never as silent text', async () => {
    const p = await previewImport(ws.db, fixture('long-gbk.csv'), { encoding: 'utf-8' });
    expect(p.encoding).toMatchObject({ name: 'utf-8', override: true });
    expect(p.problems.some((x) => x.code === 'encoding.replacement-char' && x.row === 1 && x.column === 1)).toBe(true);
    const s = await commitImport(ws.db, fixture('long-gbk.csv'), { encoding: 'utf-8', onConflict: 'fail' });
    expect(s.status).toBe('rejected');
    expect(ws.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(0);

    const right = await previewImport(ws.db, fixture('long-gbk.csv'), { encoding: 'gbk' });
    expect(right.encoding?.name).toBe('gb18030');
    expect(right.errorCount).toBe(0);
  });

  it('a damaged UTF-8 file stays UTF-8 and its damaged cell is reported where it is', async () => {
    const p = await previewImport(ws.db, fixture('long-utf8-damaged.csv'));
    expect(p.encoding?.name).toBe('utf-8');
    const damaged = p.problems.filter((x) => x.code === 'encoding.replacement-char');
    expect(damaged).toHaveLength(1);
    expect(damaged[0]).toMatchObject({ row: 3, column: 2, severity: 'error', file: 'long-utf8-damaged.csv' });
    expect(p.observations).toBe(1);
  });

  it('detectEncoding: GBK text that is invalid UTF-8 is GB18030 with high confidence', () => {
    const gbk = iconv.encode('地区生产总值，重庆市，数字经济增加值占GDP比重', 'gbk');
    expect(detectEncoding(gbk)).toMatchObject({ name: 'gb18030' });
    expect(detectEncoding(gbk).confidence).toBeGreaterThan(0.9);
    expect(detectEncoding(Buffer.from('plain ascii,1,2'))).toMatchObject({ name: 'utf-8', confidence: 0.5 });
    expect(detectEncoding(iconv.encode('a,b\n1,2\n', 'utf-16le'))).toMatchObject({ name: 'utf-16le', bom: false });
  });

  it('a UTF-8 sample cut inside a character is not held against UTF-8', () => {
    const bytes = Buffer.from('重庆市地区生产总值');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toMatchObject({ name: 'utf-8' });
  });

  it('refuses a damaged .xls, a missing and an empty file with a message saying so', async () => {
    await expect(previewImport(ws.db, fixture('damaged.xls'))).rejects.toMatchObject({ code: 'file.xls-unreadable' });
    await expect(previewImport(ws.db, join(ws.dir, 'missing.csv'))).rejects.toBeInstanceOf(DataError);
    const empty = join(ws.dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(previewImport(ws.db, empty)).rejects.toMatchObject({ code: 'file.empty' });
  });

  it('reads lines ended by CR alone (old Mac "CSV (Macintosh)") like CRLF', async () => {
    // Found by the import fuzz test: the whole file was read as one header row, with no problem reported.
    const crlf = fixture('long-utf8.csv');
    const cr = join(ws.dir, 'long-cr.csv');
    writeFileSync(cr, readFileSync(crlf, 'utf8').replace(/\r\n/g, '\r'));
    const p = await previewImport(ws.db, cr);
    expect(p.problems).toEqual([]);
    expect(p.sample.map(({ indicatorName, region, period, value }) => ({ indicator: indicatorName, region, period, value }))).toEqual(expected);
  });
});
