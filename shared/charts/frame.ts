// The briefing frame every template shares: title block, legend, source and footnote lines,
// organisation and date, fonts sized for the output, and a tooltip that never renders data as HTML.
import type { EChartsOption, GraphicComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts';
import type { ChartData } from './data';
import { wordsFor, type Words } from './labels';
import { decideUnit, formatBoundedValue, formatValue, labelledUnit, unitWordsInChartUnits, type UnitDecision, type ValueStyle } from './number-format';
import { paletteFor, type Palette } from './palette';
import { resolveSize, type ChartSpec } from './spec';
import { measured, measuresIn } from './target-measure';

/**
 * The font stack of every text element. Exports replace the first family with the font they embed;
 * the fallbacks keep the preview and hand-opened SVGs readable on Windows and macOS.
 */
export const DEFAULT_FONT_STACK = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export interface BuildEnv {
  /** CSS font-family list written on every text element. */
  fontFamily: string;
  /**
   * Leave out title, subtitle and footer: for a slide whose own text boxes carry them, so the chart
   * image does not repeat them.
   */
  plotOnly?: boolean;
}

export interface FrameMetrics {
  width: number;
  height: number;
  /**
   * A small canvas (a report column, under 480×340 px): tighter title, legend and footer, the footer
   * as one paragraph, so the plot keeps most of the height.
   */
  compact: boolean;
  /** Body text: axis labels, legend. */
  font: number;
  titleFont: number;
  subtitleFont: number;
  smallFont: number;
  pad: number;
}

export interface Frame {
  spec: ChartSpec;
  data: ChartData;
  palette: Palette;
  words: Words;
  style: ValueStyle;
  metrics: FrameMetrics;
  fontFamily: string;
  plotOnly: boolean;
  /**
   * The most steps a value axis may take (niceAxis): unlimited by default; a short or narrow plot
   * takes fewer so its tick labels stand apart (buildOption measures the plot and sets them).
   */
  axisSteps: AxisSteps;
}

/** Most steps of the vertical value axes (y) and of a horizontal one (x). */
export interface AxisSteps {
  y: number;
  x: number;
}

export const DEFAULT_AXIS_STEPS: AxisSteps = { y: Infinity, x: Infinity };

const presetFont = { 'slide-16x9': 14, 'slide-4x3': 14, 'a4-half': 11, 'report-column': 9 } as const;

function frameMetrics(spec: ChartSpec): FrameMetrics {
  const { width, height } = resolveSize(spec.size);
  const font =
    spec.size.preset === 'custom'
      ? Math.max(9, Math.min(16, Math.round(Math.min(width / 68, height / 38))))
      : presetFont[spec.size.preset];
  const compact = width < 480 || height < 340;
  return {
    width,
    height,
    compact,
    font,
    titleFont: Math.round(font * (compact ? 1.3 : 1.45)),
    subtitleFont: compact ? font : Math.round(font * 1.05),
    smallFont: Math.max(8, Math.round(font * 0.85)),
    pad: Math.round(font * (compact ? 0.8 : 1.2)),
  };
}

/**
 * Every value the chart draws, by unit: series points in the year range (targets too: their lines are
 * drawn), band edges, the heights stacked components reach, the waterfall's running totals and steps,
 * and the tornado's results. (Each target-progress row is decided on its own: progressStyle.)
 */
function drawnValues(spec: ChartSpec, data: ChartData): Map<string, number[]> {
  const range = spec.bindings.years;
  const inRange = (year: number): boolean => !range || (year >= range.from && year <= range.to);
  const out = new Map<string, number[]>();
  const add = (unit: string, ...values: Array<number | null | undefined>): void => {
    const list = out.get(unit) ?? out.set(unit, []).get(unit)!;
    for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) list.push(v);
  };
  for (const s of data.series) for (const p of s.points) if (inRange(p.year)) add(s.unit, p.value);
  for (const b of data.bands) for (const p of b.points) if (inRange(p.year)) add(b.unit, p.low, p.high);
  if (spec.template === 'stacked-components') {
    // Actual and projected years stack separately (see the template).
    const sums = new Map<string, { unit: string; sum: number }>();
    for (const s of data.series.filter((x) => x.kind !== 'target')) {
      for (const p of s.points) {
        if (p.value === null || !inRange(p.year)) continue;
        const key = `${s.kind}|${s.unit}|${p.year}`;
        const entry = sums.get(key) ?? sums.set(key, { unit: s.unit, sum: 0 }).get(key)!;
        entry.sum += p.value;
      }
    }
    for (const { unit, sum } of sums.values()) add(unit, sum);
  }
  const bars = data.bars;
  if (bars?.kind === 'tornado') add(bars.unit, bars.base, ...bars.items.flatMap((i) => [i.low, i.high]));
  if (bars?.kind === 'waterfall') {
    let running = 0;
    for (const step of bars.steps) {
      running = step.role === 'total' ? step.value : running + step.value;
      add(bars.unit, step.value, running);
    }
  }
  return out;
}

