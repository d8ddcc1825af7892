// Layout detection: where the header is (one row, or a band of rows under merged cells), what each
// column holds, which dimension values the note rows and the title fix. The result is a Mapping the
// preview shows and the user may correct; the importer itself only ever follows a Mapping, detected
// or given.

import { parsePeriod } from '../../../shared/parse/period';
import { normaliseLabel } from '../../../shared/parse/text';
import { splitHeaderUnit } from '../../../shared/parse/unit';
import { parseNumber } from '../../../shared/parse/number';
import { headerText, readHeaderBand, type HeaderBand } from './header-band';
import type { MeasureMatcher } from './measures';
import type { MergeIndex } from './merges';
import type { ProblemCode } from './problems';
import type { RawRow } from './table-reader';
import { readTitle, type TitleFacts } from './title';
import {
  STATUSES,
  type ColumnMapping,
  type ColumnRole,
  type DetectedValue,
  type Dimension,
  type FileMeasure,
  type FixedValues,
  type ImportOptions,
  type LayoutInfo,
  type Mapping,
  type Status,
} from './types';

export interface LayoutProblem {
  code: ProblemCode;
  params: Record<string, string | number>;
  row: number | null;
  column: number | null;
}

export interface LayoutResult {
  layout: LayoutInfo;
  mapping: Mapping;
  /** Leading note rows as written (all of them go into the import's source note). */
  notes: string[];
  /** The measure of rows without a measure cell of their own: the `measure` option's, else the note row's. */
  measure: FileMeasure;
  /** Fixed values read from the title, a note row or a merged header (and still in the mapping), for the preview to mark. */
  detected: DetectedValue[];
  problems: LayoutProblem[];
}

export interface LayoutContext {
  /** True when a label names a region (a known one or one already in the workspace). */
  isRegion(name: string): boolean;
  /** The workspace's measures, to read a `口径：…` note row; without it such a note is kept as a note only. */
  measures?: MeasureMatcher;
  /** Merged cells of the head rows, when the reader gives them (XLSX, .xls, HTML). */
  merges?: MergeIndex | null;
  /** Region names a title may use, longest first (title.ts `titleRegionNames`). */
  titleRegions?: ReadonlyArray<{ text: string; name: string }>;
}

type Word = Exclude<ColumnRole, 'series'>;

const ROLE_WORDS: ReadonlyArray<readonly [Word, readonly string[]]> = [
  ['indicator', ['指标', '指标名称', '指标名', '统计指标', '项目', '指标项', '名称', 'indicator', 'indicatorname', 'series', 'seriesname', 'item', 'variable']],
  ['region', ['地区', '地区名称', '地区名', '区域', '地域', '省份', '省市', '省区市', '省(区、市)', '省(区,市)', '城市', '行政区划', '行政区', '国家', 'region', 'area', 'province', 'city', 'country', 'geo', 'location']],
  ['period', ['年份', '年度', '年', '时间', '时期', '期间', '日期', '统计时间', '报告期', '季度', '月份', '统计年度', 'period', 'year', 'time', 'date', 'quarter', 'month']],
  ['value', ['数值', '数据', '值', '指标值', '统计值', '数量', '金额', 'value', 'amount', 'obsvalue', 'obs_value', 'data']],
  ['unit', ['单位', '计量单位', '数据单位', 'unit', 'units', 'unitofmeasure']],
  ['measure', ['口径', '统计口径', '核算口径', '数据口径', '测算口径', 'measure']],
  ['status', ['状态', '数据状态', '数据性质', 'status']],
  ['source', ['来源', '数据来源', '资料来源', '出处', 'source', 'datasource']],
  ['note', ['备注', '注释', '说明', '附注', '注', 'note', 'notes', 'remark', 'remarks', 'comment']],
  ['ignore', ['序号', '编号', '代码', '指标代码', '地区代码', '行政区划代码', 'id', 'no', 'code']],
];

const WORD_ROLE = new Map<string, Word>();
for (const [role, words] of ROLE_WORDS) for (const w of words) WORD_ROLE.set(w, role);

function headerKey(text: string): string {
  return splitHeaderUnit(text).name.toLowerCase().replace(/[\s_]+/g, '');
}

function roleOfHeader(text: string): Word | null {
  return WORD_ROLE.get(headerKey(text)) ?? null;
}

