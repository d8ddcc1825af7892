// The PPTX says what the PNG says: title placeholders, document properties naming the workbench,
// the East Asian font with its class on chart text, the image's marker per series and dashed
// projections, end/target/value labels, fan legend by band, aligned dual axes, image slides laid out
// for their box, deadlines, 口径变化 and the 预测期 as shapes on their years of the plot, the embedded
// workbooks naming the workbench; and LibreOffice opens the deck and renders every slide.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { OFFICE_FONT, renderPptx, slideImageSpec } from '../../../electron/backend/export/pptx';
import { fan, indicator, progress, share, stacked, trajectory, waterfall, type FixtureChart } from '../../fixtures/charts/briefing';
import { app, itemOf, packItems, tempDir } from './support';

type Zip = Awaited<ReturnType<typeof JSZip.loadAsync>>;

async function deck(items = packItems, title = '数字经济沙龙简报'): Promise<Zip> {
  return JSZip.loadAsync(await renderPptx(items, { app, title }));
}

async function chartXml(zip: Zip): Promise<string> {
  const [part] = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
  return zip.file(part!)!.async('string');
}

/** Each <c:ser> of a chart part, up to its end. */
function seriesOf(xml: string): string[] {
  return xml
    .split('<c:ser>')
    .slice(1)
    .map((s) => s.slice(0, s.indexOf('</c:ser>')));
}

const attr = (xml: string, pattern: RegExp): string | undefined => pattern.exec(xml)?.[1];

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A shape of a slide by its name, in EMU. */
function shapeNamed(slide: string, name: string): Rect {
  const sp = [...slide.matchAll(/<p:sp>.*?<\/p:sp>/gs)].map((m) => m[0]).find((x) => x.includes(`name="${name}"`));
  expect(sp, name).toBeDefined();
  const [, x, y, w, h] = /<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp!)!.map(Number);
  return { x: x!, y: y!, w: w!, h: h! };
}

/**
 * Where the chart puts a year, read from the package alone: the graphic frame on the slide, the
 * chart's manual inner-plot layout, its categories and whether they sit on the edges (midCat).
 */
function yearPlace(slide: string, chart: string): { plot: Rect; at: (year: number) => number } {
  const [, fx, fy, fw, fh] = /<p:xfrm><a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/><\/p:xfrm>/.exec(slide)!.map(Number);
  const layout = /<c:manualLayout>(.*?)<\/c:manualLayout>/s.exec(chart)![1]!;
  expect(layout).toMatch(/<c:layoutTarget val="inner"/);
  const f = (k: string) => Number(attr(layout, new RegExp(`<c:${k} val="([\\d.]+)"`)));
  const plot = { x: fx! + f('x') * fw!, y: fy! + f('y') * fh!, w: f('w') * fw!, h: f('h') * fh! };
  const cat = /<c:cat>.*?<\/c:cat>/s.exec(chart)![0];
  const n = Number(attr(cat, /<c:ptCount val="(\d+)"/));
  const first = Number(attr(cat, /<c:v>(\d{4})/));
  const onEdges = attr(chart, /<c:crossBetween val="(\w+)"/) === 'midCat';
  return { plot, at: (year) => plot.x + (onEdges ? ((year - first) * plot.w) / (n - 1) : ((year - first + 0.5) * plot.w) / n) };
}