/**
 * A target-progress row's numbers: its latest value and target in one decision of their own. Each row
 * reads against its own target (the bar is a share of it), so 1.3万亿元 / 1.0万亿元 and 2240.6亿元 /
 * 4000.0亿元 stand in one chart, each row in one unit.
 */
/** The style one value is written in alone: its own scale and digits (4000亿元 beside 2240.6亿元, 7356亿元 beside 1万亿元). */
export function valueStyle(style: ValueStyle, unit: string, value: number | null): ValueStyle {
  return { ...style, units: new Map([[unit, decideUnit(unit, [value], style)]]) };
}

export function progressStyle(style: ValueStyle, item: Pick<ChartData['progress'][number], 'unit' | 'actual' | 'target'>): ValueStyle {
  return { ...style, units: new Map([[item.unit, decideUnit(item.unit, [item.actual, item.target], style)]]) };
}

/** One decision per unit drawn (number-format.ts): scale and digits, which every text of the chart follows. */
export function unitDecisions(spec: ChartSpec, data: ChartData): Map<string, UnitDecision> {
  const style: ValueStyle = { locale: spec.locale, numberFormat: spec.numberFormat, decimals: spec.decimals };
  return new Map([...drawnValues(spec, data)].map(([unit, values]) => [unit, decideUnit(unit, values, style)]));
}

export function createFrame(spec: ChartSpec, data: ChartData, env: BuildEnv, axisSteps: AxisSteps = DEFAULT_AXIS_STEPS): Frame {
  return {
    axisSteps,
    spec,
    data,
    palette: paletteFor(spec.palette),
    words: wordsFor(spec.locale),
    style: { locale: spec.locale, numberFormat: spec.numberFormat, decimals: spec.decimals, units: unitDecisions(spec, data) },
    metrics: frameMetrics(spec),
    fontFamily: env.fontFamily,
    plotOnly: env.plotOnly ?? false,
  };
}

/**
 * Punctuation a CJK font draws one em wide although it is not in a CJK block: curly quotes “”‘’,
 * the dash —, the ellipsis …, × and ·, and the signs of a bound ≥ ≤ ≈.
 */
const fullWidthPunctuation = new Set([0x2018, 0x2019, 0x201c, 0x201d, 0x2014, 0x2026, 0xd7, 0xb7, 0x2265, 0x2264, 0x2248]);

/** Latin characters about 0.9 em wide in the export font (% is 0.92): at 0.6 the fan's % touched 2022年期限. */
const wideLatin = new Set('%MWmw@'.split(''));

/**
 * Width of text in the given font size, estimated from character classes (CJK and its punctuation is
 * one em, % M W about 0.9, other Latin about 0.6). Only used to reserve room; the renderer measures
 * the real text when it lays out.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    em += cp >= 0x2e80 || fullWidthPunctuation.has(cp) ? 1 : cp === 0x20 ? 0.3 : wideLatin.has(ch) ? 0.9 : 0.6;
  }
  return em * fontSize;
}

/** Punctuation a line never starts with: it stays at the end of the line before. */
const closing = new Set('）)】」』”’，,。.：:；;、！!？?%'.split(''));
/** Punctuation a line never ends with: it goes to the next line with what it opens. */
const opening = new Set('（(【「『“‘《'.split(''));
/** A character of an English word, which a line break does not split. */
const latinWord = /[A-Za-z0-9'’-]/;

/**
 * Text broken into lines no wider than `width` (estimated), closing punctuation kept on the line it
 * closes and opening punctuation on the line it opens: with `atBrackets` (titles) before an opening
 * bracket where the line is over half full, else where the line is full (a footer's paragraph).
 */
export function wrapText(text: string, fontSize: number, width: number, atBrackets = true): string {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ch === '\n') {
      lines.push(line);
      line = '';
      continue;
    }
    if (line && !closing.has(ch) && estimateTextWidth(line + ch, fontSize) > width) {
      const cut = atBrackets ? Math.max(line.lastIndexOf('（'), line.lastIndexOf('(')) : -1;
      const atBracket = cut > 0 && estimateTextWidth(line.slice(0, cut), fontSize) > width / 2;
      // English breaks between words, not inside one (digitalisati-on): after the line's last space.
      const space = line.lastIndexOf(' ');
      const inWord = latinWord.test(line.at(-1)!) && latinWord.test(ch) && space > 0 && estimateTextWidth(line.slice(0, space), fontSize) > width / 3;
      let end = atBracket ? cut : inWord ? space + 1 : line.length;
      while (end > 1 && opening.has(line[end - 1]!)) end--;
      lines.push(line.slice(0, end).trimEnd());
      line = line.slice(end);
    }
    // A space a line breaks at starts no line.
    if (!line && ch === ' ' && lines.length) continue;
    line += ch;
  }
  return [...lines, line].join('\n');
}