/** Note rows that fix a dimension for the whole table (`数据库：…`, `时间：最近10年` are kept as notes only). */
const NOTE_KEYS: ReadonlyArray<readonly [RegExp, keyof FixedValues]> = [
  [/^(指标|指标名称|indicator)$/i, 'indicator'],
  [/^(地区|区域|region)$/i, 'region'],
  [/^(时间|时期|年份|年度|period|year|time)$/i, 'period'],
  [/^(单位|计量单位|unit)$/i, 'unit'],
  [/^(口径|统计口径|核算口径|数据口径|测算口径|measure)$/i, 'measure'],
  [/^(数据来源|资料来源|来源|source)$/i, 'source'],
  [/^(状态|数据状态|数据性质|status)$/i, 'status'],
];

const UNIT_NOTE = /^(单位|计量单位|unit)\s*[：:]/i;

const TRAILING_NOTE = /^(注\s*\d*|附注|说明|备注|数据来源|资料来源|来源|notes?|sources?)\s*[：:]|^注\s*\d+\s*[.、]|^[①②③④⑤⑥⑦⑧⑨]/i;

function isBlank(cell: string): boolean {
  return cell.length === 0 || (cell.charCodeAt(0) <= 32 && cell.trim() === '');
}

export function cellsUsed(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (!isBlank(c)) n++;
  return n;
}

function firstCell(cells: readonly string[]): string {
  for (const c of cells) if (c.trim() !== '') return c.trim();
  return '';
}

/** A `注：…` / `数据来源：…` row below the data (or one continuing such a note). */
export function isTrailingNote(cells: readonly string[], afterNote: boolean, used = cellsUsed(cells)): boolean {
  if (used === 0 || used > 2) return false;
  const first = normaliseLabel(firstCell(cells));
  return TRAILING_NOTE.test(first) || (afterNote && used === 1);
}

export function noteText(cells: readonly string[]): string {
  return cells.map((c) => c.trim()).filter((c) => c !== '').join(' ');
}

export function parseStatus(text: string): Status | null {
  const t = normaliseLabel(text).toLowerCase();
  if ((STATUSES as readonly string[]).includes(t)) return t as Status;
  switch (t) {
    case '实际':
    case '实际值':
    case '实绩':
    case '统计':
    case '公布':
      return 'actual';
    case '估计':
    case '估算':
    case '预估':
    case '预计':
    case '估计值':
    case 'estimated':
      return 'estimate';
    case '目标':
    case '目标值':
    case '规划':
      return 'target';
    case '示意':
    case '示例':
    case '示意值':
    case '示例数据':
    case '示意数据':
    case '假设':
      return 'illustrative';
    case '推算':
    case '推算值':
    case '派生':
    case '计算':
      return 'derived';
    default:
      return null;
  }
}

interface Notes {
  notes: string[];
  fixed: FixedValues;
  /** Fixed values the note rows gave, where. */
  detected: DetectedValue[];
  /** Note rows that are no `key：value` (a title, a subtitle), where they are. */
  titles: Array<{ row: number; text: string }>;
  /** Where the `口径：…` note row is (1-based row and column), for a problem about it. */
  measureAt: { row: number; column: number; text: string } | null;
  /** Index in `rows` of the first row that is not a leading note. */
  next: number;
}

/** A leading note row: one cell, or two of which one is a unit note (a title beside 单位：亿元). */
function noteCells(cells: readonly string[]): Array<{ column: number; text: string }> | null {
  const used: Array<{ column: number; text: string }> = [];
  cells.forEach((c, i) => {
    if (!isBlank(c)) used.push({ column: i + 1, text: c.trim() });
  });
  if (used.length === 1) return used;
  if (used.length === 2 && used.some((u) => UNIT_NOTE.test(normaliseLabel(u.text)))) return used;
  return null;
}

