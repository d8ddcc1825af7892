// From table rows to observations, following a Mapping: every value cell becomes one observation with
// its indicator, region, period, unit, status; a blank or placeholder cell (—, …, NA, 无) becomes
// none, only counted; every cell that cannot be read becomes a located problem; a total row that adds
// up (totals.ts) becomes none, only counted and said. Output is a
// dictionary-coded batch (typed arrays plus new dictionary entries) so that it can cross from the
// parse worker to the writing thread cheaply and be written without re-parsing.

import { parseNumber } from '../../../shared/parse/number';
import { parsePeriod, type Period } from '../../../shared/parse/period';
import { normaliseLabel } from '../../../shared/parse/text';
import { parseUnit, splitHeaderUnit, toStoredValue, unknownUnit, withMagnitude, type UnitInfo } from '../../../shared/parse/unit';
import { boundOfQualifier, type Bound } from '../../../shared/series/bound';
import { REPLACEMENT, looksLikeMojibake } from './decode';
import { cellsUsed, isTrailingNote, noteText, parseStatus } from './layout';
import type { MeasureMatcher } from './measures';
import type { ProblemList } from './problems';
import type { RawRow } from './table-reader';
import { indentOf, lastDigitOf, totalWord, TotalSums, type Comparison, type TotalValue, type TotalView, type TotalWord } from './totals';
import type { Mapping, Problem, Status, TotalsChoice } from './types';

/** An indicator label as written, split into name and unit (`地区生产总值(亿元)`). */
export interface LabelEntry {
  text: string;
  name: string;
  unit: string | null;
  /**
   * The entry (its index among the file's indicator labels) of the row it is indented under where it
   * was first met (  第一产业 under 地区生产总值, 其中：… under the row above), -1 for none.
   */
  parent: number;
}

export interface ParsedBatch {
  count: number;
  /** Dictionary entries added since the previous batch; ids continue from there. */
  indicatorLabels: LabelEntry[];
  regionLabels: string[];
  strings: string[];
  indicator: Int32Array;
  region: Int32Array;
  /** Ids into `strings` of canonical periods. */
  period: Int32Array;
  unit: Int32Array;
  status: Int32Array;
  source: Int32Array;
  note: Int32Array;
  /**
   * Ids into `strings` of each observation's own measure code ('' where its measure cell is blank),
   * only when the mapping has a measure column: empty otherwise, so a file without one carries none.
   */
  measure: Int32Array;
  /** Always a finite number: a blank or placeholder cell makes no observation. */
  value: Float64Array;
  /** All original texts joined; `originalEnd[i]` is the end offset of observation i's text. */
  original: string;
  originalEnd: Int32Array;
  row: Int32Array;
  column: Int32Array;
  /**
   * Observations whose text states a bound or an approximation (超6000亿元: lower), as
   * [index in this batch, bound]; every other one is exact. Sparse, since such cells are rare: no
   * column per row on the hot path.
   */
  bounded: Array<[number, Bound]>;
  /** Problems found while parsing this batch (only those within the first 200 overall). */
  problems: Problem[];
  problemTotal: number;
  errorTotal: number;
  badObservations: number;
  /** Value cells that were blank or a placeholder for "no data" (—, …, NA, 无): no observation, no problem. */
  blankCells: number;
  /** Total rows left out because they equal the sum of the rows they total. */
  totalRows: number;
  rowsRead: number;
  bytesRead: number;
  trailingNotes: string[];
}

class Dict {
  private readonly ids = new Map<string, number>();
  fresh: string[] = [];
  size = 0;
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.size++;
      this.ids.set(text, id);
      this.fresh.push(text);
    }
    return id;
  }
  take(): string[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }
}

/** A Dict id with the last text remembered: consecutive rows mostly repeat a status, source, period or unit. */
class DictField {
  private text: string | null = null;
  private last = -1;
  constructor(private readonly dict: Dict) {}
  id(text: string): number {
    if (text !== this.text) {
      this.last = this.dict.id(text);
      this.text = text;
    }
    return this.last;
  }
}

