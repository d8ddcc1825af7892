// Merged cells, as the workbook readers give them: XLSX from the sheet's <mergeCells> (read by the
// guard's pass over the sheet), legacy .xls and HTML tables from SheetJS (an HTML table's colspan and
// rowspan). A merged cell's value is in its top-left cell only; the layout detection reads a merged
// title, a header cell spanning the year columns (年份 over 2019年 … 2023年) and a label spanning two
// header rows from them.

/** A block of merged cells, 1-based and inclusive, as Excel numbers rows and columns. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merges kept per sheet: only those starting in the rows layout detection reads, and at most this many. */
export const MERGE_ROWS = 300;
export const MAX_MERGES = 10_000;

/** "B3:F3" → its range; null when it is not a range of two cell references. */
export function parseRange(ref: string): CellRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string) => {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  };
  const [top, bottom] = [Number(m[2]), Number(m[4])].sort((a, b) => a - b) as [number, number];
  const [left, right] = [col(m[1]!), col(m[3]!)].sort((a, b) => a - b) as [number, number];
  if (top < 1 || left < 1) return null;
  return { top, left, bottom, right };
}

/** Where each covered cell's value lives: the top-left cell of the merge covering it (rows up to MERGE_ROWS). */
export class MergeIndex {
  /** Per row, the merges covering it, sorted by their left column. */
  private readonly byRow = new Map<number, CellRange[]>();

  constructor(ranges: readonly CellRange[]) {
    for (const r of ranges) {
      for (let row = r.top; row <= Math.min(r.bottom, MERGE_ROWS); row++) {
        let list = this.byRow.get(row);
        if (!list) this.byRow.set(row, (list = []));
        list.push(r);
      }
    }
    for (const list of this.byRow.values()) list.sort((a, b) => a.left - b.left);
  }

  /** The merge covering a cell (1-based); null when the cell is in none. */
  at(row: number, column: number): CellRange | null {
    const list = this.byRow.get(row);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    let found: CellRange | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.left <= column) {
        found = list[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && found.right >= column ? found : null;
  }
}
