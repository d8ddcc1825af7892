// One answer on two screens: for GDP, the national share of GDP (de_share_gdp, which 重庆 only has
// through the city's reported share on the same measure) and the city's reported share
// (de_va_share_gdp, which 全国 2022 only has through the national share on the measure of 重庆's 2022
// figure), every region and year the twin-city view
// shows has the same value, bound and measure (and, for a share another indicator holds, the same
// indicator and source) on a regional-comparison chart of the same indicator; and the chart draws no
// value the view does not show. Checked on the latest releases and as known on earlier dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchService } from '../../../electron/backend/service';
import { compareRegions } from '../../../electron/backend/targets/twin';
import { chartDataSchema, type ChartData, type ChartPoint } from '../../../shared/charts/data';
import { chartSpecSchema } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';
import { call } from './support';

let service: WorkbenchService;
beforeAll(() => {
  service = tempService().service;
});
afterAll(() => service.close());

/** What a screen says of one figure. */
interface Said {
  value: number;
  bound: string;
  measure: string;
  via: { indicator: string; source: string } | null;
}

const regions = ['CQ', 'SC', 'CD', 'CN'];
// Latest; before 重庆's 2018 census revision was known; before its 2022 share was published; after.
const vintages = [null, '2019-06-30', '2023-06-30', '2024-01-31'];

// No share of GDP of the city's was published by mid-2019.
const cases: Record<string, Array<string | null>> = { gdp: vintages, de_share_gdp: vintages, de_va_share_gdp: vintages.filter((v) => v !== '2019-06-30') };

for (const [indicator, dates] of Object.entries(cases)) {
  describe(`${indicator}: the twin-city view and a regional-comparison chart`, () => {
    for (const vintage of dates) {
      it(`say the same for every region and year (${vintage ?? 'latest releases'})`, async () => {
        const twin = compareRegions(service.db, indicator, regions, { asOf: vintage });
        const fromTwin = new Map<string, Said>();
        for (const row of twin.rows) {
          for (const region of regions) {
            const cell = row.values[region]!;
            if (cell.value === null) continue;
            fromTwin.set(`${region} ${row.year}`, {
              value: cell.value,
              bound: cell.bound,
              measure: cell.measure,
              via: cell.via ? { indicator: cell.via.nameZh, source: cell.source } : null,
            });
          }
        }
        const spec = chartSpecSchema.parse({ template: 'regional-comparison', title: '对照', bindings: { indicators: [indicator], regions, vintage } });
        const data = chartDataSchema.parse(await call<ChartData>(service, 'charts.data', { spec }));
        const fromChart = new Map<string, Said>();
        for (const s of data.series.filter((x) => x.kind === 'actual')) {
          const region = twin.regions.find((r) => r.nameZh === s.region)!.code;
          for (const p of s.points.filter((x): x is ChartPoint & { value: number } => x.value !== null)) {
            fromChart.set(`${region} ${p.year}`, { value: p.value, bound: p.bound ?? 'exact', measure: p.measure!, via: p.via ?? null });
          }
        }
        expect(fromTwin.size).toBeGreaterThan(0);
        expect(Object.fromEntries(fromChart)).toEqual(Object.fromEntries(fromTwin));
      });
    }
  });
}

describe('the check covers what it is for', () => {
  it('重庆 2022 of the national share, taken from the city’s reported share, is among the values compared', () => {
    const cell = compareRegions(service.db, 'de_share_gdp', regions).rows.find((r) => r.year === 2022)!.values.CQ!;
    expect(cell).toMatchObject({ value: 45.4, measure: 'caict-broad', via: { code: 'de_va_share_gdp' } });
  });

  it('全国 2022 of the city’s reported share, on the measure of 重庆’s 2022 figure, is on the chart as in the view', async () => {
    const cell = compareRegions(service.db, 'de_va_share_gdp', ['CQ', 'CN']).rows.find((r) => r.year === 2022)!.values.CN!;
    expect(cell).toMatchObject({ value: 41.5, measure: 'caict-broad', via: { code: 'de_share_gdp' } });
    const spec = chartSpecSchema.parse({ template: 'regional-comparison', title: '对照', bindings: { indicators: ['de_va_share_gdp'], regions: ['CQ', 'CN'] } });
    const data = await call<ChartData>(service, 'charts.data', { spec });
    const national = data.series.find((s) => s.kind === 'actual' && s.region === '全国')!;
    expect(national.points.find((p) => p.year === 2022)).toMatchObject({ value: 41.5, measure: 'caict-broad', via: { indicator: '数字经济占GDP比重' } });
  });
});
