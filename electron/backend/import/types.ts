// The import's public shapes: what preview and commit take and return. Everything here is plain data
// (JSON-safe) so the API layer can pass it over IPC or HTTP unchanged.

export const STATUSES = ['actual', 'estimate', 'target', 'illustrative', 'derived'] as const;
export type Status = (typeof STATUSES)[number];

export type Severity = 'error' | 'warning';

/** One finding about the file. `row` and `column` are 1-based, as the user sees them in Excel. */
export interface Problem {
  code: string;
  severity: Severity;
  params: Record<string, string | number>;
  file: string;
  sheet: string | null;
  row: number | null;
  column: number | null;
}

export type EncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface EncodingGuess {
  name: EncodingName;
  /** 0..1: 1 for a byte-order mark, about 0.5 when the sample had no non-ASCII text to judge by. */
  confidence: number;
  bom: boolean;
  /** True when the user chose the encoding. */
  override: boolean;
}

/** `xls`: legacy Excel (BIFF5/BIFF8, or an XML spreadsheet); `html`: a web-page table saved as .xls. */
export type FileFormat = 'csv' | 'tsv' | 'xlsx' | 'xls' | 'html';

export type LayoutKind = 'long' | 'wide' | 'portal';
export type Dimension = 'indicator' | 'region' | 'period';
export type ColumnRole = 'indicator' | 'region' | 'period' | 'value' | 'unit' | 'measure' | 'status' | 'source' | 'note' | 'ignore' | 'series';

/**
 * What one column holds. A `series` column holds values, and its header names the dimension value they
 * share: a period (`2019年`) in a wide table, or an indicator or region in a table turned the other way.
 */
export interface ColumnMapping {
  /** 1-based column number. */
  column: number;
  header: string;
  role: ColumnRole;
  /** For `series` columns: which dimension the header names. */
  dimension?: Dimension;
  /** For `series` columns: the dimension value (the header text unless corrected). */
  key?: string;
  /** A unit read from the header (`数值(亿元)`), or set by the user. */
  unit?: string;
}

/** Dimension values that hold for every row: from note rows (`指标：…`, `单位：…`) or chosen by the user. */
export interface FixedValues {
  indicator?: string;
  region?: string;
  period?: string;
  unit?: string;
  /**
   * The file's measure (口径) as written in a `口径：…` note row: a measure's code, Chinese or English
   * name. An import's `measure` option and a row's measure column both win over it.
   */
  measure?: string;
  status?: Status;
  source?: string;
}

export interface Mapping {
  /**
   * 1-based row number of the header row (of a header of several rows under merged cells, the last).
   * A mapping given with no columns asks for the columns to be detected under this row.
   */
  headerRow: number;
  columns: ColumnMapping[];
  fixed: FixedValues;
}

/**
 * A value fixed for the whole table that the importer read rather than the user gave: from the
 * title (重庆市数字经济主要指标 → 重庆市), a note row (地区：重庆市, 单位：亿元) or a header merged over
 * the period columns (地区生产总值（亿元）). The preview marks it (从标题识别) for the user to check.
 */
export interface DetectedValue {
  field: 'indicator' | 'region' | 'period' | 'unit' | 'status';
  value: string;
  from: 'title' | 'note' | 'header';
  /** The row it was read from (1-based) and that row's text. */
  row: number;
  text: string;
}

export interface LayoutInfo {
  kind: LayoutKind;
  /** Which dimension the value columns spread over; null for a long table. */
  series: Dimension | null;
  /** 0..1: how sure detection is; below 0.6 the preview asks the user to check the mapping. */
  confidence: number;
}