function readLeadingNotes(rows: readonly RawRow[]): Notes {
  const out: Notes = { notes: [], fixed: {}, detected: [], titles: [], measureAt: null, next: rows.length };
  for (let i = 0; i < rows.length; i++) {
    if (cellsUsed(rows[i]!.cells) === 0) continue;
    const cells = noteCells(rows[i]!.cells);
    if (!cells) {
      out.next = i;
      return out;
    }
    const row = rows[i]!.row;
    for (const { column, text: written } of cells) {
      const text = normaliseLabel(written);
      out.notes.push(written);
      const m = /^(.{1,12}?)\s*[：:]\s*(.*)$/.exec(text);
      if (!m) {
        out.titles.push({ row, text: written });
        continue;
      }
      const key = NOTE_KEYS.find(([re]) => re.test(m[1] ?? ''))?.[1];
      const value = (m[2] ?? '').trim();
      if (!key || value === '') continue;
      const note = (field: DetectedValue['field'], v: string) => out.detected.push({ field, value: v, from: 'note', row, text: written });
      if (key === 'source') out.fixed.source = value;
      else if (key === 'period') {
        if (parsePeriod(value)) {
          out.fixed.period = value;
          note('period', value);
        }
      } else if (key === 'unit') {
        out.fixed.unit = value;
        note('unit', value);
      } else if (key === 'measure') {
        out.fixed.measure = value;
        out.measureAt = { row, column, text: value };
      } else if (key === 'status') {
        const status = parseStatus(value);
        if (status) {
          out.fixed.status = status;
          note('status', status);
        }
      } else if (key === 'indicator') {
        const { name, unit } = splitHeaderUnit(value);
        out.fixed.indicator = name;
        note('indicator', name);
        if (unit && out.fixed.unit === undefined) {
          out.fixed.unit = unit.text;
          note('unit', unit.text);
        }
      } else if (key === 'region') {
        out.fixed.region = value;
        note('region', value);
      }
    }
  }
  return out;
}

/** What the title rows say (the first that names a region gives it; the first title the rest). */
function titleFacts(leading: Notes, ctx: LayoutContext): { facts: TitleFacts; row: number; text: string; regionRow: number; regionText: string } | null {
  if (leading.titles.length === 0 || !ctx.titleRegions) return null;
  const first = leading.titles[0]!;
  const facts = readTitle(first.text, ctx.titleRegions);
  let regionRow = first.row;
  let regionText = first.text;
  if (!facts.region) {
    for (const t of leading.titles.slice(1)) {
      const region = readTitle(t.text, ctx.titleRegions).region;
      if (region) {
        facts.region = region;
        regionRow = t.row;
        regionText = t.text;
        break;
      }
    }
  }
  return { facts, row: first.row, text: first.text, regionRow, regionText };
}

function dataRows(rows: readonly RawRow[], from: number, limit: number): RawRow[] {
  const out: RawRow[] = [];
  let afterNote = false;
  for (let i = from; i < rows.length && out.length < limit; i++) {
    const cells = rows[i]!.cells;
    if (cellsUsed(cells) === 0) continue;
    if (isTrailingNote(cells, afterNote)) {
      afterNote = true;
      continue;
    }
    out.push(rows[i]!);
  }
  return out;
}

function shareOf(values: readonly string[], test: (v: string) => boolean): number {
  const used = values.filter((v) => v.trim() !== '');
  if (used.length === 0) return 0;
  return used.filter(test).length / used.length;
}

function isNumeric(v: string): boolean {
  const p = parseNumber(v);
  return p.kind !== 'invalid';
}

/** What a column without a known header word holds, judged by its cells. */
function guessLabelColumn(values: readonly string[], ctx: LayoutContext): 'region' | 'indicator' | 'numeric' {
  if (shareOf(values, isNumeric) >= 0.8) return 'numeric';
  return shareOf(values, (v) => ctx.isRegion(normaliseLabel(v))) >= 0.6 ? 'region' : 'indicator';
}

function columnOf(rows: readonly RawRow[], index: number): string[] {
  return rows.map((r) => r.cells[index] ?? '');
}

function requiredDims(columns: readonly ColumnMapping[], fixed: FixedValues, headerRow: number): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const has = (d: Dimension) => columns.some((c) => c.role === d || (c.role === 'series' && c.dimension === d)) || (fixed[d] ?? '').trim() !== '';
  if (!columns.some((c) => c.role === 'value' || c.role === 'series')) problems.push({ code: 'layout.no-values', params: {}, row: headerRow, column: null });
  if (!has('indicator')) problems.push({ code: 'layout.missing-indicator', params: {}, row: headerRow, column: null });
  if (!has('region')) problems.push({ code: 'layout.missing-region', params: {}, row: headerRow, column: null });
  if (!has('period')) problems.push({ code: 'layout.missing-period', params: {}, row: headerRow, column: null });
  return problems;
}

