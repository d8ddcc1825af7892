import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import type { WorkbenchService } from '../../../electron/backend/service';
import type { Output } from '../../../shared/api/contract';
import type { TwinCell } from '../../../shared/api/targets-contract';
import { runCli } from '../../helpers/cli';
import { tempDir, tempService } from '../../helpers/temp';

type Compare = Output<'regions.compare'>;
type Figure = Extract<TwinCell, { growth: unknown }>;

async function call(service: WorkbenchService, input: Record<string, unknown>) {
  const outcome = await dispatch(service, 'regions.compare', input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as Compare;
}

async function refused(service: WorkbenchService, input: Record<string, unknown>) {
  const outcome = await dispatch(service, 'regions.compare', input);
  if (outcome.ok) throw new Error('regions.compare should have refused');
  return outcome.error;
}

const cell = (c: Compare, year: number, region: string): TwinCell => {
  const row = c.rows.find((r) => r.year === year);
  if (!row) throw new Error(`no row for ${year}`);
  return row.values[region]!;
};

/** The cell of a year that has a figure (fails the test when it has none). */
function figure(c: Compare, year: number, region: string): Figure {
  const got = cell(c, year, region);
  if (got.value === null) throw new Error(`${region} ${year}: no figure (${got.reason})`);
  return got;
}

const twin = ['CQ', 'SC', 'CD', 'CN'];

describe('twin-city comparison through the series layer', () => {
  let service: WorkbenchService;
  beforeAll(() => {
    service = tempService().service;
  });
  afterAll(() => service.close());

  it("shows 重庆's 2022 digital economy as a lower bound on the broad measure, with the published share, not 10000 / GDP", async () => {
    const c = await call(service, { indicator: 'de_scale', regions: twin, year: 2022 });
    expect(c.rows.map((r) => r.year)).toEqual([2022]);
    expect(c.hasShare).toBe(true);
    const cq = figure(c, 2022, 'CQ');
    expect(cq).toMatchObject({ value: 10000, bound: 'lower', measure: 'caict-broad', status: 'actual' });
    // 45.4% is what 市统计局 published on this measure; 10000 / 29129.03 = 34.3% is no source's number.
    expect(cq.share).toMatchObject({ value: 45.4, bound: 'exact', measure: 'caict-broad', basis: 'published' });
    expect(cq.growth).toEqual({ value: null, reason: 'no-previous', measure: 'caict-broad' });
    expect(figure(c, 2022, 'CN').share).toMatchObject({ value: 41.5, basis: 'published' });
    expect(cell(c, 2022, 'SC')).toEqual({ value: null, reason: 'no-figure', others: [] });
    expect(c.measures.find((m) => m.code === 'caict-broad')?.nameZh).toBe('信通院广义口径');
    expect(c.regions.map((r) => r.nameZh)).toEqual(['重庆', '四川省', '成都市', '全国']);
  });

  it('computes GDP growth within one vintage: 2019 over the census-revised 2018, never over the first release', async () => {
    const c = await call(service, { indicator: 'gdp', regions: twin });
    const cq = figure(c, 2019, 'CQ');
    // 23605.77 / 21588.80 - 1 = 9.34%; over the first release 20363.19 it would be a false 15.9%.
    expect(cq.growth).toMatchObject({ value: 9.34, unit: '%', bound: 'exact', measure: 'standard', basis: 'computed' });
    expect(figure(c, 2018, 'CQ')).toMatchObject({ value: 21588.8, released: '2020-01-01', releaseLabel: '第四次经济普查修订', revised: true });
    expect(cq.share).toBeNull();
    expect(c.hasShare).toBe(false);
    // An approximate figure (成都 2021, 1.99万亿) gives an approximate growth.
    expect(figure(c, 2021, 'CD').growth).toMatchObject({ bound: 'approx' });
    // 四川, 成都 and 全国 2018 are first releases the census revised, the revisions not recorded:
    // no 2019 growth across them (四川 would read a false 14.6%).
    for (const region of ['SC', 'CD', 'CN']) expect(figure(c, 2019, region).growth, region).toEqual({ value: null, reason: 'revision', measure: 'standard' });
    expect(figure(c, 2020, 'SC').growth).toMatchObject({ value: 4.25 });
    expect(figure(c, 2022, 'CQ').growth).toMatchObject({ value: 4.43 });
  });

  it('reads the data as known on a date: 2019-06-30 knows only the first release of 2018 and nothing for 2019', async () => {
    const c = await call(service, { indicator: 'gdp', regions: ['CQ'], asOf: '2019-06-30' });
    expect(c.asOf).toBe('2019-06-30');
    expect(figure(c, 2018, 'CQ')).toMatchObject({ value: 20363.19, released: '2019-03-01' });
    expect(c.rows.some((r) => r.year === 2019)).toBe(false);
    const asked = await call(service, { indicator: 'gdp', regions: ['CQ'], asOf: '2019-06-30', year: 2019 });
    expect(cell(asked, 2019, 'CQ')).toEqual({ value: null, reason: 'no-figure', others: [] });
  });

  it('gives no growth across a change of measure, nor from a bound, and says why', async () => {
    const share = await call(service, { indicator: 'de_va_share_gdp', regions: ['CQ'], year: 2022 });
    expect(figure(share, 2022, 'CQ')).toMatchObject({ value: 45.4, measure: 'caict-broad' });
    expect(figure(share, 2022, 'CQ').growth).toEqual({ value: null, reason: 'break', measure: 'caict-broad' });
    expect(share.breaks.CQ).toEqual([2022]);

    const va = await call(service, { indicator: 'de_va', regions: ['CQ'] });
    const y2020 = figure(va, 2020, 'CQ');
    expect(y2020).toMatchObject({ value: 6000, bound: 'lower', measure: 'cq-earlier' });
    // 2020 has no year before it; 2021 over "超6000亿元" is no rate.
    expect(y2020.growth).toMatchObject({ value: null, reason: 'no-previous' });
    expect(figure(va, 2021, 'CQ').growth).toEqual({ value: null, reason: 'bound', measure: 'cq-earlier' });
    // The published share of the same measure, bound kept: 超过25%.
    expect(y2020.share).toMatchObject({ value: 25, bound: 'lower', measure: 'cq-earlier', basis: 'published' });
    expect(figure(va, 2022, 'CQ').growth).toMatchObject({ value: null, reason: 'break' });
  });

  it('on a chosen measure, a year with a figure only on another measure shows none, naming the other figure', async () => {
    const c = await call(service, { indicator: 'de_va', regions: ['CQ'], measure: 'caict-broad' });
    expect(cell(c, 2021, 'CQ')).toEqual({ value: null, reason: 'other-measure', others: [{ measure: 'cq-earlier', year: 2021, value: 7587.17, bound: 'exact', indicator: 'de_va' }] });
    expect(figure(c, 2022, 'CQ')).toMatchObject({ value: 13224.58, measure: 'caict-broad', status: 'derived' });
    expect(figure(c, 2022, 'CQ').growth).toMatchObject({ value: null, reason: 'no-previous' });
  });

  it('computes a share within the measure, as a bound, only where none is published', async () => {
    // A broad-measure level for 四川 2022 without a published share: computed over the same vintage's GDP.
    service.db
      .prepare("INSERT INTO observations (indicator, region, period, year, value, unit, original, status, bound, source) VALUES ('de_scale', 'SC', '2022', 2022, 20000, '亿元', '超过2万亿元', 'actual', 'lower', 'test')")
      .run();
    const c = await call(service, { indicator: 'de_scale', regions: ['SC'], year: 2022 });
    // 20000 / 56610.2 (最终核实数) = 35.33%, and a lower bound stays one.
    expect(figure(c, 2022, 'SC').share).toEqual({ value: 35.33, unit: '%', bound: 'lower', measure: 'caict-broad', basis: 'computed', source: '' });
    const before = await call(service, { indicator: 'de_scale', regions: ['SC'], year: 2022, asOf: '2024-01-01' });
    // Before the final verification the first release 56749.8 was the GDP: 35.24%.
    expect(figure(before, 2022, 'SC').share).toMatchObject({ value: 35.24, bound: 'lower' });
  });

  it("finds 重庆's 2022 share on the broad measure in the national broad-measure share's view, saying where it came from", async () => {
    const c = await call(service, { indicator: 'de_share_gdp', regions: twin });
    // de_share_gdp holds only national figures; 45.4% is the city's reported share (de_va_share_gdp), on the same measure.
    const cq = figure(c, 2022, 'CQ');
    expect(cq).toMatchObject({ value: 45.4, bound: 'exact', measure: 'caict-broad', via: { code: 'de_va_share_gdp', nameZh: '数字经济增加值占GDP比重（重庆）' } });
    expect(cq.source).toContain('市统计局');
    expect(cq.growth).toEqual({ value: null, reason: 'no-previous', measure: 'caict-broad' });
    expect(figure(c, 2022, 'CN').via).toBeNull();
    // The city's series changes measure in 2022, but this view shows nothing of 重庆 before 2022: no break to mark.
    expect(c.breaks.CQ).toEqual([]);
    // 2021 and 2020 have figures on other measures only: named, not "no data".
    expect(cell(c, 2021, 'CQ')).toEqual({ value: null, reason: 'other-measure', others: [{ measure: 'cq-earlier', year: 2021, value: 27.2, bound: 'exact', indicator: 'de_va_share_gdp' }] });
    expect(cell(c, 2020, 'CQ')).toEqual({
      value: null,
      reason: 'other-measure',
      others: [
        { measure: 'cq-earlier', year: 2020, value: 25, bound: 'lower', indicator: 'de_va_share_gdp' },
        { measure: 'nbs-core', year: 2020, value: 7.3, bound: 'exact', indicator: 'de_core_share_gdp' },
      ],
    });
    expect(cell(c, 2023, 'CQ')).toEqual({ value: null, reason: 'no-figure', others: [] });
    expect(cell(c, 2022, 'SC')).toEqual({ value: null, reason: 'no-figure', others: [] });
    // Never another measure's figure in its place: on the city's earlier measure 2022 has none.
    const earlier = await call(service, { indicator: 'de_share_gdp', regions: ['CQ'], measure: 'cq-earlier' });
    expect(figure(earlier, 2021, 'CQ')).toMatchObject({ value: 27.2, measure: 'cq-earlier', via: { code: 'de_va_share_gdp' } });
    expect(earlier.rows.map((r) => r.year)).toEqual([2020, 2021]);
    const asked = await call(service, { indicator: 'de_share_gdp', regions: ['CQ'], measure: 'cq-earlier', year: 2022 });
    expect(cell(asked, 2022, 'CQ')).toMatchObject({ value: null, reason: 'other-measure', others: [{ measure: 'caict-broad', value: 45.4 }, { measure: 'nbs-core', value: 7.7 }] });
    // As known in mid-2022 the 45.4% was not published (2023-12-13).
    const then = await call(service, { indicator: 'de_share_gdp', regions: ['CQ'], asOf: '2022-06-30', year: 2022 });
    expect(cell(then, 2022, 'CQ')).toEqual({ value: null, reason: 'no-figure', others: [] });
  });

  it("completes the city's share with the national broad-measure share on that measure, and the other way round", async () => {
    const c = await call(service, { indicator: 'de_va_share_gdp', regions: ['CN'], measure: 'caict-broad' });
    expect(figure(c, 2017, 'CN')).toMatchObject({ value: 32.9, via: { code: 'de_share_gdp' } });
    // On its own measure (the city's earlier one) nothing national exists: the broad figures are named instead.
    const own = await call(service, { indicator: 'de_va_share_gdp', regions: ['CN'], year: 2022 });
    expect(cell(own, 2022, 'CN')).toMatchObject({ value: null, reason: 'other-measure', others: [{ measure: 'caict-broad', value: 41.5, indicator: 'de_share_gdp' }] });
    // Beside 重庆, shown on the broad measure in 2022, the national figure is on that very measure (in
    // another indicator): shown, named as taken from it, its change on the broad measure's 2021 (39.8%).
    // Beside 重庆's earlier-measure 2021 it is another measure: "—" naming it.
    const beside = await call(service, { indicator: 'de_va_share_gdp', regions: ['CQ', 'CN'] });
    expect(figure(beside, 2022, 'CQ')).toMatchObject({ value: 45.4, measure: 'caict-broad', via: null });
    expect(figure(beside, 2022, 'CN')).toMatchObject({ value: 41.5, measure: 'caict-broad', via: { code: 'de_share_gdp' }, growth: { value: 1.7, unit: 'pp' } });
    expect(cell(beside, 2021, 'CN')).toMatchObject({ value: null, reason: 'other-measure', others: [{ measure: 'caict-broad', value: 39.8 }] });
  });

  it("gives a share's change in percentage points, not as growth of the share", async () => {
    const c = await call(service, { indicator: 'de_share_gdp', regions: ['CN'] });
    // 30.3% (2016) to 32.9% (2017): +2.6 points, not 8.58%.
    expect(figure(c, 2017, 'CN').growth).toEqual({ value: 2.6, unit: 'pp', bound: 'exact', measure: 'caict-broad', basis: 'computed', source: '' });
    expect(figure(c, 2023, 'CN').growth).toMatchObject({ value: 1.3, unit: 'pp' });
    const core = await call(service, { indicator: 'de_core_share_gdp', regions: ['CQ'] });
    // 7.3% (2020) and 7.7% (2022) have no 2021 between them: no change on the year before.
    expect(figure(core, 2022, 'CQ').growth).toMatchObject({ value: null, reason: 'no-previous' });
  });

  it('refuses an unknown indicator, region or measure and a date that is not ISO', async () => {
    expect((await refused(service, { indicator: 'nope', regions: ['CQ'] })).code).toBe('monitor.unknownIndicator');
    expect((await refused(service, { indicator: 'gdp', regions: ['XX'] })).code).toBe('monitor.unknownRegion');
    expect((await refused(service, { indicator: 'gdp', regions: ['CQ'], measure: 'nope' })).code).toBe('measure.unknown');
    expect((await refused(service, { indicator: 'gdp', regions: ['CQ'], asOf: '30.06.2019' })).code).toBe('error.badRequest');
  });
});

describe('workbench regions compare', () => {
  it('prints one year as JSON, the same answer as the API, each growth with its unit', () => {
    const dataDir = tempDir();
    const result = runCli(['regions', 'compare', '--indicator', 'gdp', '--year', '2019', '--json'], dataDir);
    expect(result.status).toBe(0);
    const c = JSON.parse(result.stdout) as Compare;
    expect(c.rows.map((r) => r.year)).toEqual([2019]);
    expect(figure(c, 2019, 'CQ')).toMatchObject({ value: 23605.77, measure: 'standard', growth: { value: 9.34, unit: '%', basis: 'computed' } });
    expect(Object.keys(c.rows[0]!.values)).toEqual(twin);
    const share = JSON.parse(runCli(['regions', 'compare', '--indicator', 'de_share_gdp', '--year', '2017', '--json'], dataDir).stdout) as Compare;
    expect(figure(share, 2017, 'CN').growth).toMatchObject({ value: 2.6, unit: 'pp' });
  });

  it('prints a table with bounds, measures, published shares and reasons, every year without --year', () => {
    const dataDir = tempDir();
    const scale = runCli(['--lang', 'zh', 'regions', 'compare', '--indicator', 'de_scale', '--regions', 'CQ,CN'], dataDir);
    expect(scale.status).toBe(0);
    expect(scale.stdout).toContain('数据截至：最新发布');
    expect(scale.stdout).toMatch(/2022 +重庆 +≥1万亿元 +信通院广义口径 +— 无上年同口径数据 +45\.4%（公布值）/);
    // Every year any region has a figure, with the ones it lacks marked.
    expect(scale.stdout).toMatch(/2016 +重庆 +— 无该年数据\n2016 +全国 +22\.6万亿元/);
    const va = runCli(['--lang', 'en', 'regions', 'compare', '--indicator', 'de_va', '--regions', 'CQ'], dataDir);
    expect(va.stdout).toMatch(/2022 +Chongqing .*— The measure changed/);
    const vintage = runCli(['--lang', 'zh', 'regions', 'compare', '--indicator', 'gdp', '--regions', 'CQ', '--vintage', '2019-06-30'], dataDir);
    expect(vintage.stdout).toMatch(/2018 +重庆 +2\.04万亿元 +统计部门常规口径 .*统计公报初步核算数 2019-03-01/);
    expect(vintage.stdout).not.toContain('2019  ');
    // A share: its change in percentage points, 重庆 2022 from the city's reported share, the other measures named.
    const share = runCli(['--lang', 'zh', 'regions', 'compare', '--indicator', 'de_share_gdp', '--regions', 'CQ,CN'], dataDir);
    expect(share.stdout).toMatch(/年份 +地区 +水平 +口径 +变动 +发布/);
    expect(share.stdout).toMatch(/2017 +全国 +32\.9% +信通院广义口径 +\+2\.6个百分点/);
    expect(share.stdout).toMatch(/2022 +重庆 +45\.4% +信通院广义口径（取自数字经济增加值占GDP比重（重庆）） +— 无上年同口径数据/);
    expect(share.stdout).toContain('2021  重庆  — 口径不同（有重庆市此前口径2021年27.2%）\n');
    expect(share.stdout).not.toContain('8.58%');
    const en = runCli(['--lang', 'en', 'regions', 'compare', '--indicator', 'de_share_gdp', '--regions', 'CN', '--year', '2017'], dataDir);
    expect(en.stdout).toMatch(/2017 +China +32\.9% +CAICT broad measure +\+2\.6 pp/);
    const bad = runCli(['--lang', 'en', 'regions', 'compare', '--indicator', 'gdp', '--measure', 'nope'], dataDir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('No measure has the code "nope". Measures: standard, cq-earlier, caict-broad, nbs-core, industry.');
  });
});