/** Most distinct texts a TextMemo keeps; beyond it, the values of texts not kept are computed every time. */
const MEMO_LIMIT = 100_000;

interface MemoEntry<T> {
  text: string;
  value: T;
  /** The entry asked for right after this one, the last time. */
  next: MemoEntry<T> | null;
}

/**
 * What a row's cell text means (an indicator id, a period), worked out once per distinct text: a long
 * table repeats a few hundred labels a million times. Before the Map (which must hash each new cell
 * string) two guesses are tried: the same text as the row before, and the text that followed that
 * one last time, since a long table walks through its periods or regions in the same order again
 * and again. `compute` (which must give the same value for the same text) is called on the first
 * sight of a text only while fewer than MEMO_LIMIT are kept, with that cell's row.
 */
class TextMemo<T> {
  private readonly known = new Map<string, MemoEntry<T>>();
  private last: MemoEntry<T> | null = null;
  constructor(private readonly compute: (text: string, row: number) => T) {}
  get(text: string, row: number): T {
    const last = this.last;
    if (last !== null) {
      if (text === last.text) return last.value;
      const guess = last.next;
      if (guess !== null && text === guess.text) {
        this.last = guess;
        return guess.value;
      }
    }
    let entry = this.known.get(text);
    if (entry === undefined) {
      entry = { text, value: this.compute(text, row), next: null };
      if (this.known.size >= MEMO_LIMIT) {
        // Not kept, nor linked to: only `last` holds it, so memory stays bounded.
        this.last = entry;
        return entry.value;
      }
      this.known.set(text, entry);
    }
    if (last !== null) last.next = entry;
    this.last = entry;
    return entry.value;
  }
}

/** A period read from a period cell, with its id in `strings` once an observation has used it (else -1). */
interface ReadPeriod {
  period: Period;
  id: number;
}

interface ValueColumn {
  index: number;
  /** For series columns: the dimension value the header names. */
  indicator: string | null;
  region: string | null;
  period: Period | null;
  unit: UnitInfo | null;
}

const NO_ROW = -1;
/** A row's indicator or region id not looked up yet (ids are >= 0, -1 is a label that normalises to nothing). */
const UNRESOLVED = -2;

/** A row of the indicator column's outline: how deep its label is indented, and its indicator's entry (-1: none). */
interface OutlineRow {
  indent: number;
  entry: number;
}

/** A total row met before the rows it totals (全市 heading the districts): decided when its group ends. */
interface PendingTotal {
  raw: RawRow;
  view: TotalView;
  other: string;
  word: TotalWord;
  values: Map<number, TotalValue>;
}

