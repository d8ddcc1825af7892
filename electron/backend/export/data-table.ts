// The numbers behind a chart as a table: one long table per chart (CSV) and one workbook for the
// pack (XLSX), so a reader can check every drawn value, its basis, whether it is exact or a bound
// ("超过1万亿元" is a lower bound) on which measure (口径), and for a published figure which release
// (初步核算数, 第四次经济普查修订, with its date) and source it comes from.
import ExcelJS from 'exceljs';
import type { ChartData, ChartPoint, Via } from '../../../shared/charts/data';
import { progressStyle, unitDecisions } from '../../../shared/charts/frame';
import { decideUnit, withMinusSign, type ValueStyle } from '../../../shared/charts/number-format';
import type { ChartSpec } from '../../../shared/charts/spec';
import type { Locale } from '../../../shared/format/number';
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
  /**
   * A published figure's release, label and date ("第四次经济普查修订 2020-01-01"), and its source as
   * recorded; '' for scenario values, bands, bars and target lines, which are no release.
   */
  release: string;
  source: string;
  low: number | null;
  high: number | null;
  target: number | null;
  deadline: number | null;
  note: string;
}

const columns = ['series', 'kind', 'basis', 'unit', 'year', 'value', 'bound', 'measure', 'release', 'source', 'low', 'high', 'target', 'deadline', 'note'] as const;

const headers: Record<Locale, Record<(typeof columns)[number], string>> = {
  zh: {
    series: '系列',
    kind: '类型',
    basis: '数据性质',
    unit: '单位',
    year: '年份',
    value: '数值',
    bound: '数值界限',
    measure: '统计口径',
    release: '发布版本',
    source: '来源',
    low: '下限',
    high: '上限',
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
    release: 'release',
    source: 'source',
    low: 'low',
    high: 'high',
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
    exact: '确数',
    lower: '下限（≥）',
    upper: '上限（≤）',
    approx: '约数（≈）',
  },
  en: { base: 'scenario base', lower: 'lower bound (≥)', upper: 'upper bound (≤)', approx: 'approximate (≈)' },
};

/** Where a value another share indicator holds comes from: 取自… (its source is in the source column). */
function viaNote(via: Via | undefined, locale: Locale): string {
  if (!via) return '';
  return locale === 'zh' ? `取自${via.indicator}` : `from ${via.indicator}`;
}

/** A release as the column writes it: label and date, either alone when the other is not recorded. */
function releaseText(item: Pick<ChartPoint, 'released' | 'releaseLabel'>): string {
  return [item.releaseLabel ?? '', item.released ?? ''].filter(Boolean).join(' ');
}

const blank = { year: null, value: null, bound: '', measure: '', release: '', source: '', low: null, high: null, target: null, deadline: null, note: '' };

/**
 * The rows of a chart's data file, in the chart's unit decision (the unit its axis, labels and
 * PowerPoint chart use: 1.32万亿元 where the axis reads 万亿元).
 */
