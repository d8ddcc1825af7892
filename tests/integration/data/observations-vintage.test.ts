// Measures, bounds and releases in the observations grid, its API and the `observations` CLI: each
// observation once, in its latest release, or as known on a date (ALFRED's vintages of FRED).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureEntry, ObservationRow, Releases } from '../../../shared/api/data-contract';
import { dispatch } from '../../../electron/backend/dispatch';
import type { WorkbenchService } from '../../../electron/backend/service';
import { asKnownOn } from '../../../electron/backend/series/figures';
import { runCli } from '../../helpers/cli';
import { tempDir, tempService } from '../../helpers/temp';

let service: WorkbenchService;
beforeAll(() => {
  service = tempService().service;
});
afterAll(() => service.close());

const call = async <T>(method: string, input: unknown): Promise<T> => {
  const r = await dispatch(service, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.result as T;
};
const set = (...values: Array<string | number>) => ({ filterType: 'set-values', values });
const cqGdp = { indicator: set('gdp'), region: set('CQ') };
const rows = async (filterModel: object, vintage?: string, sortModel = [{ colId: 'period', sort: 'asc' }]) =>
  (await call<{ rows: ObservationRow[] }>('observations.query', { startRow: 0, endRow: 1000, sortModel, filterModel, ...(vintage ? { vintage } : {}) })).rows;

describe('observations over the API: measure, bound and release', () => {
  it('shows each observation once, in its latest release, with a count of the earlier ones', async () => {
    const gdp = await rows(cqGdp);
    expect(gdp.map((r) => r.period)).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    expect(gdp[0]).toMatchObject({ value: 21588.8, bound: 'exact', measure: 'standard', released: '2020-01-01', releaseLabel: '第四次经济普查修订', revisions: 1 });
    expect(gdp[1]).toMatchObject({ value: 23605.77, released: '', revisions: 0 });
    const [scale] = await rows({ indicator: set('de_scale'), region: set('CQ') });
    expect(scale).toMatchObject({ period: '2022', value: 10000, bound: 'lower', measure: 'caict-broad', measureName: '信通院广义口径', measureNameEn: 'CAICT broad measure' });
  });

  it('gives the data as known on a date: earlier releases of later revisions, nothing released after it', async () => {
    const then = await rows(cqGdp, '2019-06-30');
    expect(then).toHaveLength(1);
    expect(then[0]).toMatchObject({ period: '2018', value: 20363.19, released: '2019-03-01', releaseLabel: '统计公报初步核算数', revisions: 1 });
    // A figure without a release date counts as known from 1 March after its year (the statistical bulletins).
    expect((await rows(cqGdp, '2020-01-01')).map((r) => [r.period, r.value])).toEqual([['2018', 21588.8]]);
    expect((await rows(cqGdp, '2020-02-29')).map((r) => r.period)).toEqual(['2018']);
    expect((await rows(cqGdp, '2020-03-01')).map((r) => [r.period, r.value])).toEqual([['2018', 21588.8], ['2019', 23605.77]]);
    expect(await rows(cqGdp, '2018-12-31')).toEqual([]);
    // Sorts and filters apply to the values as then known.
    const below = { ...cqGdp, value: { filterType: 'number', type: 'lessThan', filter: 21000 } };
    expect((await rows(below, '2019-06-30')).map((r) => r.value)).toEqual([20363.19]);
    expect(await rows(below)).toEqual([]);
    const bad = await dispatch(service, 'observations.query', { startRow: 0, endRow: 10, vintage: '2019-02-30' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'error.badRequest' } });
  });

  it('agrees with the series layer on which release is known on each date', async () => {
    const latest = await rows({}, undefined, [{ colId: 'id', sort: 'asc' }]);
    for (const date of ['2018-12-31', '2019-01-01', '2019-03-01', '2019-06-30', '2020-01-01', '2023-01-01', '2024-01-18', '2024-01-19', '2030-01-01']) {
      const known = new Map((await rows({}, date, [{ colId: 'id', sort: 'asc' }])).map((r) => [r.id, r]));
      for (const r of latest) {
        const figure = asKnownOn(service.db, { ...r, status: r.status as never, releases: r.revisions, superseded: 0 }, date);
        const shown = known.get(r.id);
        expect(shown && { value: shown.value, bound: shown.bound, released: shown.released, source: shown.source }, `#${r.id} on ${date}`).toEqual(
          figure ? { value: figure.value, bound: figure.bound, released: figure.released, source: figure.source } : undefined,
        );
      }
    }
  });

  it('lists an observation’s releases, newest first', async () => {
    const id = (await rows(cqGdp)).find((r) => r.period === '2018')!.id;
    const releases = await call<Releases>('observations.releases', { id });
    expect(releases).toMatchObject({ id, unit: '亿元' });
    expect(releases.releases).toEqual([
      expect.objectContaining({ value: 21588.8, bound: 'exact', released: '2020-01-01', releaseLabel: '第四次经济普查修订', latest: true }),
      expect.objectContaining({ value: 20363.19, original: '20363.19', released: '2019-03-01', releaseLabel: '统计公报初步核算数', source: '重庆市统计局 统计公报（初步核算）', latest: false }),
    ]);
    expect(await dispatch(service, 'observations.releases', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'data.notFound', message: '找不到观测值 #999999。' } });
  });

  it('filters and sorts by measure and bound, and offers them as value lists', async () => {
    const measures = await call<Array<{ value: string; label: string }>>('observations.values', { column: 'measure', filterModel: { region: set('CQ') } });
    expect(measures).toContainEqual({ value: 'caict-broad', label: '信通院广义口径' });
    // In the catalogue's order.
    const order = ['standard', 'cq-earlier', 'caict-broad', 'nbs-core', 'industry'];
    expect(measures.map((m) => m.value)).toEqual(order.filter((code) => measures.some((m) => m.value === code)));
    const bounds = await call<Array<{ value: string }>>('observations.values', { column: 'bound' });
    expect(bounds.map((b) => b.value)).toContain('lower');
    const broad = await rows({ region: set('CQ'), measure: set('caict-broad') });
    expect(broad.length).toBeGreaterThan(0);
    expect(broad.every((r) => r.measure === 'caict-broad')).toBe(true);
    // 重庆's 2022 share is on the broad measure although its indicator's default is the earlier one.
    expect(broad).toContainEqual(expect.objectContaining({ indicator: 'de_va_share_gdp', period: '2022', value: 45.4 }));
    const lower = await rows({ bound: set('lower') }, undefined, [{ colId: 'measure', sort: 'asc' }]);
    expect(lower.every((r) => r.bound === 'lower')).toBe(true);
    expect(lower.map((r) => r.measure)).toEqual([...lower.map((r) => r.measure)].sort());
    const byName = await rows({ measureName: { filterType: 'text', type: 'contains', filter: '信通院' } });
    expect(byName.length).toBe((await rows({ measure: set('caict-broad') })).length);
  });

  it('lists with an indicator the other measures some of its figures name', async () => {
    const indicators = await call<Array<{ code: string; measureName: string; otherMeasureNames: string }>>('catalogue.indicators', {});
    expect(indicators.find((i) => i.code === 'de_va_share_gdp')).toMatchObject({ measureName: '重庆市此前口径', otherMeasureNames: '信通院广义口径' });
    expect(indicators.find((i) => i.code === 'gdp')).toMatchObject({ measureName: '统计部门常规口径', otherMeasureNames: '' });
  });

  it('lists the measures in the catalogue, and each indicator’s measure', async () => {
    const measures = await call<MeasureEntry[]>('catalogue.measures', {});
    expect(measures.map((m) => m.code)).toEqual(['standard', 'cq-earlier', 'caict-broad', 'nbs-core', 'industry']);
    expect(measures[2]).toMatchObject({ nameZh: '信通院广义口径', publisher: '中国信息通信研究院' });
    expect(measures.every((m) => m.description && m.source)).toBe(true);
    const indicators = await call<Array<{ code: string; measure: string }>>('catalogue.indicators', {});
    expect(indicators).toContainEqual(expect.objectContaining({ code: 'de_scale', measure: 'caict-broad', measureName: '信通院广义口径' }));
    expect(indicators).toContainEqual(expect.objectContaining({ code: 'de_core_va', measure: 'nbs-core' }));
  });
});

