// The numbers behind a chart as a table: one long table per chart (CSV) and one workbook for the
// pack (XLSX), so a reader can check every drawn value, its basis, whether it is exact or a bound
// ("超过1万亿元" is a lower bound) on which measure (口径), and for a published figure which release
// (初步核算数, 第四次经济普查修订, with its date) and source it comes from.
import ExcelJS from 'exceljs';
import type { ChartData, ChartPoint, Via } from '../../../shared/charts/data';
import { progressStyle, unitDecisions } from '../../../shared/charts/frame';
import { decideUnit, withMinusSign, type UnitDecision, type ValueStyle } from '../../../shared/charts/number-format';
import type { ChartSpec } from '../../../shared/charts/spec';
import type { Locale } from '../../../shared/format/number';
import { releaseText } from '../../../shared/format/release';
import { sourceInLocale } from '../../../shared/format/source-text';
import { boundWord, type Bound } from '../../../shared/series/bound';
import type { Provenance } from './provenance';
import { scenarioLine } from './provenance';

export interface DataRow {
  series: string;
  kind: string;
  basis: string;
  unit: string;
  year: number | null;
  value: number | null;
  /**
   * Exact or a bound, for a published figure and for a scenario value resting on one (a base of
   * "超6000亿元" is ≥6000); '' for other projections and for bands and tornado bars.
   */
  bound: string;
  /** The measure's name; '' when the data names none. */
  measure: string;
  /** A definition break: this year's figure is on another measure than the year before it, which it names. */
  break: string;
  /**
   * A published figure's release, label and date ("第四次经济普查修订 · 2020-01-01"), and its source as
   * recorded, the workbench's words in it (可信度 M) in the chart's language; for a scenario's values
   * the scenario and its version; '' for target lines.
   */
  release: string;
  source: string;
  low: number | null;
  high: number | null;
  target: number | null;
  deadline: number | null;
  note: string;
  /** Digits after the point the chart writes this row's values with (the workbook shows at least these). */
  decimals: number;
}

const columns = ['series', 'kind', 'basis', 'unit', 'year', 'value', 'bound', 'measure', 'break', 'release', 'source', 'low', 'high', 'target', 'deadline', 'note'] as const;
type Column = (typeof columns)[number];

// The low and high of a band or a sensitivity bar are not bounds: their headers say 区间, so that
// they are not read as the 下限（≥）of the bound column.
const headers: Record<Locale, Record<Column, string>> = {
  zh: {
    series: '系列',
    kind: '类型',
    basis: '数据性质',
    unit: '单位',
    year: '年份',
    value: '数值',
    bound: '数值界限',
    measure: '统计口径',
    break: '口径变化',
    release: '发布版本',
    source: '来源',
    low: '区间低值',
    high: '区间高值',
    target: '目标',
    deadline: '期限',
    note: '说明',
  },
  en: {
    series: 'series',
    kind: 'kind',
    basis: 'basis',
    unit: 'unit',
    year: 'year',
    value: 'value',
    bound: 'bound',
    measure: 'measure',
    break: 'definition break',
    release: 'release',
    source: 'source',
    low: 'range low',
    high: 'range high',
    target: 'target',
    deadline: 'deadline',
    note: 'note',
  },
};

const terms: Record<Locale, Record<string, string>> = {
  zh: {
    actual: '实际',
    projection: '预测',
    base: '情景基期',
    target: '目标',
    band: '区间',
    tornado: '敏感性',
    total: '合计',
    delta: '变化',
    progress: '进展',
    published: '公布',
    derived: '推算',
    illustrative: '示意',
  },
  en: { base: 'scenario base' },
};

/** Where a value another share indicator holds comes from: 取自… (its source is in the source column). */
function viaNote(via: Via | undefined, locale: Locale): string {
  if (!via) return '';
  return locale === 'zh' ? `取自${via.indicator}` : `from ${via.indicator}`;
}

/**
 * A target's comparator, which its number alone does not carry: 超过40% (>) is not 达到40% (≥), nor a
 * target of exactly 40%. '' for an exact target.
 */
function comparatorNote(comparator: string | undefined, locale: Locale): string {
  const words: Record<string, [string, string]> = {
    '>=': ['目标：达到或超过（≥）', 'target: at least (≥)'],
    '>': ['目标：超过（>）', 'target: more than (>)'],
    '<=': ['目标：不超过（≤）', 'target: at most (≤)'],
    '<': ['目标：低于（<）', 'target: less than (<)'],
    '≈': ['目标：约（≈）', 'target: approximately (≈)'],
  };
  const found = comparator === undefined ? undefined : words[comparator];
  return found ? found[locale === 'zh' ? 0 : 1] : '';
}

