// Imports write what a figure is beside its value (DOMAIN.md, "Three measures, never one series" and
// "Revisions"): the bound its text states, the measure and release the import names, and under the
// conflict choice 'revise' the workspace's figure kept as an earlier release. Undo restores all of it.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { listReleases } from '../../../electron/backend/data/observation-releases';
import { VINTAGE_FROM } from '../../../electron/backend/data/observation-view';
import { commitImport } from '../../../electron/backend/import/commit';
import { annualSeries } from '../../../electron/backend/series/figures';
import { undoImport } from '../../../electron/backend/import/history';
import { previewImport } from '../../../electron/backend/import/preview';
import { DataError } from '../../../electron/backend/import/problems';
import { seedSampleData } from '../../../electron/backend/import/seed-sample';
import { stagingArea } from '../../../electron/backend/import/staging';
import type { JobStatus } from '../../../shared/api/jobs-contract';
import { repoRoot } from '../../helpers/cli';
import { tempService } from '../../helpers/temp';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

const longSample = join(repoRoot, 'data', 'sample', 'chongqing-digital-economy-long.csv');

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

function csv(name: string, rows: string[][], header = ['指标', '地区', '年份', '数值', '单位']): string {
  const path = join(ws.dir, name);
  writeFileSync(path, [header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
  return path;
}

interface Figure {
  id: number;
  value: number | null;
  original: string;
  bound: string;
  measure: string | null;
  released: string;
  release_label: string;
  import_id: number | null;
  source: string;
  note: string;
}
/** The figure of an indicator named by its code, or by its name (those an import adds get codes of their own: 甲 → j). */
const figure = (indicator: string, region: string, period: string): Figure | undefined =>
  ws.db
    .prepare(
      `SELECT id, value, original, bound, measure, released, release_label, import_id, source, note FROM observations
       WHERE indicator IN (?, (SELECT code FROM indicators WHERE name_zh = ?)) AND region = ? AND period = ? AND status = 'actual'`,
    )
    .get(indicator, indicator, region, period) as Figure | undefined;
const history = (observationId: number) =>
  ws.db.prepare('SELECT import_id, value, original, bound, released, release_label, source, note FROM observation_releases WHERE observation_id = ? ORDER BY id').all(observationId) as Array<
    Omit<Figure, 'id' | 'measure'>
  >;
const everything = () => ({
  observations: ws.db.prepare('SELECT * FROM observations ORDER BY id').all(),
  releases: ws.db.prepare('SELECT * FROM observation_releases ORDER BY id').all(),
});

describe('bounds read from the cell text', () => {
  it('the sample long CSV into a workspace without the seed: 超6000亿元 is a lower bound, 约3500亿元 approximate, the rest exact', async () => {
    for (const useWorker of [false, true]) {
      const s = await commitImport(ws.db, longSample, { onConflict: 'fail', allowDuplicate: true }, { useWorker });
      expect(s).toMatchObject({ status: 'committed', rowsWritten: 17 });
      const bounds = ws.db.prepare('SELECT original, bound FROM observations WHERE import_id = ? ORDER BY id').all(s.importId) as Array<{ original: string; bound: string }>;
      expect(bounds.filter((r) => r.bound !== 'exact')).toEqual([
        { original: '超6000亿元', bound: 'lower' },
        { original: '超过25%', bound: 'lower' },
        { original: '超过1万亿元', bound: 'lower' },
        { original: '约3500亿元', bound: 'approx' },
      ]);
      const row = ws.db.prepare("SELECT value, bound, measure, released, release_label FROM observations WHERE original = '超6000亿元'").get();
      expect(row).toEqual({ value: 6000, bound: 'lower', measure: null, released: '', release_label: '' });
      undoImport(ws.db, s.importId!);
    }
  });

  it('upper bounds and approximations of every spelling; the parse worker hands them over too', async () => {
    const rows = [
      ['甲', '重庆', '2001', '不足5'],
      ['甲', '重庆', '2002', '不到5'],
      ['甲', '重庆', '2003', '5以下'],
      ['甲', '重庆', '2004', '<5'],
      ['甲', '重庆', '2005', '近5'],
      ['甲', '重庆', '2006', '5左右'],
      ['甲', '重庆', '2007', '≈5'],
      ['甲', '重庆', '2008', '5上下'],
      ['甲', '重庆', '2009', '不低于5'],
      ['甲', '重庆', '2010', '5以上'],
      ['甲', '重庆', '2011', '>5'],
      ['甲', '重庆', '2012', '5'],
    ].map((r) => [...r, '亿元']);
    const expected = ['upper', 'upper', 'upper', 'upper', 'approx', 'approx', 'approx', 'approx', 'lower', 'lower', 'lower', 'exact'];
    const file = csv('b.csv', rows);
    for (const useWorker of [false, true]) {
      const s = await commitImport(ws.db, file, { onConflict: 'fail', allowDuplicate: true }, { useWorker });
      expect(ws.db.prepare('SELECT bound FROM observations WHERE import_id = ? ORDER BY period').pluck().all(s.importId)).toEqual(expected);
      undoImport(ws.db, s.importId!);
    }
  });

  it('keep leaves a held row as it was; replace takes the new text\'s bound, exact when it has none; a skipped key twice keeps the first row\'s', async () => {
    const first = await commitImport(ws.db, csv('a.csv', [['甲', '重庆', '2020', '6000', '亿元'], ['甲', '重庆', '2021', '超7000', '亿元']]), { onConflict: 'fail' });
    const b = csv('b.csv', [['甲', '重庆', '2020', '超6000', '亿元'], ['甲', '重庆', '2021', '7100', '亿元'], ['甲', '重庆', '2022', '超8000', '亿元']]);
    const kept = await commitImport(ws.db, b, { onConflict: 'keep' });
    expect(kept).toMatchObject({ status: 'committed', rowsWritten: 1, rowsKept: 2 });
    expect([figure('甲', 'CQ', '2020')?.bound, figure('甲', 'CQ', '2021')?.bound, figure('甲', 'CQ', '2022')?.bound]).toEqual(['exact', 'lower', 'lower']);
    undoImport(ws.db, kept.importId!);

    const replaced = await commitImport(ws.db, b, { onConflict: 'replace', allowDuplicate: true });
    expect(replaced).toMatchObject({ status: 'committed', rowsReplaced: 2 });
    expect(figure('甲', 'CQ', '2020')).toMatchObject({ value: 6000, bound: 'lower', import_id: replaced.importId });
    expect(figure('甲', 'CQ', '2021')).toMatchObject({ value: 7100, bound: 'exact' });
    undoImport(ws.db, replaced.importId!);
    expect([figure('甲', 'CQ', '2020')?.bound, figure('甲', 'CQ', '2021')?.bound]).toEqual(['exact', 'lower']);
    expect(figure('甲', 'CQ', '2021')?.import_id).toBe(first.importId);

    const twice = csv('twice.csv', [['乙', '重庆', '2020', '100', '亿元'], ['乙', '重庆', '2020', '超200', '亿元']]);
    const skipped = await commitImport(ws.db, twice, { onConflict: 'fail', skipBadRows: true });
    expect(skipped).toMatchObject({ status: 'committed', rowsWritten: 1 });
    expect(figure('乙', 'CQ', '2020')).toMatchObject({ value: 100, bound: 'exact' });
  });
});

describe('measure and release of an import', () => {
  it('sets both on the rows written; a replaced row keeps its measure unless the import names one', async () => {
    seedSampleData(ws.db);
    const before = figure('gdp', 'CQ', '2019')!;
    expect(before.measure).toBeNull();
    const file = csv('m.csv', [['新指标', '重庆', '2022', '超过1万亿元', '亿元']]);
    const s = await commitImport(ws.db, file, { onConflict: 'fail', measure: 'caict-broad', released: '2024-01-01', releaseLabel: '研究报告' });
    expect(s.status).toBe('committed');
    const added = ws.db.prepare('SELECT indicator FROM observations WHERE import_id = ?').pluck().get(s.importId) as string;
    expect(figure(added, 'CQ', '2022')).toMatchObject({ value: 10000, bound: 'lower', measure: 'caict-broad', released: '2024-01-01', release_label: '研究报告' });

    // 重庆 2022 de_va_share_gdp is on the broad measure in the seed (its definition break).
    const share = figure('de_va_share_gdp', 'CQ', '2022')!;
    expect(share.measure).toBe('caict-broad');
    const r = await commitImport(ws.db, csv('r.csv', [['数字经济增加值占GDP比重（重庆）', '重庆', '2022', '45.5%', '%']]), { onConflict: 'replace', released: '2024-06-30' });
    expect(r).toMatchObject({ status: 'committed', rowsReplaced: 1, rowsWritten: 1 });
    expect(figure('de_va_share_gdp', 'CQ', '2022')).toMatchObject({ id: share.id, value: 45.5, measure: 'caict-broad', released: '2024-06-30', release_label: '' });
    const r2 = await commitImport(ws.db, csv('r2.csv', [['数字经济增加值占GDP比重（重庆）', '重庆', '2022', '45.6%', '%']]), { onConflict: 'replace', measure: 'nbs-core' });
    expect(figure('de_va_share_gdp', 'CQ', '2022')).toMatchObject({ value: 45.6, measure: 'nbs-core', released: '' });
    undoImport(ws.db, r2.importId!);
    undoImport(ws.db, r.importId!);
    expect(figure('de_va_share_gdp', 'CQ', '2022')).toEqual(share);
  });

  it('an unknown measure, a date that is no date, and revise without a release date are refused before anything is written', async () => {
    seedSampleData(ws.db);
    const was = everything();
    const imports = ws.db.prepare('SELECT count(*) FROM imports').pluck().get();
    const file = csv('x.csv', [['甲', '重庆', '2020', '1', '亿元']]);
    const unknown = await commitImport(ws.db, file, { onConflict: 'fail', measure: 'broad' }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(DataError);
    expect(unknown).toMatchObject({ code: 'import.unknown-measure', params: { code: 'broad', known: 'standard, cq-earlier, caict-broad, nbs-core, industry' } });
    await expect(commitImport(ws.db, file, { onConflict: 'fail', released: '2024-02-30' })).rejects.toMatchObject({ code: 'import.bad-release-date', params: { date: '2024-02-30' } });
    await expect(commitImport(ws.db, file, { onConflict: 'fail', released: '20240101' })).rejects.toMatchObject({ code: 'import.bad-release-date' });
    await expect(commitImport(ws.db, file, { onConflict: 'revise' })).rejects.toMatchObject({ code: 'import.revise-needs-release' });
    expect(everything()).toEqual(was);
    expect(ws.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(imports);
  });
});

describe("conflict choice 'revise'", () => {
  const revision = ['地区生产总值', '重庆', '2018', '21600.5', '亿元'];
  const same2019 = ['地区生产总值', '重庆', '2019', '23605.77', '亿元'];

  it('keeps the held figure of 重庆 2018 as an earlier release and the file\'s as the latest; an identical value changes nothing; undo restores the row with its history', async () => {
    seedSampleData(ws.db);
    const before = everything();
    const gdp2018 = figure('gdp', 'CQ', '2018')!;
    const gdp2019 = figure('gdp', 'CQ', '2019')!;
    expect(gdp2018).toMatchObject({ value: 21588.8, released: '2020-01-01', release_label: '第四次经济普查修订' });
    const seeded = history(gdp2018.id);
    expect(seeded).toMatchObject([{ import_id: null, value: 20363.19, released: '2019-03-01' }]);

    const p = await previewImport(ws.db, csv('rev.csv', [revision, same2019]));
    expect(p).toMatchObject({ conflicts: 2, conflictsIdentical: 1 });

    const s = await commitImport(ws.db, csv('rev.csv', [revision, same2019]), { onConflict: 'revise', released: '2021-12-30', releaseLabel: '再修订' });
    expect(s).toMatchObject({ status: 'committed', rowsWritten: 1, rowsReplaced: 1, rowsUnchanged: 1, rowsSkipped: 0, rowsKept: 0 });
    expect(figure('gdp', 'CQ', '2018')).toMatchObject({ id: gdp2018.id, value: 21600.5, original: '21600.5', bound: 'exact', released: '2021-12-30', release_label: '再修订', import_id: s.importId });
    expect(history(gdp2018.id)).toEqual([
      ...seeded,
      {
        import_id: s.importId,
        value: 21588.8,
        original: gdp2018.original,
        bound: 'exact',
        released: '2020-01-01',
        release_label: '第四次经济普查修订',
        source: gdp2018.source,
        note: gdp2018.note,
      },
    ]);
    expect(figure('gdp', 'CQ', '2019')).toEqual(gdp2019);
    expect(history(gdp2019.id)).toEqual([]);

    const undo = undoImport(ws.db, s.importId!);
    expect(undo).toEqual({ importId: s.importId, rowsDeleted: 1, rowsRestored: 1, removedIndicators: [], removedRegions: [] });
    expect(figure('gdp', 'CQ', '2018')).toEqual(gdp2018);
    expect(history(gdp2018.id)).toEqual(seeded);
    expect(everything()).toEqual(before);
  });

  it('a bound that changes is a revision; the revised row takes the new bound and the import\'s measure', async () => {
    seedSampleData(ws.db);
    const scale = figure('de_scale', 'CQ', '2022')!;
    expect(scale).toMatchObject({ value: 10000, bound: 'lower' });
    const same = await commitImport(ws.db, csv('same.csv', [['数字经济规模', '重庆', '2022', '超过1万亿元', '亿元']]), { onConflict: 'revise', released: '2024-01-01' });
    expect(same).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 1 });
    expect(figure('de_scale', 'CQ', '2022')).toEqual(scale);
    const exact = await commitImport(ws.db, csv('exact.csv', [['数字经济规模', '重庆', '2022', '10000', '亿元']]), { onConflict: 'revise', released: '2024-01-01', measure: 'caict-broad' });
    expect(exact).toMatchObject({ rowsReplaced: 1, rowsUnchanged: 0 });
    expect(figure('de_scale', 'CQ', '2022')).toMatchObject({ value: 10000, bound: 'exact', measure: 'caict-broad', released: '2024-01-01' });
    expect(history(scale.id).at(-1)).toMatchObject({ import_id: exact.importId, value: 10000, bound: 'lower' });
    undoImport(ws.db, exact.importId!);
    expect(figure('de_scale', 'CQ', '2022')).toEqual(scale);
    expect(history(scale.id)).toEqual([]);
  });

  it('the same number on another measure is a reclassification: a new release, the earlier one keeping its measure', async () => {
    seedSampleData(ws.db);
    const share = ['数字经济增加值占GDP比重（重庆）', '重庆', '2021', '27.2', '%'];
    const held = figure('de_va_share_gdp', 'CQ', '2021')!;
    expect(held).toMatchObject({ value: 27.2, measure: null });

    const sameMeasure = await commitImport(ws.db, csv('same.csv', [share]), { onConflict: 'revise', released: '2024-01-01', measure: 'cq-earlier' });
    expect(sameMeasure).toMatchObject({ rowsWritten: 0, rowsUnchanged: 1 });
    expect(await previewImport(ws.db, csv('other.csv', [share]), { measure: 'caict-broad' })).toMatchObject({ conflicts: 1, conflictsIdentical: 0 });

    const other = await commitImport(ws.db, csv('other.csv', [share]), { onConflict: 'revise', released: '2024-01-01', releaseLabel: '改按广义口径', measure: 'caict-broad', allowDuplicate: true });
    expect(other).toMatchObject({ rowsReplaced: 1, rowsUnchanged: 0 });
    expect(figure('de_va_share_gdp', 'CQ', '2021')).toMatchObject({ value: 27.2, measure: 'caict-broad', released: '2024-01-01' });
    expect(listReleases(ws.db, held.id).releases.map((r) => [r.value, r.measure, r.measureName, r.released])).toEqual([
      [27.2, 'caict-broad', '信通院广义口径', '2024-01-01'],
      [27.2, 'cq-earlier', '重庆市此前口径', held.released],
    ]);
    // As known before the reclassification, the figure is on the measure it had then.
    const asKnown = ws.db.prepare(`SELECT value, measure FROM ${VINTAGE_FROM} WHERE o.id = ?`).get('2023-06-30', '2023-06-30', '2023-06-30', held.id);
    expect(asKnown).toEqual({ value: 27.2, measure: 'cq-earlier' });
    // The series layer, which every screen reads figures through, says the same.
    const series = (asOf: string | null) => annualSeries(ws.db, 'de_va_share_gdp', 'CQ', { asOf }).find((f) => f.year === 2021);
    expect(series('2023-06-30')).toMatchObject({ value: 27.2, measure: 'cq-earlier', revised: true });
    expect(series(null)).toMatchObject({ value: 27.2, measure: 'caict-broad' });
  });

  it('a file without a unit keeps the held row\'s unit, in a revision as in a replacement', async () => {
    seedSampleData(ws.db);
    const header = ['指标', '地区', '年份', '数值'];
    await commitImport(ws.db, csv('nounit.csv', [['地区生产总值', '重庆', '2022', '29129.50']], header), { onConflict: 'revise', released: '2024-06-30' });
    const unitOf = (period: string) => ws.db.prepare("SELECT unit FROM observations WHERE indicator = 'gdp' AND region = 'CQ' AND period = ? AND status = 'actual'").pluck().get(period);
    expect(figure('gdp', 'CQ', '2022')).toMatchObject({ value: 29129.5, released: '2024-06-30' });
    expect(unitOf('2022')).toBe('亿元');
    await commitImport(ws.db, csv('nounit2.csv', [['地区生产总值', '重庆', '2021', '27900']], header), { onConflict: 'replace' });
    expect(figure('gdp', 'CQ', '2021')).toMatchObject({ value: 27900 });
    expect(unitOf('2021')).toBe('亿元');
  });

  it('two revisions of one row undone in either order leave the seed\'s row and history', async () => {
    for (const order of ['first-first', 'last-first'] as const) {
      const local = createTestWorkspace();
      const saved = ws;
      ws = local;
      try {
        seedSampleData(ws.db);
        const before = everything();
        const id = figure('gdp', 'CQ', '2018')!.id;
        const a = await commitImport(ws.db, csv('a.csv', [revision]), { onConflict: 'revise', released: '2021-01-01' });
        const b = await commitImport(ws.db, csv('b.csv', [['地区生产总值', '重庆', '2018', '21700', '亿元']]), { onConflict: 'revise', released: '2022-01-01' });
        expect(history(id).map((r) => [r.import_id, r.value])).toEqual([[null, 20363.19], [a.importId, 21588.8], [b.importId, 21600.5]]);
        if (order === 'first-first') {
          undoImport(ws.db, a.importId!);
          // a's figure never was: b's row keeps the seed's releases as its earlier ones.
          expect(figure('gdp', 'CQ', '2018')).toMatchObject({ id, value: 21700, import_id: b.importId });
          expect(history(id).map((r) => [r.import_id, r.value])).toEqual([[null, 20363.19], [b.importId, 21588.8]]);
          undoImport(ws.db, b.importId!);
        } else {
          undoImport(ws.db, b.importId!);
          expect(figure('gdp', 'CQ', '2018')).toMatchObject({ id, value: 21600.5, import_id: a.importId });
          undoImport(ws.db, a.importId!);
        }
        expect(everything()).toEqual(before);
      } finally {
        ws = saved;
        local.close();
      }
    }
  });

  it('with the unique key deferred (a large file into a small table), revise and bounds work the same', async () => {
    const small = await commitImport(ws.db, csv('small.csv', [['指标0', '地区0', '1900', '0', '亿元'], ['指标1', '地区0', '1900', '5', '亿元']]), { onConflict: 'fail' });
    const rows: string[][] = [];
    for (let k = 0; k < 60_000; k++) rows.push([`指标${k % 100}`, `地区${Math.floor(k / 100) % 10}`, `${1900 + Math.floor(k / 1000)}`, k === 5 ? '超5' : String(k), '亿元']);
    const big = csv('big.csv', rows);
    const s = await commitImport(ws.db, big, { onConflict: 'revise', released: '2024-01-01' });
    expect(s).toMatchObject({ status: 'committed', rowsWritten: 59_999, rowsReplaced: 1, rowsUnchanged: 1 });
    expect(figure('指标0', '地区0', '1900')).toMatchObject({ value: 0, import_id: small.importId, released: '' });
    expect(figure('指标1', '地区0', '1900')).toMatchObject({ value: 1, import_id: s.importId, released: '2024-01-01' });
    expect(figure('指标5', '地区0', '1900')).toMatchObject({ value: 5, bound: 'lower', released: '2024-01-01' });
    expect(ws.db.prepare("SELECT count(*) FROM observations WHERE bound <> 'exact'").pluck().get()).toBe(1);
    const id = figure('指标1', '地区0', '1900')!.id;
    expect(history(id)).toMatchObject([{ import_id: s.importId, value: 5 }]);
    undoImport(ws.db, s.importId!);
    expect(figure('指标1', '地区0', '1900')).toMatchObject({ id, value: 5, import_id: small.importId });
    expect(ws.db.prepare('SELECT count(*) FROM observation_releases').pluck().get()).toBe(0);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('over the contract', () => {
  it('imports.commit takes measure, released and releaseLabel, and revise; an unknown measure fails the job with the known ones', async () => {
    const { service, dataDir } = tempService();
    try {
      const call = async <T>(method: string, input: unknown): Promise<T> => {
        const r = await dispatch(service, method, input);
        if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
        return r.result as T;
      };
      const finished = async (id: string): Promise<JobStatus> => {
        for (;;) {
          const st = await call<JobStatus>('jobs.get', { id });
          if (st.state !== 'running') return st;
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const file = join(dataDir, 'rev.csv');
      writeFileSync(file, '指标,地区,年份,数值,单位\n地区生产总值,重庆,2018,21600.5,亿元\n');
      const { stagingId } = stagingArea(dataDir).register(file);
      const base = { stagingId, skipBadRows: false, allowDuplicate: false };
      const bad = await dispatch(service, 'imports.commit', { ...base, onConflict: 'revise', options: { released: '2021-13-01' } });
      expect(bad.ok).toBe(false);
      const unknown = await finished((await call<JobStatus>('imports.commit', { ...base, onConflict: 'revise', options: { measure: 'broad', released: '2021-12-30' } })).id);
      expect(unknown).toMatchObject({ state: 'failed', error: { code: 'import.unknown-measure', params: { code: 'broad', known: 'standard, cq-earlier, caict-broad, nbs-core, industry' } } });
      const done = await finished(
        (await call<JobStatus>('imports.commit', { ...base, onConflict: 'revise', options: { measure: 'standard', released: '2021-12-30', releaseLabel: '再修订' } })).id,
      );
      expect(done).toMatchObject({ state: 'done', result: { status: 'committed', rowsReplaced: 1, rowsUnchanged: 0 } });
      const row = service.db
        .prepare("SELECT id, value, measure, released, release_label FROM observations WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2018'")
        .get() as { id: number };
      expect(row).toMatchObject({ value: 21600.5, measure: 'standard', released: '2021-12-30', release_label: '再修订' });
      const releases = await call<{ releases: Array<{ value: number; latest: boolean }> }>('observations.releases', { id: row.id });
      expect(releases.releases.map((r) => [r.value, r.latest])).toEqual([[21600.5, true], [21588.8, false], [20363.19, false]]);
    } finally {
      service.close();
    }
  });
});
