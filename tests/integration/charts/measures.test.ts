// Chart data read through the series layer (electron/backend/series/figures.ts): each point carries
// its bound and measure, the latest release is drawn, a line breaks where the measure changes even
// with no definition_breaks row, and the labels and the data file say ≥ for 超过….
import type { EChartsOption } from 'echarts';
import { afterEach, describe, expect, it } from 'vitest';
import { chartRows, toCsv } from '../../../electron/backend/export/data-table';
import type { WorkbenchService } from '../../../electron/backend/service';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartData } from '../../../shared/charts/data';
import { chartSpecSchema, type ChartSpec } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';
import { call, starterChart } from './support';

const opened: WorkbenchService[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function fresh(): WorkbenchService {
  const { service } = tempService();
  opened.push(service);
  return service;
}

async function resolve(service: WorkbenchService, input: Record<string, unknown>): Promise<{ spec: ChartSpec; data: ChartData; option: EChartsOption }> {
  const spec = chartSpecSchema.parse({ title: 'T', ...input });
  const data = chartDataSchema.parse(await call<ChartData>(service, 'charts.data', { spec }));
  return { spec, data, option: buildOption(spec, data) };
}

type MarkSeries = { markLine?: { data?: Array<{ xAxis?: string | number; label?: { formatter: () => string } }> }; endLabel?: { show?: boolean; formatter: () => string } };
/** The label of the break before `year`, drawn between it and the year before. */
const breakLabel = (option: EChartsOption, year: number): string | undefined =>
  (option.series as MarkSeries[])
    .flatMap((s) => s.markLine?.data ?? [])
    .map((l) => (l.xAxis === year - 0.5 ? l.label!.formatter() : ''))
    .find((t) => t.startsWith('口径变化'));

describe('chart data from the series layer', () => {
  it('breaks 重庆 de_va_share_gdp at 2022 from the change of measure alone, and names both measures', async () => {
    const service = fresh();
    service.db.prepare('DELETE FROM definition_breaks').run();
    const { spec } = await starterChart(service, 'share-of-gdp');
    const { data, option } = await resolve(service, spec);
    const cq = data.series.find((s) => s.region === '重庆')!;
    expect(cq.breaksBefore).toEqual([2022]);
    expect(cq.points.filter((p) => p.year >= 2020)).toMatchObject([
      { year: 2020, value: 25, bound: 'lower', measure: 'cq-earlier', released: '', releaseLabel: '' },
      { year: 2021, value: 27.2, bound: 'exact', measure: 'cq-earlier', released: '2022-08-18', releaseLabel: '新闻发布会' },
      { year: 2022, value: 45.4, bound: 'exact', measure: 'caict-broad', released: '2023-12-13', releaseLabel: '《行动计划》指标表' },
    ]);
    expect(data.meta.measures).toEqual([
      { code: 'cq-earlier', name: '重庆市此前口径' },
      { code: 'caict-broad', name: '信通院广义口径' },
    ]);
    // Two stretches under one legend name: 27.2% and 45.4% are never joined.
    const years = ((option.xAxis as Array<{ data: string[] }>)[0]!).data;
    const stretches = (option.series as Array<{ name?: string; data?: Array<number | null> }>).filter((s) => s.name === '重庆');
    expect(stretches.map((s) => [s.data![years.indexOf('2021')], s.data![years.indexOf('2022')]])).toEqual([
      [27.2, null],
      [null, 45.4],
    ]);
    expect(breakLabel(option, 2022)).toBe('口径变化：重庆市此前口径→信通院广义口径');
  });

  it('gives 重庆 de_scale 2022 ("超过1万亿元") the lower bound, written ≥ in labels, tooltip and data file', async () => {
    const service = fresh();
    const { spec, data, option } = await resolve(service, { template: 'target-trajectory', bindings: { indicators: ['de_scale'], regions: ['CQ'] } });
    const series = data.series.find((s) => s.kind === 'actual')!;
    const source = 'CAICT 中国数字经济发展研究报告(2023)（媒体转载）（可信度 M）';
    expect(series.points.find((p) => p.year === 2022)).toEqual({ year: 2022, value: 10000, bound: 'lower', measure: 'caict-broad', released: '', releaseLabel: '', source });
    const labels = (option.series as MarkSeries[]).flatMap((s) => (s.endLabel?.show ? [s.endLabel.formatter()] : []));
    expect(labels).toEqual(['≥1万亿元']);
    const years = ((option.xAxis as Array<{ data: string[] }>)[0]!).data;
    const tooltip = ((option.tooltip as { formatter: (p: unknown) => string }).formatter)([{ dataIndex: years.indexOf('2022') }]);
    expect(tooltip).toContain('≥1万亿元（信通院广义口径）');

    // The data file is in the chart's unit, as its axis and labels are: 1万亿元.
    const rows = chartRows(spec, data);
    expect(rows.find((r) => r.year === 2022 && r.kind === '实际')).toMatchObject({ unit: '万亿元', value: 1, bound: '下限（≥）', measure: '信通院广义口径', release: '日期不详（按2023-03-01起计）', source });
    const csv = toCsv(rows, 'zh');
    expect(csv.split('\r\n')[0]).toContain(',数值,数值界限,统计口径,口径变化,发布版本,来源,');
    expect(csv).toContain(`,万亿元,2022,1,下限（≥）,信通院广义口径,,日期不详（按2023-03-01起计）,${source},`);
  });

  it('judges A1 on the broad measure with its bound: ≥1万亿元 meets 1万亿元', async () => {
    const service = fresh();
    const { data, option } = await resolve(service, { template: 'target-progress', bindings: { targets: ['A1', 'A2'], regions: ['CQ'] } });
    expect(data.progress.map((p) => [p.actual, p.bound, p.measure])).toEqual([
      [10000, 'lower', 'caict-broad'],
      [45.4, 'exact', 'caict-broad'],
    ]);
    const labels = (option.series as Array<{ data?: Array<{ label?: { show: boolean; formatter: () => string } }> }>).flatMap((s) =>
      (s.data ?? []).flatMap((d) => (d && typeof d === 'object' && d.label?.show ? [d.label.formatter()] : [])),
    );
    expect(labels[0]).toBe('≥1万亿元（2022年，信通院广义口径，已实现） / 目标 ≥1万亿元（2022年）');
    // A later figure on the city's earlier measure is no progress towards a target on the broad one.
    service.db
      .prepare("INSERT INTO observations (indicator, region, period, year, value, unit, status, source, measure) VALUES ('de_va_share_gdp', 'CQ', '2023', 2023, 30, '%', 'actual', '测试', 'cq-earlier')")
      .run();
    const later = await resolve(service, { template: 'target-progress', bindings: { targets: ['A2'], regions: ['CQ'] } });
    expect(later.data.progress[0]).toMatchObject({ actual: 45.4, actualYear: 2022, measure: 'caict-broad' });
  });

  it('gives progress recorded by hand its bound, release and source, as the monitor reads it', async () => {
    const service = fresh();
    await call(service, 'targets.recordActual', { code: 'A3', year: 2021, value: 120, bound: 'lower', released: '2022-01-20', source: '测试：市经信委通报' });
    const { spec, data } = await resolve(service, { template: 'target-progress', bindings: { targets: ['A3'], regions: ['CQ'] } });
    expect(data.progress[0]).toMatchObject({ actual: 120, actualYear: 2021, bound: 'lower', released: '2022-01-20', releaseLabel: '', source: '测试：市经信委通报' });
    expect(chartRows(spec, data)[0]).toMatchObject({ value: 120, bound: '下限（≥）', release: '2022-01-20', source: '测试：市经信委通报' });
  });

  it('draws the latest release of a revised figure: 重庆 2018 GDP after the census', async () => {
    const service = fresh();
    const { spec, data } = await resolve(service, { template: 'regional-comparison', bindings: { indicators: ['gdp'], regions: ['CQ'] } });
    expect(data.series[0]!.points.find((p) => p.year === 2018)).toEqual({
      year: 2018,
      value: 21588.8,
      bound: 'exact',
      measure: 'standard',
      released: '2020-01-01',
      releaseLabel: '第四次经济普查修订',
      source: '重庆市统计局修订序列（第四次全国经济普查后，经第三方汇编）（可信度 L）',
    });
    expect(chartRows(spec, data).find((r) => r.year === 2018)).toMatchObject({ unit: '万亿元', value: 2.15888, release: '第四次经济普查修订 · 2020-01-01' });
  });
});