export interface ImportOptions {
  /** The name shown to the user and stored in provenance; defaults to the file's base name. */
  fileName?: string;
  /** Overrides encoding detection (CSV/TSV). `gbk` reads as GB18030, its superset. */
  encoding?: EncodingName | 'gbk' | 'utf8' | 'utf16le';
  /** XLSX sheet name; defaults to the first sheet with data. */
  sheet?: string;
  /** `long` stops headers such as `2019年` being read as period columns (detection otherwise decides). */
  layout?: LayoutKind;
  /** A corrected mapping (from a preview); replaces detection. */
  mapping?: Mapping;
  /** Status of rows that have no status column; default `actual`. */
  status?: Status;
  /** Source of rows that have no source column; default the file's `数据来源：` note. */
  source?: string;
  /**
   * The measure (口径, a code of the measures table) of every row this import writes that has no
   * measure cell of its own; it wins over a `口径：…` note row. Without it (and without a note row)
   * new rows take their indicator's and a replaced row keeps its own.
   */
  measure?: string;
  /**
   * Total rows (合计, 总计, 小计, or 全市/全国 …) that equal the sum of the rows they total: `skip`
   * (the default) leaves them out, `keep` imports them as rows of their own.
   */
  totals?: TotalsChoice;
}

export type TotalsChoice = 'skip' | 'keep';

/** Where the measure of a file's rows comes from, when not from a row's own measure cell. */
export type MeasureSource = 'option' | 'note';

/** The measure an import gives the rows without a measure cell of their own (null: each indicator's). */
export interface FileMeasure {
  code: string | null;
  from: MeasureSource | null;
}

/**
 * What to do with a row whose key the workspace holds: `replace` overwrites it in place, `keep` leaves
 * it, `fail` stops the import, `revise` makes the file's value the latest release and keeps the
 * workspace's as an earlier one (observation_releases) where the two differ, changing nothing where
 * they are the same (needs `released`).
 */
export type ConflictPolicy = 'replace' | 'keep' | 'fail' | 'revise';

export interface CommitOptions extends ImportOptions {
  /** What to do with a row whose indicator, region, period and status are already in the workspace. */
  onConflict: ConflictPolicy;
  /** The release date (YYYY-MM-DD) of the figures in the file; required by `revise`. */
  released?: string;
  /** The release's label (初步核算, 第四次经济普查修订 …). */
  releaseLabel?: string;
  /** Skip rows with errors instead of rejecting the import. */
  skipBadRows?: boolean;
  /** Import a file even though a file with the same SHA-256 was imported before. */
  allowDuplicate?: boolean;
}

export interface ImportProgress {
  phase: 'reading' | 'writing';
  /** Observations handled so far. */
  rows: number;
  /** 0..100, by bytes read. */
  percent: number;
  /** Observations per second. */
  rate: number;
}

export interface RunControl {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Parse in a worker thread while the calling thread writes. Default: for files over 2 MB. */
  useWorker?: boolean;
}

export interface SampleObservation {
  row: number;
  column: number;
  indicator: string;
  indicatorName: string;
  /** The indicator's parent once the import is written (code and name, '' for none): the workspace's, else the row it is indented under. */
  parent: string;
  parentName: string;
  region: string;
  regionName: string;
  period: string;
  year: number;
  value: number;
  unit: string;
  original: string;
  status: Status;
  source: string;
  note: string;
  /** The measure (口径) code the row will have: its measure cell's, else the file's, else its indicator's. */
  measure: string;
  /** Where that measure comes from. */
  measureFrom: 'column' | MeasureSource | 'indicator';
  /** The workspace already holds a row with this indicator, region, period and status. */
  conflict: boolean;
}

export interface ImportRecord {
  id: number;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  encoding: string;
  sheet: string | null;
  layout: string;
  mapping: Mapping | null;
  rowsRead: number;
  rowsWritten: number;
  rowsSkipped: number;
  rowsReplaced: number;
  /** Value cells left blank or holding a placeholder (—, …, NA, 无): no row written for them. */
  blankCells: number;
  sourceNote: string;
  importedAt: string;
  undoneAt: string | null;
  /** The measure (口径) the import gave its rows (the option's or the note row's; null: each indicator's own), with its names. */
  measure: string | null;
  measureName: string;
  measureNameEn: string;
  /** Whether a column of the file gave rows their own measure (it wins over `measure`). */
  measureColumn: boolean;
  /** The release the import recorded: date (ISO, '' when none) and label. */
  released: string;
  releaseLabel: string;
  /** The conflict choice it ran under ('' for imports made before this was recorded). */
  onConflict: ConflictPolicy | '';
}