/**
 * Text wrapped into the lines it needs at `width`, of even length: a title that needs two lines breaks
 * near its middle instead of leaving a character or a bracket on the second.
 */
export function balancedText(text: string, fontSize: number, width: number): string {
  const wrapped = wrapText(text, fontSize, width);
  const lines = wrapped.split('\n');
  if (lines.length < 2) return wrapped;
  // The narrowest width, from an even share up, that still needs no more lines.
  for (let w = estimateTextWidth(text, fontSize) / lines.length + fontSize; w < width; w += fontSize) {
    const even = wrapText(text, fontSize, w);
    if (even.split('\n').length === lines.length) return even;
  }
  return wrapped;
}

/** Lines the text takes at `width`; closing punctuation wrapText left at a line's end takes no room. */
function lineCount(text: string, fontSize: number, width: number): number {
  if (!text) return 0;
  const body = (line: string): string => {
    let end = line.length;
    while (end > 0 && closing.has(line[end - 1]!)) end--;
    return line.slice(0, end);
  };
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(estimateTextWidth(body(line), fontSize) / width)), 0);
}

/** Plain text for HTML tooltips: data never becomes markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface TooltipRow {
  color: string;
  name: string;
  value: string;
}

/** An axis tooltip whose rows come from the chart data, escaped, for the category under the pointer. */
export function axisTooltip(
  frame: Frame,
  header: (index: number) => string,
  rows: (index: number) => TooltipRow[],
  pointer: 'line' | 'shadow' = 'line',
): TooltipComponentOption {
  return {
    trigger: 'axis',
    confine: true,
    axisPointer: { type: pointer },
    textStyle: { fontFamily: frame.fontFamily, fontSize: frame.metrics.font },
    formatter: (params: unknown) => {
      const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
      const index = first?.dataIndex ?? 0;
      const lines = rows(index).map(
        (r) =>
          `<span style="display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:${escapeHtml(r.color)}"></span>` +
          `${escapeHtml(r.name)}：<b>${escapeHtml(r.value)}</b>`,
      );
      return [`<b>${escapeHtml(header(index))}</b>`, ...lines].join('<br/>');
    },
  };
}

/** Series names as the legend writes them: the basis follows the name when it is not published (重庆（推算）; 数字经济增加值（重庆，推算）). */
export function displayName(frame: Frame, name: string, basis: 'published' | 'derived' | 'illustrative'): string {
  if (basis === 'illustrative') return frame.words.note(name, frame.words.illustrative);
  if (basis === 'derived') return frame.words.note(name, frame.words.derived);
  return name;
}

/** The chart's decision for a unit; a unit the chart does not draw is decided as if it drew nothing. */
export function unitDecision(frame: Frame, unit: string): UnitDecision {
  return frame.style.units?.get(unit) ?? decideUnit(unit, [], frame.style);
}

/**
 * The name of a value axis: the chart's unit, and on the primary axis (the first unit drawn) what
 * the spec's unit label says of it (万亿元，当年价).
 */
export function axisName(frame: Frame, unit: string, primary = true): string {
  const decision = unitDecision(frame, unit);
  return primary ? labelledUnit(frame.spec.unitLabel, unit, decision, frame.spec.locale) : decision.unit;
}

/**
 * Title and subtitle as drawn: a unit word standing alone in them says the chart's unit (万亿元, not
 * 亿元); on a progress chart, the unit its rows in that unit share.
 */
