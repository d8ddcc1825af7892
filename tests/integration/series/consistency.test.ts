// One answer everywhere: for every target, and every region and year the twin-city view shows, the
// overview, the monitor, the scenario comparison, the twin-city view, chart data and the series layer report the
// same value, bound and measure.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { indicatorSeries } from '../../../electron/backend/series/shares';
import type { WorkbenchService } from '../../../electron/backend/service';
import type { Output } from '../../../shared/api/contract';
import { tempService } from '../../helpers/temp';
import { isJudged } from '../../../shared/monitor/status';

async function call<T>(service: WorkbenchService, method: string, input: unknown): Promise<T> {
  const outcome = await dispatch(service, method, input);
  if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
  return outcome.result as T;
}

const REGIONS = ['CQ', 'SC', 'CD', 'CN'];

describe.each([undefined, '2021-06-30', '2023-01-15'])('one answer on every screen (vintage %s)', (vintage) => {
  it('overview, monitor, scenario comparison and twin-city agree with the series layer', async () => {
    const { service } = tempService();
    const monitor = await call<Output<'targets.monitor'>>(service, 'targets.monitor', vintage ? { vintage } : {});
    const overview = await call<Output<'overview.get'>>(service, 'overview.get', vintage ? { vintage } : {});

    for (const row of monitor.rows) {
      const t = row.target;
      // The overview is the monitor's answer, measure by measure.
      const statement = overview.statements.find((s) => s.target.code === t.code);
      // A qualitative target, a fact the plan reports (no goal) or a plan not yet issued on the date: no statement.
      if (t.comparator === 'qualitative' || !isJudged(row)) {
        expect(statement, t.code).toBeUndefined();
        continue;
      }
      expect(statement, t.code).toBeDefined();
      const judged = statement!.answers.find((a) => a.judged)!;
      expect(judged.status, t.code).toBe(row.status);
      expect(judged.measure?.code ?? null, t.code).toBe(row.measure?.code ?? null);
      expect(judged.latest ? { year: judged.latest.year, value: judged.latest.value, bound: judged.latest.bound } : null, t.code).toEqual(row.latest);
      if (row.byMeasure.length) {
        expect(statement!.answers.map((a) => [a.measure?.code, a.status, a.latest?.value ?? null, a.latest?.bound ?? null])).toEqual(
          row.byMeasure.map((b) => [b.measure.code, b.status, b.latest?.value ?? null, b.latest?.bound ?? null]),
        );
      }
      // The projection is the compared scenario's, and only on the target's own measure.
      expect(statement!.projection?.value ?? null, t.code).toBe(row.projection?.value ?? null);
      if (row.projection) expect(monitor.scenarioMeasure, t.code).toBe(row.measure?.code);

      // Every actual taken from the data is the series layer's figure for that year, on the judged measure.
      if (t.indicator && t.region && row.measure) {
        const figures = indicatorSeries(service.db, t.indicator, t.region, { asOf: vintage, measure: row.measure.code });
        const fromData = row.actuals.filter((a) => a.from === 'observation');
        expect(fromData.map((a) => [a.year, a.value, a.bound, a.measure, a.released])).toEqual(
          figures.filter((f) => f.value !== null).map((f) => [f.year, f.value, f.bound, f.measure, f.released]),
        );
        // The twin-city view shows the same figure in the same year, with its bound and measure.
        const twin = await call<Output<'regions.compare'>>(service, 'regions.compare', { indicator: t.indicator, regions: [t.region], ...(vintage ? { asOf: vintage } : {}) });
        for (const a of fromData) {
          const cell = twin.rows.find((r) => r.year === a.year)?.values[t.region];
          expect(cell, `${t.code} ${a.year}`).toMatchObject({ value: a.value, bound: a.bound, measure: a.measure });
        }
        // A briefing chart of the series draws the same points, with the same bound and measure.
        if (!vintage) {
          const chart = await call<{ series: Array<{ kind: string; points: Array<{ year: number; value: number | null; bound?: string; measure?: string }> }> }>(service, 'charts.data', {
            spec: { template: 'indicator-series', title: t.code, bindings: { indicators: [t.indicator], regions: [t.region] } },
          });
          const points = chart.series.filter((x) => x.kind === 'actual').flatMap((x) => x.points);
          for (const a of fromData) expect(points.find((p) => p.year === a.year), `${t.code} chart ${a.year}`).toMatchObject({ value: a.value, bound: a.bound, measure: a.measure });
        }
      }
    }

    // The scenario comparison: the monitor's projection is the compared scenario's own run.
    if (monitor.scenario) {
      const run = await call<{ projection: { targets: Array<{ id: string; value: number; met: boolean }> } }>(service, 'scenarios.run', { id: monitor.scenario.id });
      for (const row of monitor.rows.filter((r) => r.projection)) {
        expect(run.projection.targets.find((x) => x.id === row.target.code)).toMatchObject({ value: row.projection!.value, met: row.projection!.met });
      }
    }
    service.close();
  });

  it('twin-city shows every region and year as the series layer gives it, a share completed on its measure saying from where', async () => {
    const { service } = tempService();
    for (const indicator of ['gdp', 'de_scale', 'de_share_gdp', 'de_va_share_gdp', 'de_core_share_gdp']) {
      const twin = await call<Output<'regions.compare'>>(service, 'regions.compare', { indicator, regions: REGIONS, ...(vintage ? { asOf: vintage } : {}) });
      for (const region of REGIONS) {
        const figures = indicatorSeries(service.db, indicator, region, { asOf: vintage }).filter((f) => f.value !== null);
        const shown = twin.rows.flatMap((r) => {
          const cell = r.values[region];
          return cell && cell.value !== null ? [[r.year, cell.value, cell.bound, cell.measure, cell.via?.code ?? indicator]] : [];
        });
        // Every figure the series layer gives is shown; a row whose regions are all on one measure may
        // also show a region's figure on that measure (全国 2022 at 41.5% beside 重庆's 45.4%), which is
        // the series layer's answer under that measure.
        expect(shown, `${indicator} ${region}`).toEqual(expect.arrayContaining(figures.map((f) => [f.year, f.value, f.bound, f.measure, f.indicator])));
        for (const [year, , , measure] of shown as Array<[number, number, string, string, string]>) {
          const onMeasure = indicatorSeries(service.db, indicator, region, { asOf: vintage, measure }).find((f) => f.year === year);
          expect(shown.find((x) => x[0] === year), `${indicator} ${region} ${year}`).toEqual([year, onMeasure?.value, onMeasure?.bound, onMeasure?.measure, onMeasure?.indicator]);
        }
      }
    }
    // The national broad-measure share's view holds 重庆 2022 (45.4%) from the city's reported share once it was published (2023-12-13).
    const share = await call<Output<'regions.compare'>>(service, 'regions.compare', { indicator: 'de_share_gdp', regions: ['CQ'], year: 2022, ...(vintage ? { asOf: vintage } : {}) });
    expect(share.rows[0]!.values.CQ!.value).toBe(vintage ? null : 45.4);
    service.close();
  });
});
