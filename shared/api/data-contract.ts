import { z } from 'zod';
import { BOUNDS } from '../series/bound';
import { vintageSchema } from '../series/vintage';
import type { CallResult } from './bridge';
import { jobStatusSchema } from './jobs-contract';

// The Data page: the observations grid and its value lists, edits with their audit trail, export of a
// view, the catalogue, a time-series quick look, and imports (staged file → preview → commit job →
// history and undo). A file to import is never named by path here: the browser host stages an upload
// and the Electron shell stages the file picked in its own dialog; the UI only holds the staging id.

// The grid's request has AG Grid's shapes; the backend checks each filter against its column
// whitelist (electron/backend/data/observation-view.ts) before any of it reaches SQL.
const sortModel = z.array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) })).max(8).nullish();
const filterModel = z.record(z.string().max(64), z.unknown()).nullish();

/** The data as known on this date (ALFRED's vintage): each row in the latest release made by then, rows not yet released left out. */
const vintage = vintageSchema.nullish();

export const gridQuerySchema = z
  .object({
    startRow: z.number().int().min(0),
    endRow: z.number().int().min(0),
    sortModel,
    filterModel,
    vintage,
  })
  .strict();

export const boundSchema = z.enum(BOUNDS);

export const observationRowSchema = z.object({
  id: z.number().int(),
  indicator: z.string(),
  indicatorName: z.string(),
  indicatorNameEn: z.string(),
  region: z.string(),
  regionName: z.string(),
  regionNameEn: z.string(),
  period: z.string(),
  year: z.number().int(),
  value: z.number().nullable(),
  unit: z.string(),
  original: z.string(),
  status: z.string(),
  importId: z.number().int().nullable(),
  source: z.string(),
  note: z.string(),
  /** The measure (口径) code, its own or its indicator's, and its names. */
  measure: z.string(),
  measureName: z.string(),
  measureNameEn: z.string(),
  /** Whether the value is exact or a bound ("超过1万亿元": lower). */
  bound: boundSchema,
  /** The release shown: its date (ISO, '' when unknown) and label (初步核算, 第四次经济普查修订 …). */
  released: z.string(),
  releaseLabel: z.string(),
  /** Other releases of this observation kept (0: never revised); `observations.releases` lists them. */
  revisions: z.number().int(),
});
export type ObservationRow = z.infer<typeof observationRowSchema>;

/** Columns that offer a value-list filter (the backend's VALUE_LIST_COLUMNS). */
export const valueListColumns = ['indicator', 'region', 'status', 'importId', 'unit', 'year', 'measure', 'bound'] as const;
export type ValueListColumn = (typeof valueListColumns)[number];

export const valueOptionSchema = z.object({ value: z.union([z.string(), z.number(), z.null()]), label: z.string() });
export type ValueOption = z.infer<typeof valueOptionSchema>;

/** The filter model entry a value-list filter sends: rows whose column holds one of `values`. */
export interface SetValuesFilter {
  filterType: 'set-values';
  values: Array<string | number | null>;
}

export const editableFields = ['value', 'note'] as const;

export const editRecordSchema = z.object({
  id: z.number().int(),
  observationId: z.number().int(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  editedAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type EditRecord = z.infer<typeof editRecordSchema>;
const editResultSchema = z.object({ edit: editRecordSchema, row: observationRowSchema });

/** One release of an observation: the latest (the row itself) or an earlier one kept in observation_releases. */
export const releaseSchema = z.object({
  value: z.number().nullable(),
  original: z.string(),
  bound: boundSchema,
  /** The measure this release is on, and its names: a reclassified figure's releases differ here. */
  measure: z.string(),
  measureName: z.string(),
  measureNameEn: z.string(),
  released: z.string(),
  releaseLabel: z.string(),
  source: z.string(),
  note: z.string(),
  latest: z.boolean(),
});
export type Release = z.infer<typeof releaseSchema>;
/** A date on which some figure of the workspace was released, with the releases' labels: the dates worth viewing the data as known on. */
export const releaseDateSchema = z.object({ date: z.string(), labels: z.array(z.string()), figures: z.number().int() });
export type ReleaseDate = z.infer<typeof releaseDateSchema>;
export const releasesSchema = z.object({ id: z.number().int(), unit: z.string(), releases: z.array(releaseSchema) });
export type Releases = z.infer<typeof releasesSchema>;

export const measureEntrySchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  publisher: z.string(),
  source: z.string(),
});
export type MeasureEntry = z.infer<typeof measureEntrySchema>;

export const indicatorEntrySchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** The indicator it is a sub-item of (a yearbook's indented row: 第一产业 under 地区生产总值), null for none, with its names. */
  parent: z.string().nullable(),
  parentName: z.string(),
  parentNameEn: z.string(),
  /** How deep it sits under top-level indicators (0: top level); the catalogue lists each parent followed by its sub-items. */
  depth: z.number().int(),
  unit: z.string(),
  category: z.string(),
  /** Chinese, and English ('' when none was written: the screens fall back to the Chinese). */
  description: z.string(),
  descriptionEn: z.string(),
  source: z.string(),
  /** The measure its figures use unless an observation names its own, and its names. */
  measure: z.string(),
  measureName: z.string(),
  measureNameEn: z.string(),
  /** Other measures some of its figures name (重庆's share: the broad measure from 2022), '' when none. */
  otherMeasureNames: z.string(),
  otherMeasureNamesEn: z.string(),
  observations: z.number().int(),
});
export type IndicatorEntry = z.infer<typeof indicatorEntrySchema>;