export function chartTitles(frame: Frame): { title: string; subtitle: string } {
  const units = new Map(frame.style.units);
  const rows = frame.data.progress.map((p) => [p.unit, progressStyle(frame.style, p).units!.get(p.unit)!] as const);
  for (const [unit, decision] of rows) {
    if (rows.every(([u, d]) => u !== unit || d.unit === decision.unit)) units.set(unit, decision);
  }
  return { title: unitWordsInChartUnits(frame.spec.title, units), subtitle: unitWordsInChartUnits(frame.spec.subtitle, units) };
}

function sourceLine(frame: Frame): string {
  const note = frame.spec.sourceNote.trim();
  if (!note) return '';
  const hasPrefix = /^(数据来源|资料来源|来源|source)\s*[:：]/i.test(note);
  return hasPrefix ? note : `${frame.words.sourcePrefix}${note}`;
}

function hasIllustrative(data: ChartData): boolean {
  return (
    data.series.some((s) => s.basis === 'illustrative') ||
    data.progress.some((p) => p.basis === 'illustrative') ||
    data.bars?.basis === 'illustrative'
  );
}

/** The kinds of bound among the figures drawn, in a fixed order: the footer explains their signs. */
function boundsDrawn(data: ChartData): Array<'lower' | 'upper' | 'approx'> {
  const steps = data.bars?.kind === 'waterfall' ? data.bars.steps.map((s) => s.bound) : [];
  const found = new Set<string>(
    [...data.series.flatMap((s) => s.points.map((p) => p.bound)), ...data.progress.map((p) => p.bound), ...steps, ...data.meta.boundedBases.map((b) => b.bound)].filter(
      (b) => b !== undefined,
    ),
  );
  return (['lower', 'upper', 'approx'] as const).filter((b) => found.has(b));
}

/** The name of a measure (口径) the data's meta names, or null. */
export function measureName(frame: Frame, code: string | undefined): string | null {
  return code === undefined ? null : (frame.data.meta.measures.find((m) => m.code === code)?.name ?? null);
}

/**
 * The measure (口径) a target label names when the values drawn in its unit are on more than one
 * (a definition break), or null: "目标：>40.0%（2022年，信通院广义口径）".
 */
export function targetMeasure(frame: Frame, target: { unit: string }, measure: string | undefined): string | null {
  const drawn = frame.data.series.filter((s) => s.kind !== 'target');
  return measuresIn(measured(drawn), target.unit).length > 1 ? measureName(frame, measure) : null;
}

/**
 * The one measure all the target labels of a compact chart would name, which its footer then states
 * once ("目标按信通院广义口径判定。") so that the labels fit beside the lines; null when the chart is
 * not compact, names none, or names more than one (each label then keeps its own).
 */
export function targetMeasureInFooter(frame: Frame): string | null {
  if (!frame.metrics.compact) return null;
  const named = frame.data.series
    .filter((s) => s.kind === 'target')
    .flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => targetMeasure(frame, s, p.measure)));
  const measures = new Set(named);
  return measures.size === 1 && named[0] !== null ? named[0]! : null;
}

/** Why each bound target is not drawn: judged on another measure than the values drawn. */
function omittedTargetLines(frame: Frame): string[] {
  const { words, style } = frame;
  return frame.data.meta.omittedTargets.map((t) => {
    const drawn = t.drawn.map((code) => measureName(frame, code)).filter((n): n is string => n !== null);
    return words.targetOmitted(t.name, formatValue(t.value, t.unit, style), t.year, measureName(frame, t.measure) ?? '', words.list(drawn));
  });
}

/** Scenarios starting from a bounded figure say so, one line for those starting from the same: their results rest on that bound. */
function boundedBaseLines(frame: Frame): string[] {
  const { words, style } = frame;
  const groups = new Map<string, { scenarios: string[]; base: ChartData['meta']['boundedBases'][number] }>();
  for (const b of frame.data.meta.boundedBases) {
    const key = JSON.stringify([b.year, b.value, b.unit, b.bound]);
    const group = groups.get(key) ?? groups.set(key, { scenarios: [], base: b }).get(key)!;
    group.scenarios.push(b.scenario);
  }
  return [...groups.values()].flatMap(({ scenarios, base: b }) =>
    b.bound === 'exact' ? [] : [words.boundedBase(scenarios, b.year, b.bound, formatBoundedValue(b.value, b.unit, b.bound, style))],
  );
}