describe('workbench observations', () => {
  type CliRecord = { period: string; value: number; bound: string; measure: string; released: string; releaseLabel: string; indicatorName: string; regionName: string };
  const dataDir = tempDir();
  const json = (...args: string[]) => {
    const r = runCli(['observations', ...args, '--json'], dataDir);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as CliRecord[];
  };

  it('prints each observation once with its measure, bound and release; --vintage gives it as known then', () => {
    const latest = json('--indicator', 'gdp', '--region', 'CQ');
    expect(latest).toHaveLength(7);
    expect(latest[0]).toMatchObject({ period: '2018', value: 21588.8, bound: 'exact', measure: 'standard', released: '2020-01-01', releaseLabel: '第四次经济普查修订', indicatorName: '地区生产总值', regionName: '重庆' });
    expect(json('--indicator', 'gdp', '--region', 'CQ', '--vintage', '2019-06-30')).toEqual([
      expect.objectContaining({ period: '2018', value: 20363.19, released: '2019-03-01', releaseLabel: '统计公报初步核算数' }),
    ]);
    expect(json('--region', 'CQ', '--measure', 'caict-broad')).toContainEqual(expect.objectContaining({ period: '2022', value: 10000, bound: 'lower', measure: 'caict-broad' }));
  });

  it('shows the bound sign and measure as text, and refuses a bad date or measure in the user’s language', () => {
    const text = runCli(['observations', '--indicator', 'de_scale', '--region', 'CQ'], dataDir);
    expect(text.stdout.split('\n')[1]).toBe('数字经济规模\t重庆\t2022\t≥10000\t亿元\t下限（≥）\t信通院广义口径\t实际值\t日期不详（按2023-03-01起计）\t—');
    const gdp = runCli(['observations', '--indicator', 'gdp', '--region', 'CQ'], dataDir).stdout.split('\n');
    expect(gdp.slice(1, 3)).toEqual(['地区生产总值\t重庆\t2018\t21588.8\t亿元\t确数\t统计部门常规口径\t实际值\t2020-01-01\t第四次经济普查修订', '地区生产总值\t重庆\t2019\t23605.77\t亿元\t确数\t统计部门常规口径\t实际值\t日期不详（按2020-03-01起计）\t初步核算数']);
    const zh = runCli(['observations', '--vintage', '2019-13-01'], dataDir);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain('“2019-13-01”不是有效日期：请写成 YYYY-MM-DD');
    const en = runCli(['observations', '--vintage', '30/06/2019', '--measure', 'broad', '--lang', 'en'], dataDir);
    expect(en.status).toBe(1);
    expect(en.stderr).toContain('"30/06/2019" is not a date: write it YYYY-MM-DD');
    const measure = runCli(['observations', '--measure', 'broad', '--lang', 'en'], dataDir);
    expect(measure.stderr).toContain('No measure has the code "broad". Measures: standard, cq-earlier, caict-broad, nbs-core, industry.');
  });
});