/** Checks a mapping (detected or given) for what the importer needs: dimensions, valid series keys. */
function checkMapping(mapping: Mapping): LayoutProblem[] {
  const problems = requiredDims(mapping.columns, mapping.fixed, mapping.headerRow);
  const seen = new Map<string, number>();
  for (const c of mapping.columns) {
    if (c.role !== 'series') continue;
    const key = (c.key ?? c.header).trim();
    if (!c.dimension || key === '') {
      problems.push({ code: 'layout.bad-mapping', params: { header: c.header }, row: mapping.headerRow, column: c.column });
      continue;
    }
    if (c.dimension === 'period' && !parsePeriod(key)) {
      problems.push({ code: 'period.invalid', params: { text: key }, row: mapping.headerRow, column: c.column });
    }
    const k = `${c.dimension}\u0001${c.dimension === 'period' ? (parsePeriod(key)?.period ?? key) : key}`;
    const prev = seen.get(k);
    if (prev !== undefined) problems.push({ code: 'layout.duplicate-series', params: { key, first: prev }, row: mapping.headerRow, column: c.column });
    else seen.set(k, c.column);
  }
  return problems;
}

/**
 * The measure of the rows without a measure cell of their own: the option's, else the one the
 * `口径：…` note row (or the mapping's fixed measure) names. A note the option overrides is said so
 * (a warning); a note naming no known measure, with no option to override it, is an error at the note.
 */
function fileMeasure(fixed: FixedValues, options: ImportOptions, leading: Notes, ctx: LayoutContext, problems: LayoutProblem[]): FileMeasure {
  const text = (fixed.measure ?? '').trim();
  const at = leading.measureAt && leading.measureAt.text === text ? leading.measureAt : null;
  const noteCode = text !== '' && ctx.measures ? ctx.measures.code(text) : null;
  if (options.measure) {
    if (text !== '' && noteCode !== options.measure) {
      problems.push({ code: 'measure.note-overridden', params: { note: text, option: ctx.measures?.label(options.measure) ?? options.measure }, row: at?.row ?? null, column: at?.column ?? null });
    }
    return { code: options.measure, from: 'option' };
  }
  if (text === '' || !ctx.measures) return { code: null, from: null };
  if (noteCode) return { code: noteCode, from: 'note' };
  problems.push({ code: 'measure.unrecognised', params: { text, known: ctx.measures.known }, row: at?.row ?? null, column: at?.column ?? null });
  return { code: null, from: null };
}

function describe(columns: ColumnMapping[]): { kind: 'long' | 'wide'; series: Dimension | null } {
  const series = columns.find((c) => c.role === 'series');
  return series ? { kind: 'wide', series: series.dimension ?? null } : { kind: 'long', series: null };
}

/** The index in `rows` of row number `row`, or of the first row after it; -1 when there is none. */
function indexOfRow(rows: readonly RawRow[], row: number): number {
  return rows.findIndex((r) => r.row >= row);
}

/** The header band that ends at row number `headerRow`: the detected one when it does, else that row alone. */
function bandEndingAt(rows: readonly RawRow[], headerRow: number, leading: Notes, ctx: LayoutContext): HeaderBand | null {
  if (leading.next < rows.length) {
    const detected = readHeaderBand(rows, leading.next, ctx.merges ?? null);
    if (rows[detected.last]!.row === headerRow) return detected;
  }
  const at = rows.findIndex((r) => r.row === headerRow);
  if (at < 0) return null;
  const single = readHeaderBand(rows.slice(at, at + 1), 0, ctx.merges ?? null);
  return { ...single, first: at, last: at };
}

/** The fixed values read from notes or the title that a mapping still holds, as the preview shows them. */
function stillDetected(detected: readonly DetectedValue[], fixed: FixedValues): DetectedValue[] {
  return detected.filter((d) => fixed[d.field] === d.value);
}

/**
 * The indicator a header names above every period column (地区生产总值（亿元） merged over 2019年 …
 * 2023年), when they share one such part that is no header word.
 */
function headerIndicator(band: HeaderBand, columns: readonly ColumnMapping[], rows: readonly RawRow[]): DetectedValue | null {
  const series = new Set(columns.filter((c) => c.role === 'series' && c.dimension === 'period').map((c) => c.column));
  const spans = band.columns.filter((hc) => series.has(hc.column)).map((hc) => (hc.parts.length > 1 ? hc.parts[0]! : ''));
  if (spans.length === 0 || spans.some((p) => p !== spans[0])) return null;
  const name = splitHeaderUnit(spans[0]!).name.trim();
  if (name === '' || roleOfHeader(name) !== null || parsePeriod(name)) return null;
  return { field: 'indicator', value: name, from: 'header', row: rows[band.first]!.row, text: spans[0]! };
}