/**
 * A release as the column writes it, label and date; an undated release says from when it is counted
 * as known (a figure with no release, e.g. a target line, has neither).
 */
function releaseOf(item: Pick<ChartPoint, 'released' | 'releaseLabel'>, year: number, locale: Locale): string {
  if (item.released === undefined) return item.releaseLabel ?? '';
  return releaseText({ releaseLabel: item.releaseLabel ?? '', released: item.released, year }, locale);
}

/** A definition break as the column writes it, naming the measure the year before was on. */
function breakText(before: string, locale: Locale): string {
  if (locale === 'zh') return before ? `口径变化（上年为${before}）` : '口径变化';
  return before ? `definition break (year before: ${before})` : 'definition break';
}

/** The model's values are the workbench's own: their source is the scenario at its version. */
function scenarioSource(scenario: { name: string; version: number | string } | undefined, locale: Locale): string {
  if (!scenario) return '';
  return locale === 'zh' ? `工作台情景模型：${scenario.name} v${scenario.version}` : `workbench scenario model: ${scenario.name} v${scenario.version}`;
}

/**
 * Digits a computed value is kept with: the chart's digits in the unit it was computed in, so a
 * projection of 14282.46亿元 on an axis in 万亿元 keeps 1.42825 (the chart's one decimal of 亿元), not the
 * 1.4 its label rounds to nor the binary noise 1.4282546399999999.
 */
function computedDigits(decision: UnitDecision, spec: ChartSpec): number {
  return Math.max(decision.decimals, spec.decimals + Math.round(Math.log10(decision.divisor)));
}

function roundTo(value: number, digits: number): number {
  const rounded = Number(value.toFixed(digits));
  return rounded === 0 ? 0 : rounded;
}

/**
 * A recorded figure keeps every digit it was published with; only the binary noise of the unit's
 * division goes (twelve significant digits: 20363.19亿元 is 2.036319万亿元, not 2.0363190000000002).
 */
function recorded(value: number): number {
  return Number(value.toPrecision(12));
}

const blank = { year: null, value: null, bound: '', measure: '', break: '', release: '', source: '', low: null, high: null, target: null, deadline: null, note: '' };

/**
 * The rows of a chart's data file, in the chart's unit decision (the unit its axis, labels and
 * PowerPoint chart use: 1.32万亿元 where the axis reads 万亿元). A figure as recorded keeps its digits;
 * a computed one (a projection, a band, a bar) is rounded to the chart's digits.
 */