/**
 * Each value drawn that another share indicator holds says where it comes from, with its source:
 * "重庆2022年的数值取自数字经济增加值占GDP比重（重庆），来源：…".
 */
function viaLines(frame: Frame): string[] {
  const { words } = frame;
  const ofSeries = frame.data.series.flatMap((s) => {
    const subject = s.region && !s.name.includes(s.region) ? `${s.region} ${s.name}` : s.name;
    return s.points.flatMap((p) => (p.via && p.value !== null ? [words.viaLine(subject, p.year, p.via.indicator, p.via.source)] : []));
  });
  const ofProgress = frame.data.progress.flatMap((p) => (p.via && p.actualYear !== null ? [words.viaLine(p.label, p.actualYear, p.via.indicator, p.via.source)] : []));
  return [...ofSeries, ...ofProgress];
}

/** A chart pinned to a vintage says so: its figures are those published by that date. */
function vintageLine(frame: Frame): string {
  const vintage = frame.spec.bindings.vintage;
  if (!vintage) return '';
  return frame.spec.locale === 'zh' ? `数据截至 ${vintage}` : `Data as known on ${vintage}`;
}

/**
 * The footer's lines: source, the vintage a pinned chart draws, footnote, where values held by
 * another share indicator come from, the targets left out for their measure, on a compact chart the
 * measure its target labels leave out (targetMeasureInFooter), the scenarios starting
 * from a bound, the illustrative-data note when any value is illustrative, and what ≥ ≤ ≈ mean when a
 * bounded figure is drawn.
 */
export function footerLines(frame: Frame): string[] {
  const bounds = boundsDrawn(frame.data);
  return [
    sourceLine(frame),
    vintageLine(frame),
    frame.spec.footnote.trim(),
    ...viaLines(frame),
    ...omittedTargetLines(frame),
    ...[targetMeasureInFooter(frame)].flatMap((m) => (m === null ? [] : [frame.words.targetsJudgedOn(m)])),
    ...boundedBaseLines(frame),
    hasIllustrative(frame.data) ? frame.words.illustrativeNote : '',
    bounds.length ? frame.words.boundNote(bounds) : '',
  ].filter(Boolean);
}

/**
 * A legend entry: a series name, or a name with the icon its series is drawn as (an area or band
 * shows a filled swatch, not a line's marker).
 */
export type LegendEntry = string | { name: string; icon: 'roundRect' };

/** The name of a legend entry. */
function legendName(entry: LegendEntry): string {
  return typeof entry === 'string' ? entry : entry.name;
}

export interface FrameContent {
  /** Legend entries in order; series not named here (helpers) stay out of the legend. */
  legend: LegendEntry[];
  xAxis: EChartsOption['xAxis'];
  yAxis: EChartsOption['yAxis'];
  series: EChartsOption['series'];
  tooltip: TooltipComponentOption;
}

/** Rows a horizontal legend takes: its entries packed left to right, a new row where the next does not fit. */
function legendRows(entries: readonly LegendEntry[], font: number, itemWidth: number, gap: number, width: number): number {
  let rows = 0;
  let used = Infinity;
  for (const entry of entries) {
    const w = itemWidth + 5 + estimateTextWidth(legendName(entry), font);
    if (used + gap + w > width) {
      rows++;
      used = w;
    } else used += gap + w;
  }
  return rows;
}

/**
 * The footer's text: one line per note, or on a compact chart one paragraph (each note ended as a
 * sentence) that wastes no line ends.
 */
function footerText(frame: Frame): string {
  const lines = footerLines(frame);
  if (!frame.metrics.compact) return lines.join('\n');
  const zh = frame.spec.locale === 'zh';
  return lines.map((line) => (/[。.!?！？)）]$/.test(line) ? line : `${line}${zh ? '。' : '.'}`)).join(zh ? '' : ' ');
}

/** The footer broken into its lines here, so that no line ends with 《 or （ (ECharts breaks anywhere). */
function wrappedFooter(frame: Frame, width: number): string {
  const text = footerText(frame);
  return frame.spec.locale === 'zh' ? wrapText(text, frame.metrics.smallFont, width, false) : text;
}

