// Headers of one or more rows. A yearbook table heads its year columns with a merged 年份 (or the
// indicator and its unit, 地区生产总值（亿元）) above 2019年 … 2023年, and its label column with 指标
// merged down both rows. The band of header rows is found from the merged cells where the reader
// gives them (XLSX, .xls, HTML), else from the shape a merge leaves in a CSV (the label column blank
// under its header, the years under a blank-filled span); each column's header is then flattened to
// its parts from top to bottom (年份 / 2019年). The lowest part says what the column holds.

import { parseNumber } from '../../../shared/parse/number';
import { parsePeriod } from '../../../shared/parse/period';
import type { MergeIndex } from './merges';
import type { RawRow } from './table-reader';

/** Header rows read at most. */
const MAX_BAND = 4;

export interface HeaderColumn {
  /** 1-based. */
  column: number;
  /** The header's texts from the top row of the band down, trimmed, a merged text once. */
  parts: string[];
}

export interface HeaderBand {
  /** Indexes in the rows given of the band's first and last row. */
  first: number;
  last: number;
  columns: HeaderColumn[];
}

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** A header cell: text, or a number that is a year (2019); other numbers are data. */
function headerLike(text: string): boolean {
  const t = text.trim();
  return parseNumber(t).kind === 'invalid' || parsePeriod(t) !== null;
}

function firstUsed(cells: readonly string[]): number {
  return cells.findIndex((c) => !blank(c));
}

/** Whether row `next` carries on the header band whose rows are `band`. */
function continuesBand(band: readonly RawRow[], next: RawRow, merges: MergeIndex | null): boolean {
  const top = band[0]!;
  const last = band[band.length - 1]!;
  if (next.row !== last.row + 1) return false;
  const used = next.cells.map((c, i) => (blank(c) ? -1 : i)).filter((i) => i >= 0);
  if (used.length === 0) return false;
  const width = Math.max(top.cells.length, next.cells.length);
  // A header cell merged down into this row: the row is still header.
  if (merges) {
    for (let c = 1; c <= width; c++) {
      const m = merges.at(next.row, c);
      if (m && m.top < next.row && m.top >= top.row) return used.every((i) => headerLike(next.cells[i]!));
    }
  }
  if (!used.every((i) => headerLike(next.cells[i]!))) return false;
  // The label column's header stands alone above a blank, and some text sits under a blank or spanning cell.
  const label = firstUsed(top.cells);
  if (label < 0 || !blank(next.cells[label])) return false;
  return used.some((i) => blank(last.cells[i]) || (merges?.at(last.row, i + 1)?.right ?? 0) > i + 1);
}

/**
 * The header band starting at `rows[first]`: that row and the rows under it that continue it, each
 * column flattened. `width` columns at least (the data may be wider than the header).
 */
export function readHeaderBand(rows: readonly RawRow[], first: number, merges: MergeIndex | null, width = 0): HeaderBand {
  const band: RawRow[] = [rows[first]!];
  while (band.length < MAX_BAND && first + band.length < rows.length && continuesBand(band, rows[first + band.length]!, merges)) band.push(rows[first + band.length]!);
  const columnCount = Math.max(width, ...band.map((r) => r.cells.length));
  const textAt = (r: number, c: number): string => (band[r]!.cells[c - 1] ?? '').trim();
  const columns: HeaderColumn[] = [];
  for (let c = 1; c <= columnCount; c++) {
    const parts: string[] = [];
    for (let r = 0; r < band.length; r++) {
      let text = textAt(r, c);
      if (text === '' && merges) {
        const m = merges.at(band[r]!.row, c);
        const at = m ? band.findIndex((row) => row.row === m.top) : -1;
        if (m && at >= 0) text = textAt(at, m.left);
      } else if (text === '' && !merges && r < band.length - 1 && textAt(band.length - 1, c) !== '') {
        // Without merge information, a blank over a lower header continues the span to its left.
        for (let left = c - 1; left >= 1; left--) {
          const t = textAt(r, left);
          if (t !== '') {
            text = t;
            break;
          }
          if (textAt(band.length - 1, left) === '') break;
        }
      }
      if (text !== '' && parts[parts.length - 1] !== text) parts.push(text);
    }
    columns.push({ column: c, parts });
  }
  return { first, last: first + band.length - 1, columns };
}

/** A header's text as shown: its parts joined from the top down. */
export function headerText(column: HeaderColumn): string {
  return column.parts.join(' / ');
}
