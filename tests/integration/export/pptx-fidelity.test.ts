// What the PowerPoint deck says where the image says it, read from the package and from LibreOffice's
// rendering: a total summed from components that carry no bound says the bound of the scenario's
// base; a series' stretches on two measures have legend keys a reader can tell apart; the target
// lines' labels are on one line each, clear of each other and of the other texts, on 16:9 and on 4:3
// slides (a deck is 4:3 when its charts are made for a 4:3 slide).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderPptx } from '../../../electron/backend/export/pptx';
import type { BriefingItem } from '../../../electron/backend/export/types';
import type { ChartData } from '../../../shared/charts/data';
import { fan, share, stacked, trajectory, type FixtureChart } from '../../fixtures/charts/briefing';
import { app, itemOf, tempDir } from './support';

type Zip = Awaited<ReturnType<typeof JSZip.loadAsync>>;
type Size = 'slide-16x9' | 'slide-4x3';

const EMU = 914400;

function sized(chart: FixtureChart, size: Size): BriefingItem {
  return { ...itemOf(chart), spec: { ...chart.spec, size: { preset: size } } };
}

async function deck(items: BriefingItem[]): Promise<Zip> {
  return JSZip.loadAsync(await renderPptx(items, { app, title: '简报' }));
}

const read = (zip: Zip, name: string): Promise<string> => zip.file(name)!.async('string');

/** The chart parts in slide order. */
async function chartXmls(zip: Zip): Promise<string[]> {
  const parts = Object.keys(zip.files)
    .filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return Promise.all(parts.map((p) => read(zip, p)));
}

interface Series {
  name: string;
  color: string;
  marker: string;
  xml: string;
}

const decode = (s: string): string => s.replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&amp;', '&');

function seriesOf(xml: string): Series[] {
  return xml
    .split('<c:ser>')
    .slice(1)
    .map((s) => s.slice(0, s.indexOf('</c:ser>')))
    .map((s) => ({
      name: decode(/<c:tx>.*?<c:v>([^<]*)<\/c:v>/s.exec(s)![1]!),
      color: /<c:spPr>.*?<a:srgbClr val="([0-9A-F]{6})"/s.exec(s)![1]!,
      marker: /<c:symbol val="(\w+)"/.exec(s)?.[1] ?? 'none',
      xml: s,
    }));
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface TextShape {
  text: string;
  box: Rect;
  bodyPr: string;
}

/** The text boxes of a slide, in EMU. */
function textShapes(slide: string): TextShape[] {
  return [...slide.matchAll(/<p:sp>.*?<\/p:sp>/gs)].flatMap(([sp]) => {
    const text = [...sp.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!)).join('');
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp);
    if (!text || !off) return [];
    const [, x, y, w, h] = off.map(Number);
    return [{ text, box: { x: x!, y: y!, w: w!, h: h! }, bodyPr: /<a:bodyPr[^>]*>/.exec(sp)?.[0] ?? '' }];
  });
}

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Where the chart puts a year and a value, from the package alone: the graphic frame, the chart's
 * manual inner-plot layout, its categories (midCat: on the edges) and its fixed value axis.
 */
function place(slide: string, chart: string): { x: (index: number) => number; y: (value: number) => number; n: number } {
  const [, fx, fy, fw, fh] = /<p:xfrm><a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/><\/p:xfrm>/.exec(slide)!.map(Number);
  const layout = /<c:manualLayout>(.*?)<\/c:manualLayout>/s.exec(chart)![1]!;
  const f = (k: string) => Number(new RegExp(`<c:${k} val="([\\d.]+)"`).exec(layout)![1]);
  const plot = { x: fx! + f('x') * fw!, y: fy! + f('y') * fh!, w: f('w') * fw!, h: f('h') * fh! };
  const n = Number(/<c:cat>.*?<c:ptCount val="(\d+)"/s.exec(chart)![1]);
  const onEdges = /<c:crossBetween val="midCat"/.test(chart);
  const valAx = /<c:valAx>(.*?)<\/c:valAx>/s.exec(chart)![1]!;
  const min = Number(/<c:min val="([-\d.]+)"/.exec(valAx)![1]);
  const max = Number(/<c:max val="([-\d.]+)"/.exec(valAx)![1]);
  return {
    n,
    x: (i) => plot.x + (onEdges ? (i * plot.w) / (n - 1) : ((i + 0.5) * plot.w) / n),
    y: (v) => plot.y + plot.h * (1 - (v - min) / (max - min)),
  };
}