/** The full option: the template's axes and series inside the shared frame. */
export function composeOption(frame: Frame, content: FrameContent): EChartsOption {
  const { spec, palette, metrics: m, fontFamily, plotOnly } = frame;
  const inner = m.width - 2 * m.pad;
  const compact = m.compact;

  const titles = chartTitles(frame);
  const titleLineHeight = m.titleFont * (compact ? 1.2 : 1.3);
  const subtitleLineHeight = m.subtitleFont * (compact ? 1.25 : 1.35);
  // Broken here, with even lines and no line starting with punctuation; ECharts breaks only what the
  // estimate let through.
  const titleText = balancedText(titles.title, m.titleFont, inner);
  const subtitleText = balancedText(titles.subtitle, m.subtitleFont, inner);
  const titleLines = plotOnly ? 0 : lineCount(titleText, m.titleFont, inner);
  const subtitleLines = plotOnly ? 0 : lineCount(subtitleText, m.subtitleFont, inner);
  let top = plotOnly ? 0 : m.pad + titleLines * titleLineHeight;
  if (subtitleLines) top += 4 + subtitleLines * subtitleLineHeight;
  const title: TitleComponentOption = {
    text: titleText,
    subtext: subtitleText,
    left: m.pad,
    top: m.pad,
    itemGap: 4,
    textStyle: { fontSize: m.titleFont, fontWeight: 'normal', color: palette.text, width: inner, overflow: 'break', lineHeight: titleLineHeight },
    subtextStyle: { fontSize: m.subtitleFont, color: palette.mutedText, width: inner, overflow: 'break', lineHeight: subtitleLineHeight },
  };

  const legendTop = top + m.font * 0.6;
  // A compact legend is in the footer's small type: five scenario names took four rows of a report
  // column's 246 px at the body size, leaving the plot 40 px.
  const legendFont = compact ? m.smallFont : m.font;
  const itemWidth = Math.round(m.font * (compact ? 1.4 : 1.8));
  const itemGap = Math.round(m.font * (compact ? 0.6 : 1));
  const rows = legendRows(content.legend, legendFont, itemWidth, itemGap, inner);
  // A compact legend has no padding: its rows are font-high, itemGap apart.
  top = legendTop + (compact ? (rows ? rows * legendFont + (rows - 1) * itemGap : 0) : rows * m.font * 1.7) + m.font * 0.6;

  const footerRight = plotOnly ? '' : [spec.organisation.trim(), spec.date ?? ''].filter(Boolean).join('  ');
  const rightWidth = footerRight ? estimateTextWidth(footerRight, m.smallFont) + m.font : 0;
  const leftWidth = Math.max(inner * 0.4, inner - rightWidth);
  const footerLeft = plotOnly ? '' : wrappedFooter(frame, leftWidth);
  const footerHeight = Math.max(lineCount(footerLeft, m.smallFont, leftWidth), footerRight ? 1 : 0);
  const lineHeight = Math.round(m.smallFont * (compact ? 1.3 : 1.4));
  const bottom = m.pad + footerHeight * lineHeight + (footerHeight ? m.font * (compact ? 0.5 : 0.8) : 0);

  const graphic: GraphicComponentOption[] = [];
  const footerStyle = { fontSize: m.smallFont, fill: palette.mutedText, fontFamily, lineHeight };
  if (footerLeft) {
    // One em more than the lines were broken for: the closing punctuation they end with hangs there.
    graphic.push({ type: 'text', left: m.pad, bottom: m.pad, silent: true, style: { ...footerStyle, text: footerLeft, width: leftWidth + m.smallFont, overflow: 'break' } });
  }
  if (footerRight) {
    graphic.push({ type: 'text', right: m.pad, bottom: m.pad, silent: true, style: { ...footerStyle, text: footerRight, align: 'right' } });
  }

  return {
    animation: false,
    color: [...palette.series],
    textStyle: { fontFamily, fontSize: m.font, color: palette.text },
    title: plotOnly ? { show: false } : title,
    legend: content.legend.length
      ? {
          type: 'plain',
          data: content.legend,
          left: m.pad,
          top: legendTop,
          width: inner,
          padding: compact ? 0 : 5,
          itemWidth,
          itemHeight: Math.round(m.font * (compact ? 0.65 : 0.75)),
          itemGap,
          textStyle: { fontSize: legendFont, color: palette.text },
        }
      : { show: false },
    grid: {
      left: m.pad,
      right: m.pad + m.font,
      top,
      bottom,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    tooltip: content.tooltip,
    xAxis: content.xAxis,
    yAxis: content.yAxis,
    series: content.series,
    graphic,
  };
}