export class RowMapper {
  private readonly indicatorIds = new Map<string, number>();
  private readonly indicatorEntries: LabelEntry[] = [];
  private readonly regionDict = new Dict();
  private readonly strings = new Dict();
  private readonly indicatorCol: number;
  private readonly regionCol: number;
  private readonly periodCol: number;
  private readonly unitCol: number;
  private readonly statusCol: number;
  private readonly sourceCol: number;
  private readonly noteCol: number;
  private readonly measureCol: number;
  private readonly valueCols: ValueColumn[];
  private readonly fixedUnit: UnitInfo | null;
  private readonly fixedPeriod: Period | null;
  private readonly defaultStatus: Status;
  private readonly defaultSource: string;
  private readonly unitCache = new Map<string, UnitInfo>();
  private readonly statusIds = new DictField(this.strings);
  private readonly sourceIds = new DictField(this.strings);
  private readonly noteIds = new DictField(this.strings);
  private readonly periodIds = new DictField(this.strings);
  private readonly unitIds = new DictField(this.strings);
  private readonly measureIds = new DictField(this.strings);
  /** The measure code a measure cell's trimmed, non-empty text names, or null. */
  private readonly rowMeasures = new TextMemo((text) => this.measures?.code(text) ?? null);
  /** The indicator id of an indicator cell's trimmed text (-1 when it normalises to nothing); a new one is placed under `rowParent`. */
  private readonly rowIndicators = new TextMemo((text, row) => {
    const label = normaliseLabel(text);
    return label === '' ? -1 : this.indicatorId(label, row, this.indicatorCol === NO_ROW ? null : this.indicatorCol + 1, this.rowParent);
  });
  /** The rows above the current one that it may be indented under, least indented first. */
  private readonly outline: OutlineRow[] = [];
  /** The parent entry of the row being mapped (-1: none). */
  private rowParent = -1;
  /** The region id of a region cell's trimmed text (-1 when it normalises to nothing). */
  private readonly rowRegions = new TextMemo((text, row) => {
    const label = normaliseLabel(text);
    return label === '' ? -1 : this.regionId(label, row, this.regionCol === NO_ROW ? null : this.regionCol + 1);
  });
  /** The period of a period cell's trimmed text, `false` when it names none. */
  private readonly rowPeriods = new TextMemo((text): ReadPeriod | false => {
    const period = parsePeriod(text);
    return period ? { period, id: -1 } : false;
  });
  /** The unit of a unit cell's trimmed, non-empty text. */
  private readonly rowUnits = new TextMemo((text, row) => this.unitOf(text, row, this.unitCol + 1));
  private afterNote = false;
  private lastIndicator = '';
  private lastRegion = '';
  private entriesSent = 0;
  private trailing: string[] = [];
  private rowsRead = 0;
  private problemsSent = 0;
  private totalSent = 0;
  private errorsSent = 0;
  private bad = 0;
  private blank = 0;
  private totalRows = 0;
  /** Sums for recognising total rows: only in a table without a period column, and unless totals are kept. */
  private readonly sums: TotalSums | null;
  /** The label columns a total's label may be in, with their column index. */
  private readonly totalViews: Array<[TotalView, number]> = [];
  private pending: PendingTotal[] = [];
  /** Of the row being mapped, when the sums are kept: each observation's value column and last digit (reused, row after row). */
  private readonly rowColumns: number[] = [];
  private readonly rowLastDigits: number[] = [];

  private cap = 0;
  private n = 0;
  private ind = new Int32Array(0);
  private reg = new Int32Array(0);
  private per = new Int32Array(0);
  private uni = new Int32Array(0);
  private sta = new Int32Array(0);
  private src = new Int32Array(0);
  private not = new Int32Array(0);
  private mea = new Int32Array(0);
  private val = new Float64Array(0);
  private rowNo = new Int32Array(0);
  private colNo = new Int32Array(0);
  private originals: string[] = [];
  private bounded: Array<[number, Bound]> = [];

  constructor(
    private readonly mapping: Mapping,
    private readonly problems: ProblemList,
    private readonly replacementSeen: () => boolean,
    /** The workspace's measures, to read a measure column's cells. */
    private readonly measures: MeasureMatcher | null = null,
    totals: TotalsChoice = 'skip',
  ) {
    const col = (role: string) => mapping.columns.findIndex((c) => c.role === role);
    const at = (i: number) => (i === -1 ? NO_ROW : (mapping.columns[i]?.column ?? 0) - 1);
    this.indicatorCol = at(col('indicator'));
    this.regionCol = at(col('region'));
    this.periodCol = at(col('period'));
    this.unitCol = at(col('unit'));
    this.statusCol = at(col('status'));
    this.sourceCol = at(col('source'));
    this.noteCol = at(col('note'));
    this.measureCol = at(col('measure'));
    this.valueCols = mapping.columns
      .filter((c) => c.role === 'value' || c.role === 'series')
      .map((c) => {
        const key = (c.key ?? c.header).trim();
        const split = c.role === 'series' && c.dimension === 'indicator' && !c.unit ? splitHeaderUnit(key) : null;
        const unitText = c.unit ?? split?.unit?.text ?? null;
        return {
          index: c.column - 1,
          indicator: c.role === 'series' && c.dimension === 'indicator' ? key : null,
          region: c.role === 'series' && c.dimension === 'region' ? normaliseLabel(key) : null,
          period: c.role === 'series' && c.dimension === 'period' ? parsePeriod(key) : null,
          unit: unitText ? this.unitOf(unitText, mapping.headerRow, c.column) : null,
        };
      });
    const fixed = mapping.fixed;
    this.fixedUnit = fixed.unit ? this.unitOf(fixed.unit, null, null) : null;
    this.fixedPeriod = fixed.period ? parsePeriod(fixed.period) : null;
    this.defaultStatus = fixed.status ?? 'actual';
    this.defaultSource = fixed.source ?? '';
    // A long table (a period column) repeats its labels for every period: its totals are not told apart here.
    if (this.regionCol !== NO_ROW) this.totalViews.push(['region', this.regionCol]);
    if (this.indicatorCol !== NO_ROW) this.totalViews.push(['indicator', this.indicatorCol]);
    this.sums = totals === 'skip' && this.periodCol === NO_ROW && this.totalViews.length > 0 ? new TotalSums() : null;
    this.grow(1024);
  }