/** EMU: 0.005 in. */
const NEAR = 4600;

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('PPTX parity with the image', () => {
  it('puts each chart title in the slide title placeholder of a master that has one', async () => {
    const zip = await deck();
    for (const [i, item] of packItems.entries()) {
      const slide = await zip.file(`ppt/slides/slide${i + 1}.xml`)!.async('string');
      const title = /<p:sp>(?:(?!<\/p:sp>).)*<p:ph type="title"\/>(?:(?!<\/p:sp>).)*<\/p:sp>/s.exec(slide)?.[0];
      expect(title).toContain(`<a:t>${item.spec.title}</a:t>`);
    }
    const layouts = await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(layouts.some((l) => l.includes('<p:ph type="title"/>'))).toBe(true);
  });

  it('names the workbench, not PowerPoint, and carries title, author, sources and slide titles', async () => {
    const zip = await deck([itemOf(trajectory), itemOf(fan)]);
    const appXml = await zip.file('docProps/app.xml')!.async('string');
    expect(attr(appXml, /<Application>([^<]*)<\/Application>/)).toBe('digital-economy-workbench 0.1.0-test');
    expect(appXml).not.toMatch(/Microsoft Office|PowerPoint|Arial|Calibri|Slide 1/);
    expect(appXml).toContain(`<vt:lpstr>${trajectory.spec.title}</vt:lpstr>`);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>数字经济沙龙简报</dc:title>');
    expect(core).toContain('<dc:language>zh-CN</dc:language>');
    expect(attr(core, /<dc:subject>([^<]*)<\/dc:subject>/)).toContain('重庆邮电大学');
    expect(attr(core, /<cp:keywords>([^<]*)<\/cp:keywords>/)).toContain('基准情景 v3, 加速情景 v1');
    expect(core).not.toContain('PptxGenJS');
    const organised = await deck([itemOf({ ...trajectory, spec: { ...trajectory.spec, organisation: '重庆数字经济研究所' } })]);
    expect(await organised.file('docProps/core.xml')!.async('string')).toContain('<dc:creator>重庆数字经济研究所</dc:creator>');
  });

  it('gives chart text, slide text and the theme the East Asian font with its class', async () => {
    const zip = await deck([itemOf(trajectory)]);
    const ea = `<a:ea typeface="${OFFICE_FONT}" panose="020B0503020204020204" pitchFamily="34" charset="-122"/>`;
    const xml = await chartXml(zip);
    expect(xml.match(/<a:latin [^>]*\/>/g)!.length).toBe(xml.split(ea).length - 1);
    expect(await zip.file('ppt/slides/slide1.xml')!.async('string')).toContain(ea);
    const theme = await zip.file('ppt/theme/theme1.xml')!.async('string');
    expect(theme).toContain(ea);
    expect(theme).toContain(`<a:font script="Hans" typeface="${OFFICE_FONT}"/>`);
  });

  it('draws the image\'s marker per series, dashes projections, and labels line ends and targets', async () => {
    const zip = await deck([itemOf(trajectory)]);
    const series = seriesOf(await chartXml(zip));
    // Actual, two projections, the target: circle, square, triangle as the image; the target flat.
    expect(series.map((s) => attr(s, /<c:symbol val="(\w+)"/))).toEqual(['circle', 'square', 'triangle', 'none']);
    expect(series.map((s) => attr(s, /<a:prstDash val="(\w+)"/))).toEqual(['solid', 'dash', 'dash', 'sysDash']);
    // The actual line continues into the projections: only their ends are labelled.
    expect(series[0]).not.toContain('<c:dLbl>');
    expect(series[2]).toMatch(/<c:dLbl><c:idx val="7"\/><c:tx><c:rich>.*<a:t>4128\.2亿元<\/a:t>.*<c:dLblPos val="r"\/>/s);
    // The target's label goes beside its line on the slide, on one line (pptx-fidelity.test.ts).
    expect(series[3]).not.toContain('<c:dLbl>');
    expect(await zip.file('ppt/slides/slide1.xml')!.async('string')).toContain('<a:t>2027年目标：≥4000.0亿元</a:t>');
  });

  it('dashes the projected total, with one legend entry for the total', async () => {
    const xml = await chartXml(await deck([itemOf(stacked)]));
    const series = seriesOf(xml);
    const totals = series.slice(2, 4);
    expect(totals.map((s) => attr(s, /<a:prstDash val="(\w+)"/))).toEqual(['solid', 'dash']);
    expect(totals.map((s) => attr(s, /<c:symbol val="(\w+)"/))).toEqual(['circle', 'circle']);
    expect(xml).toContain('<c:legendEntry><c:idx val="2"/><c:delete val="1"/></c:legendEntry>');
  });

  it('names the fan\'s slices by band and keeps each band once in the legend', async () => {
    const xml = await chartXml(await deck([itemOf(fan)]));
    const names = seriesOf(xml).slice(0, 4).map((s) => attr(s, /<c:tx>.*?<c:v>([^<]*)<\/c:v>/s));
    expect(names[1]).toMatch(/90%.*P5–P95/);
    expect(names[2]).toMatch(/50%.*P25–P75/);
    expect(names[3]).toBe(names[1]);
    const hidden = [...xml.matchAll(/<c:legendEntry><c:idx val="(\d+)"\/><c:delete val="1"\/>/g)].map((m) => m[1]);
    expect(hidden).toEqual(['0', '3']);
  });

  it('writes the waterfall\'s values above its bars, "≥" on a bound, through a hidden stroke-less carrier', async () => {
    const xml = await chartXml(await deck([itemOf(waterfall)]));
    const carrier = seriesOf(xml).at(-1)!;
    expect(carrier).toContain('<a:ln><a:noFill/></a:ln>');
    expect(carrier).toContain('<c:symbol val="none"/>');
    const labels = [...carrier.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
    expect(labels).toHaveLength(waterfall.data.bars!.kind === 'waterfall' ? waterfall.data.bars!.steps.length : 0);
    expect(labels.slice(1, -1).every((l) => /^[+−-]/.test(l!))).toBe(true);
    expect(xml).toContain(`<c:legendEntry><c:idx val="4"/><c:delete val="1"/></c:legendEntry>`);
  });

  it('gives both axes of a dual-axis chart the same count of steps from zero', async () => {
    const xml = await chartXml(await deck([itemOf(indicator)]));
    const axes = [...xml.matchAll(/<c:valAx>(.*?)<\/c:valAx>/gs)].map((m) => m[1]!);
    expect(axes).toHaveLength(2);
    const steps = axes.map((a) => {
      const max = Number(attr(a, /<c:max val="([\d.]+)"/));
      const unit = Number(attr(a, /<c:majorUnit val="([\d.]+)"/));
      expect(Number(attr(a, /<c:min val="([\d.]+)"/))).toBe(0);
      return max / unit;
    });
    expect(steps[0]).toBe(steps[1]);
    expect(Number.isInteger(steps[0])).toBe(true);
  });

  it.each<[string, FixtureChart, Array<[string, number]>, number]>([
    // Lines: years in the middle of their bands; the break between 2021 and 2022, the two deadlines.
    ['share of GDP', share, [['口径变化', 2021.5], ['2022年期限', 2022], ['2027年期限', 2027]], 2023],
    // Stacked areas: years on the plot's edges, as the image draws them.
    ['stacked areas', stacked, [['2022年期限', 2022]], 2023],
  ])('draws the %s chart\'s deadlines, 口径变化 and 预测期 on their years of the plot', async (_name, chart, lines, firstProjected) => {
    const zip = await deck([itemOf(chart)]);
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
    const { plot, at } = yearPlace(slide, await chartXml(zip));
    for (const [name, year] of lines) {
      const line = shapeNamed(slide, name);
      expect(Math.abs(line.x - at(year)), name).toBeLessThan(NEAR);
      expect(line.w).toBe(0);
      expect(Math.abs(line.y - plot.y)).toBeLessThan(NEAR);
      expect(Math.abs(line.h - plot.h)).toBeLessThan(NEAR);
      expect(slide).toContain(`<a:t>${name}</a:t>`);
    }
    // The 预测期 from half a year before the first projected year to the plot's end, behind the chart.
    const shade = shapeNamed(slide, '预测期');
    expect(Math.abs(shade.x - at(firstProjected - 0.5))).toBeLessThan(NEAR);
    expect(Math.abs(shade.x + shade.w - (plot.x + plot.w))).toBeLessThan(NEAR);
    expect(slide.indexOf('name="预测期"')).toBeLessThan(slide.indexOf('<p:graphicFrame>'));
    expect(slide).toContain('<a:t>预测期</a:t>');
  });

  it('draws no shaded period over bars and no marks on a waterfall', async () => {
    const slide = await (await deck([itemOf(waterfall)])).file('ppt/slides/slide1.xml')!.async('string');
    expect(slide).not.toMatch(/name="(预测期|口径变化|\d{4}年期限)"/);
  });

  it('names the workbench as creator of each chart\'s embedded workbook', async () => {
    const zip = await deck([itemOf(trajectory), itemOf(stacked)]);
    const books = Object.keys(zip.files).filter((f) => /^ppt\/embeddings\/.*\.xlsx$/.test(f));
    expect(books).toHaveLength(2);
    for (const name of books) {
      const book = await JSZip.loadAsync(await zip.file(name)!.async('uint8array'));
      const core = await book.file('docProps/core.xml')!.async('string');
      expect(attr(core, /<dc:creator>([^<]*)</)).toBe('digital-economy-workbench 0.1.0-test');
      expect(core).not.toContain('PptxGenJS');
      expect(await book.file('docProps/app.xml')!.async('string')).toContain('<Application>digital-economy-workbench 0.1.0-test</Application>');
    }
  });

  it('lays out a picture slide\'s chart for its box, so the picture fills it at its own aspect', async () => {
    const spec = slideImageSpec(progress.spec);
    expect(spec.size).toEqual({ preset: 'custom', width: 1184, height: 494, unit: 'px', dpi: 96 });
    const zip = await deck([itemOf(progress)]);
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
    const pic = /<p:pic>.*?<a:ext cx="(\d+)" cy="(\d+)"\/>/s.exec(slide)!;
    // 12.33 in × 5.15 in in EMU, to the rounding of the chart's pixel size.
    expect(Number(pic[1]) / 914400).toBeCloseTo(12.33, 1);
    expect(Number(pic[2]) / 914400).toBeCloseTo(5.15, 1);
  });

  // LibreOffice is installed by .ci/run: in CI a missing one fails this test rather than skipping it.
  it.skipIf(!hasSoffice() && !process.env.CI)(
    'opens in LibreOffice with every slide rendered',
    async () => {
      const dir = tempDir();
      const file = join(dir, 'deck.pptx');
      writeFileSync(file, await renderPptx(packItems, { app, title: '数字经济沙龙简报' }));
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
      execFileSync('pdftoppm', ['-r', '30', '-png', join(dir, 'deck.pdf'), join(dir, 'slide')]);
      expect(readdirSync(dir).filter((f) => /^slide-\d+\.png$/.test(f))).toHaveLength(packItems.length);
      const pdfText = execFileSync('pdftotext', [join(dir, 'deck.pdf'), '-']).toString();
      const flat = pdfText.replace(/\s+/g, '');
      for (const item of packItems) expect(flat).toContain(item.spec.title.replace(/\s+/g, ''));
      for (const mark of ['2027年期限', '2022年期限', '口径变化', '预测期']) expect(flat).toContain(mark);
    },
    180_000,
  );
});