export function chartRows(spec: ChartSpec, data: ChartData): DataRow[] {
  const { locale } = spec;
  const t = (term: string): string => terms[locale][term] ?? term;
  const decisions = unitDecisions(spec, data);
  const style: ValueStyle = { locale, numberFormat: spec.numberFormat, decimals: spec.decimals };
  const decision = (unit: string) => decisions.get(unit) ?? decideUnit(unit, [], style);
  const inUnit = (unit: string) => (v: number | null): number | null => (v === null ? null : v / decision(unit).divisor);
  const measures = new Map(data.meta.measures.map((m) => [m.code, m.name]));
  const measureOf = (code: string | undefined): string => (code === undefined ? '' : (measures.get(code) ?? code));
  const rows: DataRow[] = [];
  for (const s of data.series) {
    for (const p of s.points) {
      // A projection's base year is the figure its scenario starts from, not a projection.
      const kind = s.kind === 'projection' && p.base ? 'base' : s.kind;
      const valued = p.value !== null;
      rows.push({
        ...blank,
        series: s.name,
        kind: t(kind),
        basis: t(s.basis),
        unit: decision(s.unit).unit,
        year: p.year,
        value: inUnit(s.unit)(p.value),
        bound: p.bound && valued ? t(p.bound) : '',
        measure: measureOf(p.measure),
        release: valued ? releaseText(p) : '',
        source: valued ? (p.source ?? '') : '',
        note: viaNote(p.via, locale),
      });
    }
  }
  for (const b of data.bands) {
    const v = inUnit(b.unit);
    for (const p of b.points) rows.push({ ...blank, series: `${b.name} P${b.lower}–P${b.upper}`, kind: t('band'), basis: '', unit: decision(b.unit).unit, year: p.year, low: v(p.low), high: v(p.high) });
  }
  const bars = data.bars;
  if (bars?.kind === 'tornado') {
    const v = inUnit(bars.unit);
    for (const item of bars.items) {
      rows.push({
        ...blank,
        series: item.label,
        kind: t('tornado'),
        basis: t(bars.basis),
        unit: decision(bars.unit).unit,
        value: v(bars.base),
        measure: measureOf(bars.measure),
        low: v(item.low),
        high: v(item.high),
        note: [item.lowInput, item.highInput].filter(Boolean).map(withMinusSign).join(' / '),
      });
    }
  }
  if (bars?.kind === 'waterfall') {
    const v = inUnit(bars.unit);
    for (const step of bars.steps) {
      rows.push({
        ...blank,
        series: step.label,
        kind: t(step.role),
        basis: t(bars.basis),
        unit: decision(bars.unit).unit,
        value: v(step.value),
        bound: step.bound ? t(step.bound) : '',
        measure: measureOf(bars.measure),
        note: step.projection ? t('projection') : '',
      });
    }
  }
  for (const item of data.progress) {
    // Each progress row in its own decision, as the chart writes it.
    const row = progressStyle(style, item).units!.get(item.unit)!;
    const v = (x: number | null): number | null => (x === null ? null : x / row.divisor);
    rows.push({
      ...blank,
      series: item.label,
      kind: t('progress'),
      basis: t(item.basis),
      unit: row.unit,
      year: item.actualYear,
      value: v(item.actual),
      bound: item.bound && item.actual !== null ? t(item.bound) : '',
      measure: measureOf(item.measure),
      release: item.actual !== null ? releaseText(item) : '',
      source: item.actual !== null ? (item.source ?? '') : '',
      target: v(item.target),
      deadline: item.deadline,
      note: viaNote(item.via, locale),
    });
  }
  return rows;
}

/** Text a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection). */
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * A computed value as a reader expects it: projections and shares carry binary noise
 * (8073.599999999999 for 8073.6); twelve significant digits keep every digit a figure was published
 * with and drop the noise.
 */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(tidy(value));
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

export async function toXlsx(sheets: DataSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  const about = workbook.addWorksheet(sheetName(sheets[0]?.locale === 'en' ? 'About' : '说明', used));
  const locale = sheets[0]?.locale ?? 'zh';
  about.addRow(locale === 'en' ? ['chart', 'title', 'as of', 'scenarios', 'source', 'app'] : ['图表', '标题', '数据截至', '情景', '来源', '生成工具']).font = { bold: true };
  for (const sheet of sheets) {
    const p = sheet.provenance;
    about.addRow([p.chart, p.title, p.asOf ?? '', scenarioLine(p), p.source, p.app].map((v) => safeText(v)));
    const ws = workbook.addWorksheet(sheetName(sheet.name, used));
    ws.addRow(columns.map((c) => headers[sheet.locale][c])).font = { bold: true };
    for (const r of sheet.rows) ws.addRow(columns.map((c) => { const v = r[c]; return typeof v === 'string' ? safeText(v) : typeof v === 'number' ? tidy(v) : v; }));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