  get headerRow(): number {
    return this.mapping.headerRow;
  }

  private unitOf(text: string, row: number | null, column: number | null): UnitInfo {
    let u = this.unitCache.get(text);
    if (!u) {
      const known = parseUnit(text);
      if (!known) this.problems.addOnce(`unit:${text}`, 'unit.unknown', { unit: text }, row, column);
      u = known ?? unknownUnit(text);
      this.unitCache.set(text, u);
    }
    return u;
  }

  private indicatorId(label: string, row: number, column: number | null, parent = -1): number {
    let id = this.indicatorIds.get(label);
    if (id === undefined) {
      id = this.indicatorEntries.length;
      this.indicatorIds.set(label, id);
      const { name, unit } = splitHeaderUnit(label);
      this.indicatorEntries.push({ text: label, name: normaliseLabel(name), unit: unit?.text ?? null, parent });
      if (looksLikeMojibake(label)) this.problems.addOnce(`moji:${label}`, 'encoding.suspect-mojibake', { text: label }, row, column);
    }
    return id;
  }

  private regionId(label: string, row: number, column: number | null): number {
    const before = this.regionDict.size;
    const id = this.regionDict.id(label);
    if (id === before && looksLikeMojibake(label)) this.problems.addOnce(`moji:${label}`, 'encoding.suspect-mojibake', { text: label }, row, column);
    return id;
  }