export const regionEntrySchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), kind: z.string(), observations: z.number().int() });
export type RegionEntry = z.infer<typeof regionEntrySchema>;

export const seriesPointSchema = z.object({
  indicator: z.string(),
  region: z.string(),
  period: z.string(),
  year: z.number().int(),
  value: z.number().nullable(),
  unit: z.string(),
  status: z.string(),
  bound: z.enum(BOUNDS),
  /** The figure's measure (its own, else its indicator's) and that measure's names. */
  measure: z.string(),
  measureName: z.string(),
  measureNameEn: z.string(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/** Most series a quick look draws at once (indicators × regions). */
export const MAX_QUICK_LOOK_SERIES = 40;

// Imports. Shapes mirror electron/backend/import/types.ts.
const statusEnum = z.enum(['actual', 'estimate', 'target', 'illustrative', 'derived']);
const encodingEnum = z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be']);
const columnRoleEnum = z.enum(['indicator', 'region', 'period', 'value', 'unit', 'measure', 'status', 'source', 'note', 'ignore', 'series']);
const dimensionEnum = z.enum(['indicator', 'region', 'period']);
const shortText = z.string().max(500);

export const columnMappingSchema = z
  .object({
    column: z.number().int().min(1).max(16_384),
    header: z.string().max(2000),
    role: columnRoleEnum,
    dimension: dimensionEnum.optional(),
    key: shortText.optional(),
    unit: shortText.optional(),
  })
  .strict();

export const mappingSchema = z
  .object({
    headerRow: z.number().int().min(1),
    columns: z.array(columnMappingSchema).max(16_384),
    fixed: z
      .object({
        indicator: shortText.optional(),
        region: shortText.optional(),
        period: shortText.optional(),
        unit: shortText.optional(),
        /** The file's measure (口径) as a `口径：…` note row names it (code, Chinese or English name). */
        measure: shortText.optional(),
        status: statusEnum.optional(),
        source: shortText.optional(),
      })
      .strict(),
  })
  .strict();
export type ImportMapping = z.infer<typeof mappingSchema>;

export const importOptionsSchema = z
  .object({
    encoding: z.enum(['utf-8', 'gb18030', 'gbk', 'utf-16le']).optional(),
    sheet: shortText.optional(),
    layout: z.enum(['long', 'wide', 'portal']).optional(),
    mapping: mappingSchema.optional(),
    status: statusEnum.optional(),
    source: shortText.optional(),
    /**
     * The measure (口径 code) of the rows without a measure cell of their own; it wins over a
     * `口径：…` note row (the preview warns when they differ). The preview shows what it assigns.
     */
    measure: z.string().max(64).optional(),
    /** Total rows (合计, 总计, 小计, 全市 …) that equal the sum of the rows they total: left out (`skip`, the default) or kept as rows of their own. */
    totals: z.enum(['skip', 'keep']).optional(),
  })
  .strict();
export type ImportOptionsInput = z.infer<typeof importOptionsSchema>;

/** A commit's options: the preview's, plus the release of the rows it writes. */
export const importCommitOptionsSchema = importOptionsSchema.extend({ released: vintageSchema.optional(), releaseLabel: shortText.optional() }).strict();
export type ImportCommitOptionsInput = z.infer<typeof importCommitOptionsSchema>;

const stagingId = z.string().regex(/^[0-9a-f]{32}$/);

export const stagedFileSchema = z.object({ stagingId: z.string(), fileName: z.string(), sizeBytes: z.number().int() });
export type StagedFile = z.infer<typeof stagedFileSchema>;

export const problemSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.number().int().nullable(),
});
export type ImportProblem = z.infer<typeof problemSchema>;

export const importRecordSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  encoding: z.string(),
  sheet: z.string().nullable(),
  layout: z.string(),
  rowsRead: z.number().int(),
  rowsWritten: z.number().int(),
  rowsSkipped: z.number().int(),
  rowsReplaced: z.number().int(),
  /** Value cells left blank or holding a placeholder (—, …, NA, 无): nothing written for them. */
  blankCells: z.number().int(),
  sourceNote: z.string(),
  importedAt: z.string(),
  undoneAt: z.string().nullable(),
  /** The measure (口径) the import gave its rows (null: each indicator's own) and its names. */
  measure: z.string().nullable(),
  measureName: z.string(),
  measureNameEn: z.string(),
  /** A column of the file gave rows their own measure (it wins over `measure`). */
  measureColumn: z.boolean(),
  /** The release it recorded (date ISO, '' when none; label) and its conflict choice ('' before this was recorded). */
  released: z.string(),
  releaseLabel: z.string(),
  onConflict: z.enum(['replace', 'keep', 'fail', 'revise', '']),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

export const sampleObservationSchema = z.object({
  row: z.number().int(),
  column: z.number().int(),
  indicator: z.string(),
  indicatorName: z.string(),
  /** The indicator's parent once the import is written (code and name, '' for none): the workspace's, else the row it is indented under. */
  parent: z.string(),
  parentName: z.string(),
  region: z.string(),
  regionName: z.string(),
  period: z.string(),
  value: z.number(),
  unit: z.string(),
  original: z.string(),
  status: z.string(),
  source: z.string(),
  /** The measure (口径) code the row will have, and where it comes from (its measure cell, the option, the note row, its indicator). */
  measure: z.string(),
  measureFrom: z.enum(['column', 'option', 'note', 'indicator']),
  conflict: z.boolean(),
});
export type SampleObservation = z.infer<typeof sampleObservationSchema>;

export const importPreviewSchema = z.object({
  file: z.object({ name: z.string(), sizeBytes: z.number().int(), sha256: z.string(), format: z.enum(['csv', 'tsv', 'xlsx', 'xls', 'html']) }),
  encoding: z.object({ name: encodingEnum, confidence: z.number(), bom: z.boolean(), override: z.boolean() }).nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  layout: z.object({ kind: z.enum(['long', 'wide', 'portal']), series: dimensionEnum.nullable(), confidence: z.number() }),
  mapping: mappingSchema,
  headerRow: z.number().int(),
  notes: z.array(z.string()),
  /** Fixed values read from the title, a note row or a header merged over the periods: the preview marks them (从标题识别). */
  detected: z.array(
    z.object({ field: z.enum(['indicator', 'region', 'period', 'unit', 'status']), value: z.string(), from: z.enum(['title', 'note', 'header']), row: z.number().int(), text: z.string() }),
  ),
  /** The measure given to rows without a measure cell: the option's, else the `口径：…` note row's (null: each indicator's own). */
  measure: z.object({ code: z.string().nullable(), from: z.enum(['option', 'note']).nullable() }),
  sourceNote: z.string(),
  /** The first rows of the table as read (decoded text), so mojibake shows before anything is written. */
  rawRows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  sample: z.array(sampleObservationSchema),
  rowsRead: z.number().int(),
  observations: z.number().int(),
  badObservations: z.number().int(),
  /** Value cells left blank or holding a placeholder for "no data" (—, …, NA, 无): nothing is written for them. */
  blankCells: z.number().int(),
  /** Total rows left out because they equal the sum of the rows they total (none when totals are kept). */
  totalRows: z.number().int(),
  conflicts: z.number().int(),
  /** Conflicts whose value and bound the workspace already holds (a revise leaves them unchanged). */
  conflictsIdentical: z.number().int(),
  duplicatesInFile: z.number().int(),
  newIndicators: z.array(z.string()),
  newRegions: z.array(z.string()),
  /** Sub-items the import would place under a parent in the catalogue (an indented row under the row above), by name. */
  newParents: z.array(z.object({ name: z.string(), parent: z.string() })),
  duplicateOf: importRecordSchema.nullable(),
  problems: z.array(problemSchema),
  problemCount: z.number().int(),
  errorCount: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** What a finished import job carries as its `result`. */
export const importSummarySchema = z.object({
  status: z.enum(['committed', 'rejected', 'cancelled']),
  importId: z.number().int().nullable(),
  rowsRead: z.number().int(),
  rowsWritten: z.number().int(),
  rowsSkipped: z.number().int(),
  rowsReplaced: z.number().int(),
  rowsKept: z.number().int(),
  /** Conflicts under onConflict 'revise' whose figure the workspace already holds. */
  rowsUnchanged: z.number().int(),
  /** Value cells left blank or holding a placeholder: nothing written, not counted as skipped. */
  blankCells: z.number().int(),
  /** Total rows left out because they equal the sum of the rows they total: not counted as skipped. */
  totalRows: z.number().int(),
  sourceNote: z.string(),
  problems: z.array(problemSchema),
  problemCount: z.number().int(),
  errorCount: z.number().int(),
  durationMs: z.number(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** An indicator or region an undo removed from the catalogue: the import had added it and nothing uses it any more. */
const removedEntrySchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const importUndoSchema = z.object({
  importId: z.number().int(),
  rowsDeleted: z.number().int(),
  rowsRestored: z.number().int(),
  removedIndicators: z.array(removedEntrySchema),
  removedRegions: z.array(removedEntrySchema),
});
export type ImportUndo = z.infer<typeof importUndoSchema>;

export const dataMethods = {
  'observations.query': {
    input: gridQuerySchema,
    output: z.object({ rows: z.array(observationRowSchema), lastRow: z.number().int() }),
  },
  /** The values a value-list filter offers, narrowed by the other columns' filters. */
  'observations.values': {
    input: z.object({ column: z.enum(valueListColumns), filterModel }).strict(),
    output: z.array(valueOptionSchema),
  },
  'observations.edit': {
    input: z.object({ id: z.number().int().positive(), field: z.enum(editableFields), value: z.union([z.string().max(2000), z.number(), z.null()]) }).strict(),
    output: editResultSchema,
  },
  'observations.undoEdit': { input: z.object({ editId: z.number().int().positive() }).strict(), output: editResultSchema },
  /** The releases of one observation, newest first: the latest (the row) then the earlier ones. */
  'observations.releases': { input: z.object({ id: z.number().int().positive() }).strict(), output: releasesSchema },
  /** The audit trail of edits, newest first. */
  'observations.edits': {
    input: z.object({ observationId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.array(editRecordSchema),
  },
  /** Export the view (sort and filters as the grid has them) as a background job; fetch the file with `jobs.file`. */
  'observations.export': {
    input: z.object({ format: z.enum(['csv', 'xlsx']), sortModel, filterModel, vintage }).strict(),
    output: jobStatusSchema,
  },
  /** Points of the series picked for the quick look, ordered by indicator, region and period. */
  'observations.series': {
    input: z
      .object({ indicators: z.array(z.string().max(200)).min(1).max(MAX_QUICK_LOOK_SERIES), regions: z.array(z.string().max(200)).min(1).max(MAX_QUICK_LOOK_SERIES), status: statusEnum.optional() })
      .strict(),
    output: z.array(seriesPointSchema),
  },
  'catalogue.indicators': { input: z.object({}).strict(), output: z.array(indicatorEntrySchema) },
  'catalogue.regions': { input: z.object({}).strict(), output: z.array(regionEntrySchema) },
  /** The measures (口径) figures are published on: names, what each counts, who publishes it, where. */
  'catalogue.measures': { input: z.object({}).strict(), output: z.array(measureEntrySchema) },
  'catalogue.releaseDates': { input: z.object({}).strict(), output: z.array(releaseDateSchema) },
  /**
   * Read a staged file without writing anything, with the options the user corrected, as a
   * background job (a large file takes seconds: progress and cancel); its result is an ImportPreview.
   */
  'imports.preview': { input: z.object({ stagingId, options: importOptionsSchema }).strict(), output: jobStatusSchema },
  /** Import a staged file as a background job; its result is an ImportSummary. */
  'imports.commit': {
    input: z
      .object({
        stagingId,
        options: importCommitOptionsSchema,
        /** revise: a differing value becomes the latest release, the workspace's kept as an earlier one (needs options.released). */
        onConflict: z.enum(['replace', 'keep', 'fail', 'revise']),
        skipBadRows: z.boolean(),
        allowDuplicate: z.boolean(),
      })
      .strict(),
    output: jobStatusSchema,
  },
  /** Forget a staged file (an upload's copy is deleted). */
  'imports.discard': { input: z.object({ stagingId }).strict(), output: z.object({ discarded: z.boolean() }) },
  'imports.list': { input: z.object({}).strict(), output: z.array(importRecordSchema) },
  'imports.undo': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: importUndoSchema,
  },
} as const;

/**
 * What the Electron preload adds to `window.workbench` for imports: the main process shows its own
 * open dialog and stages the file picked, answering with a StagedFile (null when the user cancelled).
 * In browser mode the bridge lacks it and the page uploads through a file input instead.
 */
export interface ImportFilePicker {
  pickImportFile(): Promise<CallResult>;
}