/** Each valued point of a series: its category index and value. */
function pointsOf(ser: string): Array<{ idx: number; value: number }> {
  const val = /<c:val>(.*?)<\/c:val>/s.exec(ser)![1]!;
  return [...val.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]+)<\/c:v><\/c:pt>/g)].map((m) => ({ idx: Number(m[1]), value: Number(m[2]) }));
}

describe('PPTX fidelity', () => {
  // The components of a scenario whose base is "超…" carry no bound (their split is illustrative);
  // the data's meta says which scenario rests on a bounded base.
  const bounded: BriefingItem = (() => {
    const item = itemOf(stacked);
    const series = item.data.series.map((s) => (s.kind === 'projection' ? { ...s, scenarioId: 'base' } : s));
    const meta: ChartData['meta'] = { ...item.data.meta, boundedBases: [{ scenario: '基准情景', year: 2023, value: 12320, unit: '亿元', bound: 'lower' }] };
    return { ...item, data: { ...item.data, series, meta } };
  })();

  it('names the projected total of a scenario on a bounded base a lower bound, and writes ≥ on its end label', async () => {
    const [xml] = await chartXmls(await deck([bounded]));
    const totals = seriesOf(xml!).filter((s) => s.name.startsWith('合计'));
    expect(totals.map((t) => t.name)).toEqual(['合计', '合计（2023—2025年为下限值）']);
    expect(totals[1]!.xml).toMatch(/<a:t>≥1\.49万亿元<\/a:t>/);
    // The components stay as they are: no part carries the total's bound.
    expect(seriesOf(xml!).filter((s) => s.name.includes('下限值'))).toHaveLength(1);
    // Without a bounded base, the same total is exact.
    const [plain] = await chartXmls(await deck([itemOf(stacked)]));
    expect(seriesOf(plain!).filter((s) => s.name.startsWith('合计')).map((t) => t.name)).toEqual(['合计', '合计']);
  });

  it('gives a stretch after a definition break its own key in the legend, a shade of its series\' colour', async () => {
    const [xml] = await chartXmls(await deck([itemOf(share)]));
    const series = seriesOf(xml!);
    const cq = series.filter((s) => s.name.startsWith('重庆') && !s.name.includes('示意'));
    expect(cq.map((s) => s.name)).toEqual(['重庆', '重庆（2022年起为新口径）']);
    expect(cq[0]!.color).not.toBe(cq[1]!.color);
    // Lighter, of the same hue: each channel between the series' colour and white.
    const rgb = (hex: string) => [0, 2, 4].map((k) => Number.parseInt(hex.slice(k, k + 2), 16));
    rgb(cq[1]!.color).forEach((c, k) => {
      expect(c).toBeGreaterThan(rgb(cq[0]!.color)[k]!);
      expect(c).toBeLessThan(255);
    });
    // Every data series has a legend key of its own (colour, marker and dash); the targets are told
    // apart by their names and values.
    const keys = series.filter((s) => !s.name.includes('目标')).map((s) => `${s.color}/${s.marker}/${/<a:prstDash val="(\w+)"/.exec(s.xml)?.[1]}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('makes a deck of charts made for a 4:3 slide 4:3, and any other 16:9', async () => {
    const size = async (items: BriefingItem[]) => /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(await read(await deck(items), 'ppt/presentation.xml'))!.slice(1).map(Number);
    expect(await size([sized(share, 'slide-4x3'), sized(trajectory, 'slide-4x3')])).toEqual([10 * EMU, 7.5 * EMU]);
    expect(await size([sized(share, 'slide-4x3'), itemOf(trajectory)])).toEqual([12192000, 6858000]);
  });

  const charts: Array<[string, FixtureChart]> = [
    ['share of GDP', share],
    ['trajectory', trajectory],
    ['stacked areas', stacked],
    ['fan', fan],
  ];
  for (const size of ['slide-16x9', 'slide-4x3'] as const) {
    it.each(charts)(`writes the %s chart's target labels on one line, clear of every other text and of the end labels (${size})`, async (_name, chart) => {
      const zip = await deck([sized(chart, size)]);
      const slide = await read(zip, 'ppt/slides/slide1.xml');
      const [xml] = await chartXmls(zip);
      const slideW = Number(/<p:sldSz cx="(\d+)"/.exec(await read(zip, 'ppt/presentation.xml'))![1]);
      const series = seriesOf(xml!);
      const targets = series.filter((s) => s.name.includes('目标'));
      expect(targets.length).toBeGreaterThan(0);
      const shapes = textShapes(slide);
      const { x, y } = place(slide, xml!);
      // End labels: right of their point, about one line high.
      const endLabels = series.flatMap((s) =>
        [...s.xml.matchAll(/<c:dLbl><c:idx val="(\d+)"\/>.*?<c:dLblPos val="r"\/>/gs)].map((m) => {
          const idx = Number(m[1]);
          const value = pointsOf(s.xml).find((p) => p.idx === idx)!.value;
          return { x: x(idx), y: y(value) - 0.1 * EMU, w: 0.6 * EMU, h: 0.2 * EMU };
        }),
      );
      for (const target of targets) {
        const label = shapes.find((s) => s.text === target.name);
        expect(label, target.name).toBeDefined();
        expect(label!.bodyPr).toContain('wrap="none"');
        // Beside its line: just above or below it.
        const line = y(pointsOf(target.xml)[0]!.value);
        expect(Math.min(Math.abs(label!.box.y + label!.box.h - line), Math.abs(label!.box.y - line))).toBeLessThan(0.1 * EMU);
        expect(label!.box.x).toBeGreaterThanOrEqual(0);
        expect(label!.box.x + label!.box.w).toBeLessThanOrEqual(slideW);
        for (const other of shapes.filter((s) => s !== label)) expect(overlaps(label!.box, other.box), `${label!.text} / ${other.text}`).toBe(false);
        for (const end of endLabels) expect(overlaps(label!.box, end), label!.text).toBe(false);
      }
    });
  }

  // LibreOffice is installed by .ci/run (see pptx-parity.test.ts).
  it.skipIf(!hasSoffice() && !process.env.CI)(
    'renders each target label on one line that no other text touches, in LibreOffice at 16:9 and 4:3',
    async () => {
      const dir = tempDir();
      const items = [...charts.map(([, c]) => sized(c, 'slide-16x9')), ...charts.map(([, c]) => sized(c, 'slide-4x3'))];
      const decks = [items.slice(0, charts.length), items.slice(charts.length)];
      for (const [k, part] of decks.entries()) {
        const file = join(dir, `deck${k}.pptx`);
        writeFileSync(file, await renderPptx(part, { app, title: '简报' }));
        execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
        execFileSync('pdftotext', ['-bbox-layout', join(dir, `deck${k}.pdf`), join(dir, `deck${k}.html`)]);
        const pages = readFileSync(join(dir, `deck${k}.html`), 'utf8').split('<page ').slice(1);
        expect(pages).toHaveLength(part.length);
        for (const [i, page] of pages.entries()) {
          const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/line>/gs)].map((m) => ({
            box: { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]) - Number(m[1]), h: Number(m[4]) - Number(m[2]) },
            text: decode([...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join('')),
          }));
          const targets = part[i]!.data.series.filter((s) => s.kind === 'target');
          expect(targets.length).toBeGreaterThan(0);
          const [xml] = await chartXmls(await deck([part[i]!]));
          for (const name of seriesOf(xml!).filter((s) => s.name.includes('目标')).map((s) => s.name.replace(/\s+/g, ''))) {
            // The legend names the target line too: the label is the other line of the same text, below it.
            const same = lines.filter((l) => l.text === name).sort((a, b) => a.box.y - b.box.y);
            expect(same, `${name} on one line (slide ${i + 1}, deck ${k})`).toHaveLength(2);
            const line = same[1];
            // A little slack for the fonts' ascent and descent, which pdftotext counts in a line's box.
            const inset = { x: line!.box.x + 1, y: line!.box.y + 2, w: line!.box.w - 2, h: line!.box.h - 4 };
            for (const other of lines.filter((l) => l !== line)) expect(overlaps(inset, other.box), `${name} / ${other.text}`).toBe(false);
          }
        }
      }
    },
    240_000,
  );
});

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
