// Exports through the API, read back: one chart to PNG (signature, pixel size from the DPI, pHYs),
// SVG (title, source), PDF (pages), PPTX (native chart part with the workspace's values); a briefing
// pack as a background job: progress that only goes up, the ZIP's files, and cancellation that
// leaves no temporary folder.
import JSZip from 'jszip';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTempRoot } from '../../../electron/backend/export/handlers';
import { readChunks } from '../../../electron/backend/export/png-chunks';
import type { WorkbenchService } from '../../../electron/backend/service';
import type { ExportedFile, JobStatus } from '../../../shared/api/jobs-contract';
import { tempService } from '../../helpers/temp';
import { decodePng, inkIn } from '../export/support';
import { call, callError, starterChart } from './support';

let service: WorkbenchService;
beforeAll(() => {
  service = tempService().service;
});
afterAll(() => service.close());

const bytesOf = (file: ExportedFile) => Buffer.from(file.base64, 'base64');

async function exportFile(input: Record<string, unknown>): Promise<{ file: ExportedFile; bytes: Buffer }> {
  const file = await call<ExportedFile>(service, 'export.chart', input);
  return { file, bytes: bytesOf(file) };
}

describe('export.chart', () => {
  it('PNG: signature, the pixel size the DPI implies, pHYs, and ink', async () => {
    const chart = await starterChart(service, 'regional-comparison');
    for (const dpi of [96, 192]) {
      const { file, bytes } = await exportFile({ id: chart.id, format: 'png', dpi });
      expect(file).toMatchObject({ fileName: '川渝地区生产总值.png', mime: 'image/png' });
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      const png = decodePng(bytes);
      expect([png.width, png.height]).toEqual([960 * (dpi / 96), 540 * (dpi / 96)]);
      const phys = readChunks(bytes).find((c) => c.type === 'pHYs')!;
      expect(phys.data.readUInt32BE(0)).toBe(Math.round(dpi / 0.0254));
      expect(inkIn(png)).toBeGreaterThan(1000);
    }
  });

  it('PNG at a custom size, transparent', async () => {
    const chart = await starterChart(service, 'share-of-gdp');
    const { bytes } = await exportFile({ id: chart.id, format: 'png', background: 'transparent', size: { preset: 'custom', width: 800, height: 600, unit: 'px', dpi: 96 } });
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([800, 600]);
    expect(png.data[3]).toBe(0);
  });

  it('SVG: the title, the source note and the provenance of the data', async () => {
    const chart = await starterChart(service, 'share-of-gdp');
    const { file, bytes } = await exportFile({ id: chart.id, format: 'svg' });
    const svg = bytes.toString('utf8');
    expect(file.mime).toBe('image/svg+xml');
    expect(svg).toContain('<title>数字经济占GDP比重：重庆与全国</title>');
    expect(svg).toContain('中国信息通信研究院');
    expect(svg).toContain('口径变化');
    expect(svg).toMatch(/&#34;asOf&#34;:&#34;\d{4}-\d{2}-\d{2}&#34;/);
  });

  it('an unsaved spec exports too, the same bytes as once saved', async () => {
    const spec = { template: 'indicator-series', title: '全国数字经济规模', bindings: { indicators: ['de_scale'], regions: ['CN'] } };
    const unsaved = await exportFile({ spec, format: 'svg' });
    const saved = await call<{ id: number }>(service, 'charts.save', { spec });
    const again = await exportFile({ id: saved.id, format: 'svg' });
    expect(again.bytes.equals(unsaved.bytes)).toBe(true);
  });

  it('PDF: one page at the chart size', async () => {
    const chart = await starterChart(service, 'target-trajectory');
    const { file, bytes } = await exportFile({ id: chart.id, format: 'pdf' });
    const text = bytes.toString('latin1');
    expect(file.mime).toBe('application/pdf');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(/\/MediaBox \[0 0 720 405\]/);
  });

  it('PPTX: a native chart part holding the workspace figures', async () => {
    const chart = await starterChart(service, 'regional-comparison');
    const { bytes } = await exportFile({ id: chart.id, format: 'pptx' });
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    expect(parts).toHaveLength(1);
    const xml = await zip.file(parts[0]!)!.async('string');
    // 重庆 GDP 2022, 29129.03 亿元, written in the axis unit (万亿元).
    expect(xml).toContain('<c:v>2.912903</c:v>');
    expect(xml).toContain('<c:v>重庆</c:v>');
    expect(await zip.file('ppt/slides/slide1.xml')!.async('string')).toContain('地区生产总值：重庆、四川、成都');
  });

  it('PPTX: a bound and the measure of every series named in the series names, as no point is labelled and no break is marked', async () => {
    const chart = await starterChart(service, 'share-of-gdp');
    const { bytes } = await exportFile({ id: chart.id, format: 'pptx' });
    const zip = await JSZip.loadAsync(bytes);
    const part = Object.keys(zip.files).find((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))!;
    const xml = await zip.file(part)!.async('string');
    // The names as a reader sees them (the XML writes > as &gt;).
    const names = [...xml.matchAll(/<c:tx>\s*<c:strRef>.*?<c:v>(.*?)<\/c:v>/gs)].map((m) => m[1]!.replaceAll('&gt;', '>'));
    // Two measures are drawn: each stretch and series names its own, the first stretch of 重庆 too.
    expect(names).toEqual([
      '重庆（重庆市此前口径；2020年为下限值）',
      '重庆（2022年起为信通院广义口径）',
      '全国（信通院广义口径）',
      '目标：>40.0%（2022年，信通院广义口径）',
      '目标：>50.0%（2027年，信通院广义口径）',
    ]);
  });

  it('PPTX: a scenario\'s base year is no projected year, and series say what the image\'s legend says', async () => {
    const chartXml = async (template: string) => {
      const { bytes } = await exportFile({ id: (await starterChart(service, template)).id, format: 'pptx' });
      const zip = await JSZip.loadAsync(bytes);
      const xml = await zip.file(Object.keys(zip.files).find((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))!)!.async('string');
      const first = xml.split('<c:ser>')[1]!;
      return {
        names: [...xml.matchAll(/<c:tx>\s*<c:strRef>.*?<c:v>(.*?)<\/c:v>/gs)].map((m) => m[1]),
        categories: [...first.split('<c:cat>')[1]!.split('</c:cat>')[0]!.matchAll(/<c:v>(.*?)<\/c:v>/g)].map((m) => m[1]),
      };
    };
    // The stacked parts start from the scenario's 2020 base (超6000亿元), which no actual part draws:
    // 2020 is the base, not an estimate.
    const stacked = await chartXml('stacked-components');
    expect(stacked.categories).toEqual(['2020', '2021E', '2022E']);
    // One pair of brackets per name: the notes join the basis inside it. The parts carry no bound (their
    // split is illustrative); their total is the scenario's, resting on the lower bound ≥6000亿元.
    expect(stacked.names).toEqual(['数字产业化（示意）', '产业数字化（示意）', '合计（2020—2022年为下限值）']);
    // Two units: each series names the axis it reads on, as the legend of the PNG does.
    const twoAxes = await chartXml('indicator-series');
    expect(twoAxes.names).toEqual(['数字经济规模（左轴）', '数字经济占GDP比重（右轴）']);
  });

  it('turns export failures into translated errors', async () => {
    const noData = await callError(service, 'export.chart', { spec: { template: 'indicator-series', title: '空图', bindings: { indicators: ['gdp'], regions: ['CQ'], years: { from: 1990, to: 1991 } } }, format: 'svg' });
    expect(noData).toMatchObject({ code: 'chart.build.NO_DATA', params: { chart: '空图' } });
    expect(noData.message).toContain('图表“空图”没有可画的数据');
    expect((await callError(service, 'export.chart', { id: 1, spec: {}, format: 'png' })).code).toBe('error.badRequest');
    expect((await callError(service, 'export.chart', { id: 424242, format: 'png' })).code).toBe('chart.notFound');
  });
});

async function waitFor(id: string, seen: JobStatus[] = []): Promise<JobStatus> {
  for (;;) {
    const status = await call<JobStatus>(service, 'jobs.get', { id });
    seen.push(status);
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('export.briefing', () => {
  it('runs as a job with rising progress and yields one ZIP of the pack', async () => {
    const [briefing] = await call<Array<{ id: number; charts: number }>>(service, 'briefings.list', {});
    const started = await call<JobStatus>(service, 'export.briefing', { id: briefing!.id, dpi: 96 });
    expect(started).toMatchObject({ kind: 'export.briefing', state: 'running' });
    const seen: JobStatus[] = [];
    const done = await waitFor(started.id, seen);
    expect(done.state).toBe('done');
    expect(done.fileName).toBe('示例简报.zip');
    const fractions = seen.map((s) => s.done / s.total);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(new Set(seen.map((s) => s.step)).size).toBeGreaterThan(1);
    expect(seen.every((s) => s.step.startsWith('job.step.'))).toBe(true);

    const file = await call<ExportedFile>(service, 'jobs.file', { id: started.id });
    expect(file.mime).toBe('application/zip');
    const zip = await JSZip.loadAsync(bytesOf(file));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names).toEqual(expect.arrayContaining(['示例简报.pptx', '示例简报.pdf', '示例简报-data.xlsx']));
    for (const ext of ['png', 'svg', 'csv']) expect(names.filter((n) => n.startsWith('charts/') && n.endsWith(`.${ext}`))).toHaveLength(briefing!.charts);
    const pdf = Buffer.from(await zip.file('示例简报.pdf')!.async('uint8array')).toString('latin1');
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(briefing!.charts);
    const csv = await zip.file(names.find((n) => n.endsWith('.csv') && n.includes('川渝'))!)!.async('string');
    // 重庆 2022 GDP 29129.03亿元, in the chart's unit (万亿元), every digit kept.
    expect(csv).toContain('重庆,实际,公布,万亿元,2022,2.912903,');
    // Each value says whether it is a bound and on which measure: 重庆 2020 "超过25%" is a lower bound.
    const share = await zip.file(names.find((n) => n.endsWith('.csv') && n.includes('占GDP比重'))!)!.async('string');
    expect(share.split('\r\n')[0]).toContain(',数值,数值界限,统计口径,');
    expect(share).toContain(',2020,25,下限（≥）,重庆市此前口径,');
    expect(share).toContain(',2022,45.4,确数,信通院广义口径,');
    expect(fs.readdirSync(exportTempRoot(service))).toEqual([]);
  });

  it('leaves no temporary folder when cancelled', async () => {
    const [briefing] = await call<Array<{ id: number }>>(service, 'briefings.list', {});
    const root = exportTempRoot(service);
    const started = await call<JobStatus>(service, 'export.briefing', { id: briefing!.id, dpi: 300 });
    // Wait until the job has made its temporary folder and begun, then cancel.
    for (let i = 0; i < 500 && !(fs.existsSync(root) && fs.readdirSync(root).length); i++) await new Promise((r) => setTimeout(r, 10));
    expect(fs.readdirSync(root)).toHaveLength(1);
    const cancelled = await call<JobStatus>(service, 'jobs.cancel', { id: started.id });
    expect(cancelled.state).toBe('cancelled');
    for (let i = 0; i < 500 && fs.readdirSync(root).length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(fs.readdirSync(root)).toEqual([]);
    expect((await callError(service, 'jobs.file', { id: started.id })).code).toBe('job.noFile');
  });

  it('refuses an empty briefing and an unknown one at once', async () => {
    const empty = await call<{ id: number }>(service, 'briefings.save', { name: '空简报', items: [] });
    expect(await callError(service, 'export.briefing', { id: empty.id })).toMatchObject({ code: 'export.emptyBriefing', message: '简报“空简报”中没有图表，无法导出' });
    expect((await callError(service, 'export.briefing', { id: 9999 })).code).toBe('briefing.notFound');
  });
});