export function chartRows(spec: ChartSpec, data: ChartData): DataRow[] {
  const { locale } = spec;
  const t = (term: string): string => terms[locale][term] ?? term;
  const bound = (b: Bound | undefined): string => (b ? boundWord(b, locale) : '');
  const decisions = unitDecisions(spec, data);
  const style: ValueStyle = { locale, numberFormat: spec.numberFormat, decimals: spec.decimals };
  const decision = (unit: string) => decisions.get(unit) ?? decideUnit(unit, [], style);
  const scaled = (d: UnitDecision, computed: boolean) => (v: number | null): number | null => {
    if (v === null) return null;
    return computed ? roundTo(v / d.divisor, computedDigits(d, spec)) : recorded(v / d.divisor);
  };
  const inUnit = (unit: string, computed: boolean) => scaled(decision(unit), computed);
  const measures = new Map(data.meta.measures.map((m) => [m.code, m.name]));
  const measureOf = (code: string | undefined): string => (code === undefined ? '' : (measures.get(code) ?? code));
  const scenarios = new Map(data.meta.scenarios.map((s) => [s.id, s]));
  // A bar chart shows one scenario's result: it is that scenario's when only one is drawn.
  const onlyScenario = data.meta.scenarios.length === 1 ? data.meta.scenarios[0] : undefined;
  const rows: DataRow[] = [];
  for (const s of data.series) {
    const scenario = s.scenarioId === null ? undefined : scenarios.get(s.scenarioId);
    s.points.forEach((p, i) => {
      // A projection's base year is the figure its scenario starts from, not a projection.
      const kind = s.kind === 'projection' && p.base ? 'base' : s.kind;
      const valued = p.value !== null;
      const computed = kind === 'projection';
      const before = s.breaksBefore.includes(p.year) ? measureOf(s.points[i - 1]?.measure) : null;
      rows.push({
        ...blank,
        series: s.name,
        kind: t(kind),
        basis: t(s.basis),
        unit: decision(s.unit).unit,
        year: p.year,
        value: inUnit(s.unit, computed)(p.value),
        bound: valued ? bound(p.bound ?? (kind === 'actual' ? 'exact' : undefined)) : '',
        measure: measureOf(p.measure),
        break: before === null ? '' : breakText(before, locale),
        release: valued && !computed ? releaseOf(p, p.year, locale) : '',
        source: !valued ? '' : computed ? scenarioSource(scenario, locale) : sourceInLocale(p.source ?? '', locale),
        note: kind === 'target' ? comparatorNote(s.comparator, locale) : viaNote(p.via, locale),
        decimals: decision(s.unit).decimals,
      });
    });
  }
  for (const b of data.bands) {
    const v = inUnit(b.unit, true);
    const source = scenarioSource(b.scenarioId === null ? undefined : scenarios.get(b.scenarioId), locale);
    for (const p of b.points) {
      rows.push({ ...blank, series: `${b.name} P${b.lower}–P${b.upper}`, kind: t('band'), basis: '', unit: decision(b.unit).unit, year: p.year, low: v(p.low), high: v(p.high), source, decimals: decision(b.unit).decimals });
    }
  }
  const bars = data.bars;
  if (bars?.kind === 'tornado') {
    const v = inUnit(bars.unit, true);
    for (const item of bars.items) {
      rows.push({
        ...blank,
        series: item.label,
        kind: t('tornado'),
        basis: t(bars.basis),
        unit: decision(bars.unit).unit,
        value: v(bars.base),
        bound: bars.bound ? bound(bars.bound) : '',
        measure: measureOf(bars.measure),
        source: scenarioSource(onlyScenario, locale),
        low: v(item.low),
        high: v(item.high),
        note: [item.lowInput, item.highInput].filter(Boolean).map(withMinusSign).join(' / '),
        decimals: decision(bars.unit).decimals,
      });
    }
  }
  if (bars?.kind === 'waterfall') {
    const v = inUnit(bars.unit, true);
    for (const step of bars.steps) {
      rows.push({
        ...blank,
        series: step.label,
        kind: t(step.role),
        basis: t(bars.basis),
        unit: decision(bars.unit).unit,
        value: v(step.value),
        bound: bound(step.bound),
        measure: measureOf(bars.measure),
        source: scenarioSource(onlyScenario, locale),
        note: step.projection ? t('projection') : '',
        decimals: decision(bars.unit).decimals,
      });
    }
  }
  for (const item of data.progress) {
    // Each progress row in its own decision, as the chart writes it.
    const row = progressStyle(style, item).units!.get(item.unit)!;
    const v = scaled(row, false);
    const valued = item.actual !== null;
    rows.push({
      ...blank,
      series: item.label,
      kind: t('progress'),
      basis: t(item.basis),
      unit: row.unit,
      year: item.actualYear,
      value: v(item.actual),
      bound: valued ? bound(item.bound ?? 'exact') : '',
      measure: measureOf(item.measure),
      release: valued && item.actualYear !== null ? releaseOf(item, item.actualYear, locale) : '',
      source: valued ? sourceInLocale(item.source ?? '', locale) : '',
      target: v(item.target),
      deadline: item.deadline,
      note: [comparatorNote(item.comparator, locale), viaNote(item.via, locale)].filter(Boolean).join(locale === 'zh' ? '；' : '; '),
      decimals: row.decimals,
    });
  }
  return rows;
}