export interface ImportPreview {
  file: { name: string; sizeBytes: number; sha256: string; format: FileFormat };
  encoding: EncodingGuess | null;
  sheets: string[];
  sheet: string | null;
  layout: LayoutInfo;
  mapping: Mapping;
  headerRow: number;
  /** Leading note rows (`数据库：…`, `时间：…`). */
  notes: string[];
  /** Fixed values read from the title, a note row or a merged header, for the preview to mark. */
  detected: DetectedValue[];
  /** The measure given to rows without a measure cell of their own: the option's, else the `口径：…` note row's, else none (each indicator's). */
  measure: FileMeasure;
  /** Trailing `注：…` / `数据来源：…` rows, stored as the import's source note. */
  sourceNote: string;
  /** The first rows of the table as read (decoded, cells cut to 120 characters), header and notes included. */
  rawRows: Array<{ row: number; cells: string[] }>;
  /** The first 50 parsed observations. */
  sample: SampleObservation[];
  /** Data rows of the table read. */
  rowsRead: number;
  /** Observations that parsed without error. */
  observations: number;
  /** Observations with an error (rejected, or skipped with skipBadRows). */
  badObservations: number;
  /** Value cells left blank or holding a placeholder for "no data" (—, …, NA, 无): nothing is written for them. */
  blankCells: number;
  /** Total rows left out because they equal the sum of the rows they total (none with `totals: 'keep'`). */
  totalRows: number;
  /** Observations whose key is already in the workspace. */
  conflicts: number;
  /** Of those, the ones whose value and bound the workspace already holds (a `revise` leaves them unchanged). */
  conflictsIdentical: number;
  /** Observations whose key appears earlier in the same file. */
  duplicatesInFile: number;
  /** Names that an import would add to the catalogue (first 50 each). */
  newIndicators: string[];
  newRegions: string[];
  /** Sub-items the import would place under a parent in the catalogue (they have none yet), by name (first 50). */
  newParents: Array<{ name: string; parent: string }>;
  /** The earlier import of a file with the same SHA-256, if any (not undone). */
  duplicateOf: ImportRecord | null;
  /** The first 200 problems. */
  problems: Problem[];
  problemCount: number;
  errorCount: number;
}

export interface ImportSummary {
  status: 'committed' | 'rejected' | 'cancelled';
  importId: number | null;
  rowsRead: number;
  rowsWritten: number;
  /** Observations not written: bad rows (with skipBadRows) and conflicts kept with onConflict 'keep'. */
  rowsSkipped: number;
  rowsReplaced: number;
  /** Conflicts left as they were (onConflict 'keep'); included in rowsSkipped. */
  rowsKept: number;
  /** Conflicts whose value the workspace already holds (onConflict 'revise'): nothing written, not skipped. */
  rowsUnchanged: number;
  /** Value cells left blank or holding a placeholder (—, …, NA, 无): nothing written, not counted as skipped. */
  blankCells: number;
  /** Total rows left out because they equal the sum of the rows they total: not counted as skipped. */
  totalRows: number;
  sourceNote: string;
  problems: Problem[];
  problemCount: number;
  errorCount: number;
  durationMs: number;
}

/** An indicator or a region an undo took out of the catalogue, with its names. */
export interface RemovedEntry {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface UndoSummary {
  importId: number;
  rowsDeleted: number;
  rowsRestored: number;
  /** Indicators and regions the import had added that no other row used any more: removed with it. */
  removedIndicators: RemovedEntry[];
  removedRegions: RemovedEntry[];
}