  private grow(min: number): void {
    if (this.cap >= min) return;
    const cap = Math.max(min, this.cap * 2);
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a.subarray(0, this.n));
      return b;
    };
    this.ind = g32(this.ind);
    this.reg = g32(this.reg);
    this.per = g32(this.per);
    this.uni = g32(this.uni);
    this.sta = g32(this.sta);
    this.src = g32(this.src);
    this.not = g32(this.not);
    if (this.measureCol !== NO_ROW) this.mea = g32(this.mea);
    this.rowNo = g32(this.rowNo);
    this.colNo = g32(this.colNo);
    const v = new Float64Array(cap);
    v.set(this.val.subarray(0, this.n));
    this.val = v;
    this.cap = cap;
  }

  /** Map one table row (rows up to the header are skipped). */
  mapRow(raw: RawRow): void {
    const cells = raw.cells;
    const rowNo = raw.row;
    if (rowNo <= this.mapping.headerRow) return;
    const used = cellsUsed(cells);
    if (used === 0) return;
    if (isTrailingNote(cells, this.afterNote, used)) {
      this.afterNote = true;
      this.trailing.push(noteText(cells));
      return;
    }
    this.rowsRead++;
    if (this.sums) {
      for (const [view, col] of this.totalViews) {
        const word = totalWord(cells[col] ?? '', view);
        if (word) {
          // A total ends the groups above it: a row after it is indented under none of them.
          if (view === 'indicator') this.outline.length = 0;
          this.totalRow(raw, view, word);
          return;
        }
      }
    }
    this.emit(raw, this.sums !== null);
  }

  /** The end of the table: totals that headed their group are decided now. */
  finish(): void {
    const pending = this.pending;
    this.pending = [];
    for (const p of pending) this.decide(p, this.compare(p));
  }

  /** A row's indicator and region labels as its observations would get them (a blank one filled from above). */
  private labelsOf(cells: readonly string[]): { indicator: string; region: string } {
    const fixed = this.mapping.fixed;
    const indicator = this.indicatorCol === NO_ROW ? (fixed.indicator ?? '') : (cells[this.indicatorCol] ?? '').trim() || this.lastIndicator;
    const region = this.regionCol === NO_ROW ? (fixed.region ?? '') : (cells[this.regionCol] ?? '').trim() || this.lastRegion;
    return { indicator, region };
  }

  /** A total row's figures by value column, as its observations would store them, with their rounding. */
  private totalValues(cells: readonly string[], rowNo: number): Map<number, TotalValue> {
    const out = new Map<number, TotalValue>();
    const unitText = this.unitCol === NO_ROW ? '' : (cells[this.unitCol] ?? '').trim();
    const rowUnit = unitText === '' ? null : this.rowUnits.get(unitText, rowNo);
    for (let k = 0; k < this.valueCols.length; k++) {
      const vc = this.valueCols[k]!;
      const text = (cells[vc.index] ?? '').trim();
      const parsed = parseNumber(text);
      if (parsed.kind !== 'number') continue;
      const context = rowUnit ?? vc.unit ?? this.fixedUnit;
      const unit = parsed.percent ? (context ?? PERCENT) : parsed.unit ? withMagnitude(parsed.unit, context) : context;
      const value = toStoredValue(parsed.value, unit);
      if (Number.isFinite(value)) out.set(k, { value, lastDigit: lastDigitOf(text, parsed.value !== 0 ? value / parsed.value : 1) });
    }
    return out;
  }

  private compare(p: PendingTotal): Comparison {
    return this.sums!.compare(p.view, p.other, p.word, p.values);
  }

  /** A row labelled as a total: compared with the rows it totals, or held until they have been read. */
  private totalRow(raw: RawRow, view: TotalView, word: TotalWord): void {
    const labels = this.labelsOf(raw.cells);
    const total: PendingTotal = { raw, view, other: view === 'region' ? labels.indicator : labels.region, word, values: this.totalValues(raw.cells, raw.row) };
    const comparison = this.compare(total);
    // A total heading its group ends with the next total of its level (a grand one ends any).
    const ends = (p: PendingTotal) => p.view === view && p.other === total.other && (p.word.level === 'sub' || word.level === 'grand');
    const ended = this.pending.filter(ends);
    this.pending = this.pending.filter((p) => !ends(p));
    for (const p of ended) this.decide(p, this.compare(p));
    if (comparison.kind === 'empty' && total.values.size > 0) this.pending.push(total);
    else this.decide(total, comparison);
    this.sums!.reset(view, total.other, word.level);
  }

  /** Leave out a total that adds up (said, and counted); import one that does not, flagging a named total. */
  private decide(total: PendingTotal, comparison: Comparison): void {
    const col = this.totalViews.find(([v]) => v === total.view)![1];
    const label = (total.raw.cells[col] ?? '').trim();
    if (comparison.kind === 'match') {
      this.totalRows++;
      this.problems.add('total.skipped', { text: label }, total.raw.row, col + 1);
      return;
    }
    this.emit(total.raw, false);
    if (comparison.kind === 'mismatch' && total.word.explicit) {
      const number = (x: number) => String(Number(x.toPrecision(12)));
      const column = this.valueCols[comparison.column]!.index + 1;
      this.problems.add('total.mismatch', { text: label, value: number(comparison.value), sum: number(comparison.sum) }, total.raw.row, column);
    }
  }

  /** Map a data row's values; a row that is no total adds its figures to the sums totals are checked against. */
  private emit(raw: RawRow, component: boolean): void {
    const cells = raw.cells;
    const rowNo = raw.row;
    const first = this.n;
    const columns = this.rowColumns;
    const lastDigits = this.rowLastDigits;
    if (component) {
      columns.length = 0;
      lastDigits.length = 0;
    }
    const problems = this.problems;
    const width = this.valueCols.length;
    const place = this.placeInOutline(cells);

    if (this.replacementSeen()) {
      let damaged = false;
      for (let c = 0; c < cells.length; c++) {
        if (cells[c]!.includes(REPLACEMENT)) {
          problems.add('encoding.replacement-char', { text: cells[c]!.trim().slice(0, 40) }, rowNo, c + 1);
          damaged = true;
        }
      }
      if (damaged) {
        this.bad += width;
        return;
      }
    }

    const fixed = this.mapping.fixed;
    let indicatorLabel = this.indicatorCol === NO_ROW ? (fixed.indicator ?? '') : (cells[this.indicatorCol] ?? '').trim();
    let regionLabel = this.regionCol === NO_ROW ? (fixed.region ?? '') : (cells[this.regionCol] ?? '').trim();
    let period: Period | null = this.fixedPeriod;
    let read: ReadPeriod | false = false;
    let rowOk = true;
    if (this.periodCol !== NO_ROW) {
      const text = (cells[this.periodCol] ?? '').trim();
      read = this.rowPeriods.get(text, rowNo);
      period = read ? read.period : null;
      if (!period) {
        problems.add('period.invalid', { text }, rowNo, this.periodCol + 1);
        rowOk = false;
      }
    }
    let rowUnit: UnitInfo | null = null;
    if (this.unitCol !== NO_ROW) {
      const text = (cells[this.unitCol] ?? '').trim();
      if (text !== '') rowUnit = this.rowUnits.get(text, rowNo);
    }
    let status = this.defaultStatus;
    if (this.statusCol !== NO_ROW) {
      const text = (cells[this.statusCol] ?? '').trim();
      if (text !== '') {
        const s = parseStatus(text);
        if (s) status = s;
        else {
          problems.add('status.invalid', { text }, rowNo, this.statusCol + 1);
          rowOk = false;
        }
      }
    }
    const sourceText = this.sourceCol === NO_ROW ? this.defaultSource : (cells[this.sourceCol] ?? '').trim() || this.defaultSource;
    const noteCell = this.noteCol === NO_ROW ? '' : (cells[this.noteCol] ?? '').trim();
    let measureCode = '';
    if (this.measureCol !== NO_ROW) {
      const text = (cells[this.measureCol] ?? '').trim();
      if (text !== '') {
        const code = this.rowMeasures.get(text, rowNo);
        if (code) measureCode = code;
        else {
          problems.add('measure.unrecognised', { text: text.slice(0, 40), known: this.measures?.known ?? '' }, rowNo, this.measureCol + 1);
          rowOk = false;
        }
      }
    }

    // Tables copied from pivot tables or merged cells name a group once and leave the rows below blank.
    if (this.indicatorCol !== NO_ROW) {
      if (indicatorLabel !== '') this.lastIndicator = indicatorLabel;
      else if (this.lastIndicator !== '') {
        indicatorLabel = this.lastIndicator;
        problems.addOnce('fill:indicator', 'label.filled-down', { text: indicatorLabel }, rowNo, this.indicatorCol + 1);
      } else {
        problems.add('row.missing-indicator', {}, rowNo, this.indicatorCol + 1);
        rowOk = false;
      }
    }
    if (this.regionCol !== NO_ROW) {
      if (regionLabel !== '') this.lastRegion = regionLabel;
      else if (this.lastRegion !== '') {
        regionLabel = this.lastRegion;
        problems.addOnce('fill:region', 'label.filled-down', { text: regionLabel }, rowNo, this.regionCol + 1);
      } else {
        problems.add('row.missing-region', {}, rowNo, this.regionCol + 1);
        rowOk = false;
      }
    }
    if (!rowOk) {
      this.bad += width;
      return;
    }
    const statusId = this.statusIds.id(status);
    const sourceId = this.sourceIds.id(sourceText);
    const noteId = this.noteIds.id(noteCell);
    const measureId = this.measureCol === NO_ROW ? -1 : this.measureIds.id(measureCode);
    // Resolved at the row's first readable value: a row of blank or unreadable cells names no
    // indicator or region to the catalogue, so that an import creates no entry without a figure.
    let rowIndicator = UNRESOLVED;
    let rowRegion = UNRESOLVED;

    this.grow(this.n + width);
    for (let k = 0; k < width; k++) {
      const vc = this.valueCols[k]!;
      const colNo = vc.index + 1;
      const text = (cells[vc.index] ?? '').trim();
      const p = vc.period ?? period;
      if (!p) {
        this.bad++;
        continue;
      }
      const parsed = parseNumber(text);
      if (parsed.kind === 'missing') {
        this.blank++;
        continue;
      }
      if (parsed.kind === 'invalid') {
        problems.add('value.invalid', { text: text.slice(0, 40) }, rowNo, colNo);
        this.bad++;
        continue;
      }
      let indicator: number;
      if (vc.indicator !== null) indicator = this.indicatorId(vc.indicator, rowNo, colNo);
      else {
        if (rowIndicator === UNRESOLVED) {
          this.rowParent = place?.parent ?? -1;
          rowIndicator = this.rowIndicators.get(indicatorLabel, rowNo);
          if (place) place.row.entry = rowIndicator;
        }
        indicator = rowIndicator;
      }
      let region: number;
      if (vc.region !== null) region = this.regionId(vc.region, rowNo, colNo);
      else {
        if (rowRegion === UNRESOLVED) rowRegion = this.rowRegions.get(regionLabel, rowNo);
        region = rowRegion;
      }
      if (indicator < 0 || region < 0) {
        this.bad++;
        continue;
      }
      const labelUnitText = this.indicatorEntries[indicator]!.unit;
      const context = rowUnit ?? vc.unit ?? (labelUnitText ? this.unitOf(labelUnitText, rowNo, colNo) : null) ?? this.fixedUnit;
      if (rowUnit && vc.unit && (rowUnit.unit !== vc.unit.unit || rowUnit.factor !== vc.unit.factor)) {
        problems.addOnce(`uc:${rowUnit.text}\u0001${vc.unit.text}`, 'unit.conflict', { unit: rowUnit.text, header: vc.unit.text }, rowNo, this.unitCol + 1);
      }

      let unit = context;
      if (parsed.percent) {
        if (unit && unit.kind !== 'percent') {
          problems.add('value.percent-unit-mismatch', { text, unit: unit.text }, rowNo, colNo);
          this.bad++;
          continue;
        }
        unit = unit ?? PERCENT;
      } else if (parsed.unit) {
        unit = withMagnitude(parsed.unit, context);
        if (context && unit.unit !== context.unit) {
          problems.addOnce(`uc:${unit.text}\u0001${context.text}`, 'unit.conflict', { unit: unit.text, header: context.text }, rowNo, colNo);
        }
      }
      const value = toStoredValue(parsed.value, unit);
      if (!Number.isFinite(value)) {
        // 400 digits, or 1e308 in 万亿元: beyond a double. Stored, it would read back as Infinity.
        problems.add('value.invalid', { text: text.slice(0, 40) }, rowNo, colNo);
        this.bad++;
        continue;
      }
      if (parsed.qualifier) {
        problems.add('value.qualified', { text, qualifier: parsed.qualifier }, rowNo, colNo);
        const bound = boundOfQualifier(parsed.qualifier);
        if (bound !== 'exact') this.bounded.push([this.n, bound]);
      }
      const original = unit && unit.factor !== 1 && !parsed.unit ? `${text} ${unit.text}` : text;

      const i = this.n++;
      this.ind[i] = indicator;
      this.reg[i] = region;
      if (vc.period === null && read) {
        if (read.id === -1) read.id = this.strings.id(read.period.period);
        this.per[i] = read.id;
      } else this.per[i] = this.periodIds.id(p.period);
      this.uni[i] = this.unitIds.id(unit ? unit.unit : '');
      this.sta[i] = statusId;
      this.src[i] = sourceId;
      this.not[i] = noteId;
      if (measureId !== -1) this.mea[i] = measureId;
      this.val[i] = value;
      this.rowNo[i] = rowNo;
      this.colNo[i] = colNo;
      this.originals.push(original);
      if (component) {
        columns.push(k);
        lastDigits.push(lastDigitOf(text, parsed.value !== 0 ? value / parsed.value : 1));
      }
    }
    if (component && this.n > first) {
      for (const [view, col] of this.totalViews) {
        const other = view === 'region' ? indicatorLabel : regionLabel;
        const indent = indentOf(cells[col] ?? '');
        for (let j = 0; j < columns.length; j++) this.sums!.add(view, other, indent, columns[j]!, { value: this.val[first + j]!, lastDigit: lastDigits[j]! });
      }
    }
  }

  /**
   * The row's place in the indicator column's outline: its label's indent (totals.ts indentOf) puts it
   * under the nearest row above indented less, whose entry is its parent. The row joins the outline
   * (its entry set once resolved), so that rows indented under it find it, whether or not it is read.
   * Null for a row whose indicator cell is blank (filled from above) or a table without that column.
   */
  private placeInOutline(cells: readonly string[]): { row: OutlineRow; parent: number } | null {
    if (this.indicatorCol === NO_ROW) return null;
    const label = cells[this.indicatorCol] ?? '';
    if (label.trim() === '') return null;
    const indent = indentOf(label);
    const outline = this.outline;
    while (outline.length > 0 && outline[outline.length - 1]!.indent >= indent) outline.pop();
    const parent = outline.length > 0 ? outline[outline.length - 1]!.entry : -1;
    const row: OutlineRow = { indent, entry: -1 };
    outline.push(row);
    return { row, parent };
  }

  /** Hand over what was mapped since the last call. */
  takeBatch(bytesRead: number): ParsedBatch {
    const n = this.n;
    const ends = new Int32Array(n);
    let off = 0;
    for (let i = 0; i < n; i++) {
      off += this.originals[i]!.length;
      ends[i] = off;
    }
    const problems = this.problems.items.slice(this.problemsSent);
    this.problemsSent = this.problems.items.length;
    const batch: ParsedBatch = {
      count: n,
      indicatorLabels: this.indicatorEntries.slice(this.entriesSent),
      regionLabels: this.regionDict.take(),
      strings: this.strings.take(),
      indicator: this.ind.slice(0, n),
      region: this.reg.slice(0, n),
      period: this.per.slice(0, n),
      unit: this.uni.slice(0, n),
      status: this.sta.slice(0, n),
      source: this.src.slice(0, n),
      note: this.not.slice(0, n),
      measure: this.measureCol === NO_ROW ? new Int32Array(0) : this.mea.slice(0, n),
      value: this.val.slice(0, n),
      original: this.originals.join(''),
      originalEnd: ends,
      row: this.rowNo.slice(0, n),
      column: this.colNo.slice(0, n),
      bounded: this.bounded,
      problems,
      problemTotal: this.problems.total - this.totalSent,
      errorTotal: this.problems.errors - this.errorsSent,
      badObservations: this.bad,
      blankCells: this.blank,
      totalRows: this.totalRows,
      rowsRead: this.rowsRead,
      bytesRead,
      trailingNotes: this.trailing,
    };
    this.entriesSent = this.indicatorEntries.length;
    this.totalSent = this.problems.total;
    this.errorsSent = this.problems.errors;
    this.n = 0;
    this.originals = [];
    this.bounded = [];
    this.bad = 0;
    this.blank = 0;
    this.totalRows = 0;
    this.rowsRead = 0;
    this.trailing = [];
    return batch;
  }
}

const PERCENT: UnitInfo = { text: '%', unit: '%', factor: 1, kind: 'percent' };