/** Text a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection); a workbook stores text as text and needs none. */
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM, so Excel opens Chinese text correctly. */
export function toCsv(rows: DataRow[], locale: Locale): string {
  const lines = [columns.map((c) => headers[locale][c]).join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface DataSheet {
  name: string;
  locale: Locale;
  rows: DataRow[];
  provenance: Provenance;
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'chart';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Width of a cell's text in Excel's character units: a CJK character or full-width sign takes two. */
function textWidth(value: unknown): number {
  if (value === null || value === undefined) return 0;
  let width = 0;
  for (const ch of String(value)) width += ch.codePointAt(0)! >= 0x1100 ? 2 : 1;
  return width;
}

/** Columns as wide as their longest text (header included), within bounds a screen can show. */
function fitColumns(ws: ExcelJS.Worksheet, min = 6, max = 48): void {
  ws.columns.forEach((column) => {
    let widest = 0;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      widest = Math.max(widest, textWidth(cell.text));
    });
    column.width = Math.min(max, Math.max(min, widest + 2));
  });
}

/** An Excel number format with at least the chart's digits and room for a recorded figure's own: 0.0#####. */
function numberFormat(decimals: number, locale: Locale): string {
  // With no digits to show, Excel's own format writes 6000 and 7678.9 alike, without a trailing point.
  if (decimals === 0) return 'General';
  return `${locale === 'en' ? '#,##0' : '0'}.${'0'.repeat(decimals)}${'#'.repeat(Math.max(0, 6 - decimals))}`;
}

const numericColumns: ReadonlySet<Column> = new Set(['value', 'low', 'high', 'target']);

const aboutHeaders: Record<Locale, string[]> = {
  zh: ['图表', '标题', '数据截至', '情景（版本）', '来源', '注释', '机构', '日期', '生成工具'],
  en: ['chart', 'title', 'data as of', 'scenarios (version)', 'source', 'notes', 'organisation', 'date', 'made with'],
};

/** What the columns and their words mean, below the list of charts. */
const legend: Record<Locale, Array<[string, string]>> = {
  zh: [
    ['数据性质', '公布：统计部门或研究机构公布的数；推算：由其他公布数计算（如 占比 × GDP）；示意：未公布，仅作示例'],
    ['类型', '实际：已有的数；预测：情景模型的计算值；情景基期：情景起算的数；目标：规划目标'],
    ['数值', '公布数保留公布的位数；预测、区间等计算值按图表的小数位取整；单位与图表坐标轴一致'],
    ['数值界限', `${boundWord('exact', 'zh')}：按原数；${boundWord('lower', 'zh')}：原文为“超过…”，真实值不低于此数；${boundWord('upper', 'zh')}：原文为“不足…”；${boundWord('approx', 'zh')}：原文为“约…”`],
    ['统计口径', '数值所属的统计口径；不同口径的数不能直接比较或计算增速'],
    ['口径变化', '该年的数与上一年属于不同口径：两年之间的变化不是增长'],
    ['发布版本', '公布数的发布版本和日期（初步核算、最终核实、普查修订）'],
    ['区间低值、区间高值', '模拟区间或敏感性分析的两端，不是数值界限'],
  ],
  en: [
    ['basis', 'published: released by a statistics office or research body; derived: computed from published figures (share × GDP); illustrative: not published, an example'],
    ['kind', "actual: a known figure; projection: the scenario model's result; scenario base: the figure a scenario starts from; target: a plan's target"],
    ['value', "a published figure keeps its published digits; projections, bands and bars are rounded to the chart's digits; in the chart's axis unit"],
    ['bound', `${boundWord('exact', 'en')}: as published; ${boundWord('lower', 'en')}: published as "over …", the true value is at least this; ${boundWord('upper', 'en')}: published as "under …"; ${boundWord('approx', 'en')}: published as "about …"`],
    ['measure', 'the definition the figure is on; figures on different measures are not compared or chained'],
    ['definition break', 'this year is on another measure than the year before: the change between them is no growth'],
    ['release', "a published figure's release and date (preliminary, final, census revision)"],
    ['range low, range high', 'the ends of a simulated band or a sensitivity bar, not bounds'],
  ],
};

/**
 * The pack's workbook: a 说明 sheet (each chart's title, data date, scenarios, source and notes, and
 * what the columns mean), then one sheet per chart. Headers are frozen and filterable, columns as
 * wide as their text, values with the chart's digits; text cells are stored as text, so the CSV's
 * formula guard has no place here.
 */
export async function toXlsx(sheets: DataSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const locale = sheets[0]?.locale ?? 'zh';
  workbook.creator = sheets[0]?.provenance.app ?? '';
  const used = new Set<string>();
  const frozen = { views: [{ state: 'frozen' as const, ySplit: 1 }] };
  const about = workbook.addWorksheet(sheetName(locale === 'en' ? 'About' : '说明', used), frozen);
  about.addRow(aboutHeaders[locale]).font = { bold: true };
  for (const sheet of sheets) {
    const p = sheet.provenance;
    about.addRow([p.chart, p.title, p.asOf ?? '', scenarioLine(p), p.source, p.notes, p.organisation, p.date ?? '', p.app]);
  }
  about.addRow([]);
  about.addRow([locale === 'en' ? 'column' : '列', locale === 'en' ? 'meaning' : '含义']).font = { bold: true };
  for (const line of legend[locale]) about.addRow(line);
  fitColumns(about, 6, 60);
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.name, used), frozen);
    const header = ws.addRow(columns.map((c) => headers[sheet.locale][c]));
    header.font = { bold: true };
    for (const r of sheet.rows) {
      const row = ws.addRow(columns.map((c) => r[c]));
      columns.forEach((c, i) => {
        if (numericColumns.has(c) && typeof r[c] === 'number') row.getCell(i + 1).numFmt = numberFormat(r.decimals, sheet.locale);
      });
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    fitColumns(ws);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
