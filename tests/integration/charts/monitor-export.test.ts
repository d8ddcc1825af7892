// The monitor briefing (目标 → 导出监测简报) states what the monitor rows state, target by target: the
// status word the monitor decided (not one the chart judges again), the latest value with its bound,
// year and measure, and the target with its comparator.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchService } from '../../../electron/backend/service';
import type { ExportedFile } from '../../../shared/api/jobs-contract';
import type { MonitorRow } from '../../../shared/api/targets-contract';
import type { ChartData } from '../../../shared/charts/data';
import { formatWithUnit } from '../../../shared/format/number';
import { comparatorSign, formatBounded } from '../../../shared/series/bound';
import { translate } from '../../../shared/i18n';
import { monitorChartSpec } from '../../../renderer/src/pages/targets/monitor-chart';
import { tempService } from '../../helpers/temp';
import { chartRows } from '../../../electron/backend/export/data-table';
import type { ChartSpec } from '../../../shared/charts/spec';
import { call, starterChart } from './support';
import { isJudged } from '../../../shared/monitor/status';

let service: WorkbenchService;
beforeAll(() => {
  service = tempService().service;
});
afterAll(() => service.close());

describe('monitor briefing export', () => {
  it('each target row of the chart states the monitor row: status, latest value with bound and year, comparator', async () => {
    const monitor = await call<{ rows: MonitorRow[] }>(service, 'targets.monitor', {});
    const spec = monitorChartSpec(monitor.rows, '规划目标进展监测', 'zh');
    const data = await call<ChartData>(service, 'charts.data', { spec });
    const numeric = monitor.rows.filter((r) => isJudged(r) && r.target.value !== null && r.target.deadline !== null && r.target.comparator !== 'qualitative');
    expect(numeric.length).toBeGreaterThan(10);
    const file = await call<ExportedFile>(service, 'export.chart', { spec, format: 'svg' });
    const svg = Buffer.from(file.base64, 'base64').toString('utf8');
    if (process.env.H7_OUT) {
      const png = await call<ExportedFile>(service, 'export.chart', { spec, format: 'png' });
      fs.writeFileSync(`${process.env.H7_OUT}/monitor-zh.png`, Buffer.from(png.base64, 'base64'));
    }
    const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&'));
    // One text a row: "latest（year，measure） = share / 目标 ≥value（deadline）".
    const rowTexts = texts.filter((t) => t.includes('/ 目标 '));
    expect(rowTexts).toHaveLength(numeric.length);
    for (const row of numeric) {
      const item = data.progress.find((p) => p.label === row.target.titleZh);
      expect(item, row.target.code).toBeDefined();
      expect(item!.status, row.target.code).toBe(row.status);
      expect(item!.comparator, row.target.code).toBe(row.target.comparator);
      expect(item!.actual === null ? null : { year: item!.actualYear, value: item!.actual, bound: item!.bound ?? 'exact' }, row.target.code).toEqual(row.latest);
      // Digit grouping is the chart's number format (5000家 on a chart, 5,000家 in the table).
      const ungrouped = (text: string) => text.replace(/(\d),(?=\d{3})/g, '$1');
      const sign = row.target.comparator === '=' ? '' : comparatorSign(row.target.comparator);
      const target = `/ 目标 ${sign}${ungrouped(formatWithUnit(row.target.value, row.target.unit, 'zh'))}（${row.target.deadline}年）`;
      const latest = row.latest ? `${ungrouped(formatBounded(row.latest.value, row.target.unit, row.latest.bound, 'zh'))}（${row.latest.year}年` : '无数据 ';
      const measure = row.latest && row.measure ? `，${row.measure.nameZh}` : '';
      expect(rowTexts.filter((t) => t.startsWith(latest) && t.includes(measure) && t.endsWith(target)), `${row.target.code}: ${latest} … ${target}`).toHaveLength(1);
      if (row.status !== 'no-data') expect(texts, row.target.code).toContain(translate('zh', `monitor.status.${row.status}`));
    }
  });
});

describe('bounds and comparators in the data files', () => {
  it('chart 09: each target row says its comparator, as the chart does', async () => {
    const chart = await starterChart(service, 'target-progress');
    const data = await call<ChartData>(service, 'charts.data', { spec: chart.spec });
    const rows = chartRows(chart.spec as unknown as ChartSpec, data);
    const scale = rows.find((r) => r.series === '数字经济总量达到万亿级规模')!;
    expect(scale.note).toContain('目标：达到或超过（≥）');
    const share = rows.find((r) => r.series === '数字经济占GDP比重达到40%以上')!;
    expect(share.note).toContain('目标：超过（>）');
  });

  it('tornado: the base grown from 超6000亿元 is a lower bound in the chart and in its data file', async () => {
    const chart = await starterChart(service, 'tornado');
    const data = await call<ChartData>(service, 'charts.data', { spec: chart.spec });
    expect(data.bars).toMatchObject({ kind: 'tornado', bound: 'lower' });
    for (const row of chartRows(chart.spec as unknown as ChartSpec, data)) expect(row.bound, row.series).toBe('下限（≥）');
    const file = await call<ExportedFile>(service, 'export.chart', { id: chart.id, format: 'svg' });
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toMatch(/基准 ≥\d/);
  });
});
