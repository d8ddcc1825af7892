// The parsing half of an import: open the table, detect (or take) the layout, map every row. It runs
// the same in the calling thread or in the parse worker; both hand over the same events.

import { MeasureMatcher, type MeasureRef } from './measures';
import { MergeIndex } from './merges';
import { looksLikeRegion } from './regions-known';
import { REPLACEMENT } from './decode';
import { detectLayout, type LayoutProblem, type LayoutResult } from './layout';
import { PROBLEM_SEVERITY, ProblemList } from './problems';
import { RowMapper, type ParsedBatch } from './row-mapper';
import { openTable, throwIfAborted, type RawRow, type TableChunk } from './table-reader';
import { titleRegionNames } from './title';
import type { EncodingGuess, FileFormat, ImportOptions } from './types';

export interface TableMeta {
  format: FileFormat;
  encoding: EncodingGuess | null;
  sheets: string[];
  sheet: string | null;
  sizeBytes: number;
}

export type PipelineEvent =
  | { type: 'layout'; meta: TableMeta; layout: LayoutResult; head: RawRow[] }
  | { type: 'batch'; batch: ParsedBatch }
  | { type: 'end'; unclosedQuote: boolean; sha256: string };

export interface PipelineInput {
  filePath: string;
  fileName: string;
  options: ImportOptions;
  /** Region names already in the workspace (for telling region labels from indicator labels). */
  regionNames: string[];
  /** The workspace's measures (口径), to read a measure column and a `口径：…` note row. */
  measures: MeasureRef[];
}

const HEAD_ROWS = 300;
/** Rows of the table as read, for the preview to show (the decoded text makes mojibake visible). */
const SHOWN_ROWS = 30;
const SHOWN_COLUMNS = 40;
const SHOWN_CELL = 120;

/**
 * Parse a file into events. After the layout event the consumer may stop (for example when the
 * layout has errors) by returning from its loop; the generator then closes the file.
 */
export async function* parseFile(input: PipelineInput, signal?: AbortSignal): AsyncGenerator<PipelineEvent> {
  const table = await openTable(input.filePath, input.options);
  const meta: TableMeta = { format: table.format, encoding: table.encoding, sheets: table.sheets, sheet: table.sheet, sizeBytes: table.sizeBytes };
  const names = new Set(input.regionNames);
  const measures = new MeasureMatcher(input.measures);
  const ctx = {
    isRegion: (n: string) => names.has(n) || names.has(n.toLowerCase()) || looksLikeRegion(n),
    measures,
    merges: table.merges.length > 0 ? new MergeIndex(table.merges) : null,
    titleRegions: titleRegionNames(input.regionNames),
  };

  const chunks = table.chunks(signal);
  const head: TableChunk[] = [];
  let headRows = 0;
  for (;;) {
    if (headRows >= HEAD_ROWS) break;
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    headRows += next.value.rows.length;
  }
  const headList: RawRow[] = head.flatMap((c) => c.rows);
  const layout = detectLayout(headList, input.options, ctx);
  if (table.replacementSeen()) {
    // Undecodable bytes in the header or note rows: say so before any layout problem they cause.
    const damaged: LayoutProblem[] = [];
    for (const r of headList) {
      if (r.row > layout.mapping.headerRow) break;
      r.cells.forEach((c, i) => {
        if (c.includes(REPLACEMENT)) damaged.push({ code: 'encoding.replacement-char', params: { text: c.trim().slice(0, 40) }, row: r.row, column: i + 1 });
      });
    }
    layout.problems.unshift(...damaged);
  }
  const shown = headList.slice(0, SHOWN_ROWS).map((r) => ({ row: r.row, cells: r.cells.slice(0, SHOWN_COLUMNS).map((c) => c.slice(0, SHOWN_CELL)) }));
  yield { type: 'layout', meta, layout, head: shown };
  if (layout.problems.some((p) => PROBLEM_SEVERITY[p.code] === 'error')) {
    await chunks.return(undefined);
    return;
  }

  const problems = new ProblemList({ file: input.fileName, sheet: table.sheet });
  const mapper = new RowMapper(layout.mapping, problems, table.replacementSeen, measures, input.options.totals);
  for (const c of head) {
    for (const r of c.rows) mapper.mapRow(r);
    yield { type: 'batch', batch: mapper.takeBatch(c.bytesRead) };
  }
  // The rest is mapped as it is read; the chunks only mark where a batch ends.
  table.streamRows((r) => mapper.mapRow(r));
  for (;;) {
    throwIfAborted(signal);
    const next = await chunks.next();
    if (next.done) break;
    for (const r of next.value.rows) mapper.mapRow(r);
    yield { type: 'batch', batch: mapper.takeBatch(next.value.bytesRead) };
  }
  // Totals that headed their group (全市 above the districts) are decided once the table has been read.
  mapper.finish();
  yield { type: 'batch', batch: mapper.takeBatch(table.sizeBytes) };
  yield { type: 'end', unclosedQuote: table.unclosedQuote(), sha256: table.sha256() };
}
