// The PPTX says what the PNG says: title placeholders, document properties naming the workbench,
// the East Asian font with its class on chart text, the image's marker per series and dashed
// projections, end/target/value labels, fan legend by band, aligned dual axes, image slides laid out
// for their box; and LibreOffice opens the deck and renders every slide.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { OFFICE_FONT, renderPptx, slideImageSpec } from '../../../electron/backend/export/pptx';
import { fan, indicator, progress, stacked, trajectory, waterfall } from '../../fixtures/charts/briefing';
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
    const series = seriesOf(await chartXml(await deck([itemOf(trajectory)])));
    // Actual, two projections, the target: circle, square, triangle as the image; the target flat.
    expect(series.map((s) => attr(s, /<c:symbol val="(\w+)"/))).toEqual(['circle', 'square', 'triangle', 'none']);
    expect(series.map((s) => attr(s, /<a:prstDash val="(\w+)"/))).toEqual(['solid', 'dash', 'dash', 'sysDash']);
    // The actual line continues into the projections: only their ends are labelled.
    expect(series[0]).not.toContain('<c:dLbl>');
    expect(series[2]).toMatch(/<c:dLbl><c:idx val="7"\/><c:tx><c:rich>.*<a:t>4128\.2亿元<\/a:t>.*<c:dLblPos val="r"\/>/s);
    expect(series[3]).toContain('<a:t>2027年目标 4000.0亿元</a:t>');
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
      for (const item of packItems) expect(pdfText.replace(/\s+/g, '')).toContain(item.spec.title.replace(/\s+/g, ''));
    },
    180_000,
  );
});