/** Fixed values the title gives where the note rows gave none, recorded as detected there. */
function applyTitle(fixed: FixedValues, detected: DetectedValue[], title: ReturnType<typeof titleFacts>, fields: ReadonlyArray<'region' | 'period' | 'unit' | 'indicator'>): void {
  if (!title) return;
  for (const field of fields) {
    const value = title.facts[field];
    if (value === undefined || fixed[field] !== undefined) continue;
    fixed[field] = value;
    const region = field === 'region';
    detected.push({ field, value, from: 'title', row: region ? title.regionRow : title.row, text: region ? title.regionText : title.text });
  }
}

/**
 * Detect the layout from the first rows of a table. With `options.mapping` the given mapping is used
 * as it is (only checked, its column headers read anew from the file); a given mapping without
 * columns asks for the columns to be detected under its header row (the row the user chose), keeping
 * its fixed values. The note rows and the title are read either way.
 */
export function detectLayout(rows: readonly RawRow[], options: ImportOptions, ctx: LayoutContext): LayoutResult {
  const leading = readLeadingNotes(rows);
  const portal = leading.notes.length > 0;
  const title = titleFacts(leading, ctx);
  const given = options.mapping;
  const overrides: FixedValues = { ...(options.status && { status: options.status }), ...(options.source && { source: options.source }) };

  if (given && given.columns.length > 0) {
    const band = bandEndingAt(rows, given.headerRow, leading, ctx);
    const headers = new Map(band?.columns.map((c) => [c.column, headerText(c)]) ?? []);
    const columns = given.columns.map((c) => ({ ...c, header: headers.get(c.column) ?? c.header }));
    const mapping: Mapping = { ...given, columns, fixed: { ...given.fixed, ...overrides } };
    const shape = describe(mapping.columns);
    const problems = checkMapping(mapping);
    const detected = [...leading.detected];
    const above = band ? headerIndicator(band, columns, rows) : null;
    if (above) detected.push(above);
    applyTitle({ ...leading.fixed, ...(above && { indicator: above.value }) }, detected, title, ['region', 'period', 'unit', 'indicator']);
    return {
      layout: { kind: options.layout ?? (portal ? 'portal' : shape.kind), series: shape.series, confidence: 1 },
      mapping,
      notes: leading.notes,
      measure: fileMeasure(mapping.fixed, options, leading, ctx, problems),
      detected: stillDetected(detected, mapping.fixed),
      problems,
    };
  }

  // A mapping without columns keeps its fixed values (those the user saw, maybe corrected); the title's are marked where it still holds them.
  const fixed: FixedValues = given ? { ...given.fixed } : { ...leading.fixed };
  const detected = [...leading.detected];
  applyTitle(given ? { ...leading.fixed } : fixed, detected, title, ['region', 'period', 'unit']);
  Object.assign(fixed, overrides);
  const headerIndex = given ? indexOfRow(rows, given.headerRow) : leading.next;
  const header = rows[headerIndex];
  if (!header || cellsUsed(header.cells) === 0) {
    const mapping: Mapping = { headerRow: header?.row ?? given?.headerRow ?? rows[0]?.row ?? 1, columns: [], fixed };
    return {
      layout: { kind: portal ? 'portal' : 'long', series: null, confidence: 0 },
      mapping,
      notes: leading.notes,
      measure: { code: options.measure ?? null, from: options.measure ? 'option' : null },
      detected: stillDetected(detected, fixed),
      problems: [{ code: 'layout.no-header', params: {}, row: null, column: null }],
    };
  }
  const merges = ctx.merges ?? null;
  // A header row chosen inside the band detected under the notes stands for the whole band.
  const usual = given && leading.next < rows.length ? readHeaderBand(rows, leading.next, merges) : null;
  const start = usual && headerIndex >= usual.first && headerIndex <= usual.last ? usual.first : headerIndex;
  const firstBand = readHeaderBand(rows, start, merges);
  const sample = dataRows(rows, firstBand.last + 1, 200);
  const band = readHeaderBand(rows, start, merges, Math.max(0, ...sample.map((r) => r.cells.length)));
  const headerRow = rows[band.last]!.row;
  let confidence = 0.95;
  const columns: ColumnMapping[] = [];
  /** The lowest part of each column's header: what the column holds. */
  const leaf = new Map<number, string>();
  const wantLong = options.layout === 'long';

  for (const hc of band.columns) {
    const lowest = hc.parts[hc.parts.length - 1] ?? '';
    leaf.set(hc.column, lowest);
    const { name, unit } = splitHeaderUnit(lowest);
    const base: ColumnMapping = { column: hc.column, header: headerText(hc), role: 'ignore' };
    // A unit in the header, or in a part above it (地区生产总值（亿元） over the years).
    const unitText = unit?.text ?? hc.parts.slice(0, -1).map((p) => splitHeaderUnit(p).unit?.text).find((u) => u !== undefined);
    if (unitText) base.unit = unitText;
    const word = roleOfHeader(lowest);
    const period = word ? null : parsePeriod(name);
    if (word) columns.push({ ...base, role: word });
    else if (period && !wantLong) columns.push({ ...base, role: 'series', dimension: 'period', key: name });
    else columns.push(base);
  }

  const hasRole = (r: ColumnRole) => columns.some((c) => c.role === r);
  const leafOf = (c: ColumnMapping) => leaf.get(c.column) ?? '';
  const unknown = columns.filter((c) => c.role === 'ignore' && roleOfHeader(leafOf(c)) === null);

  if (hasRole('series')) {
    // Wide by period: unnamed text columns label the rows; judge each by its cells.
    for (const c of unknown) {
      const guess = guessLabelColumn(columnOf(sample, c.column - 1), ctx);
      if (guess === 'numeric') continue;
      const role = guess === 'region' && !hasRole('region') ? 'region' : !hasRole('indicator') ? 'indicator' : !hasRole('region') ? 'region' : null;
      if (role) {
        c.role = role;
        if (c.header === '') confidence -= 0.1;
      }
    }
  } else if (!hasRole('value')) {
    // No value column named. Numeric columns whose headers are regions spread over regions
    // (`指标, 重庆市, 四川省`); with periods down the rows they spread over indicators
    // (`年份, GDP(亿元), 人口(万人)`); a single unnamed numeric column is the value column.
    const valueLike = unknown.filter((c) => leafOf(c) !== '' && shareOf(columnOf(sample, c.column - 1), isNumeric) >= 0.8);
    const regionHeaders = valueLike.length > 0 && valueLike.every((c) => ctx.isRegion(normaliseLabel(leafOf(c))));
    const periodsDown = hasRole('period') || fixed.period !== undefined;
    const series: Dimension | null = regionHeaders ? 'region' : valueLike.length > 1 && periodsDown && !hasRole('indicator') ? 'indicator' : null;
    if (series) {
      for (const c of valueLike) {
        c.role = 'series';
        c.dimension = series;
        c.key = series === 'indicator' ? splitHeaderUnit(leafOf(c)).name : leafOf(c);
      }
      for (const c of unknown) {
        if (c.role !== 'ignore' || c.header !== '') continue;
        const guess = guessLabelColumn(columnOf(sample, c.column - 1), ctx);
        if (guess !== 'numeric') c.role = guess;
      }
      confidence -= 0.15;
    } else {
      const numeric = unknown.filter((c) => shareOf(columnOf(sample, c.column - 1), isNumeric) >= 0.8);
      if (numeric.length === 1) {
        numeric[0]!.role = 'value';
        confidence -= 0.25;
      }
    }
  }

  const has = (d: Dimension) => columns.some((c) => c.role === d || (c.role === 'series' && c.dimension === d));
  if (!has('indicator')) {
    // The indicator a merged header names above the period columns (地区生产总值（亿元） over 2019年 …), else the title's.
    const above = headerIndicator(band, columns, rows);
    if (above) {
      detected.push(above);
      if (!given && fixed.indicator === undefined) fixed.indicator = above.value;
    }
    applyTitle(given ? { ...leading.fixed, ...(above && { indicator: above.value }) } : fixed, detected, title, ['indicator']);
  }

  // A dimension named by the notes but also by a column: the column wins, row by row.
  for (const d of ['indicator', 'region', 'period'] as const) if (has(d)) delete fixed[d];

  const mapping: Mapping = { headerRow, columns, fixed };
  const problems = checkMapping(mapping);
  if (problems.some((p) => p.code.startsWith('layout.'))) confidence = Math.min(confidence, 0.4);
  const shape = describe(columns);
  const layout: LayoutInfo = { kind: portal ? 'portal' : shape.kind, series: shape.series, confidence: Math.round(confidence * 100) / 100 };
  if (layout.confidence < 0.6 && !problems.some((p) => p.code.startsWith('layout.'))) {
    problems.push({ code: 'layout.uncertain', params: { confidence: layout.confidence }, row: headerRow, column: null });
  }
  const measure = fileMeasure(fixed, options, leading, ctx, problems);
  return { layout, mapping, notes: leading.notes, measure, detected: stillDetected(detected, fixed), problems };
}
