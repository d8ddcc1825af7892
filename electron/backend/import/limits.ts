// Bounds on what one imported file may ask of the importer. Each is far beyond any real indicator
// table and exists so that a damaged or hostile file is refused quickly, with a message naming the
// file and the limit, instead of exhausting memory or time. docs/RELIABILITY.md explains the choices.

export const IMPORT_LIMITS = {
  /** Cells in one row: Excel's own limit (column XFD), so no sheet Excel can open is refused. */
  maxColumns: 16_384,
  /** Row number in an XLSX sheet: Excel's own limit. */
  maxRows: 1_048_576,
  /**
   * Characters in one CSV/TSV record. A record is held whole until its line ends, so this bounds
   * memory; a file without line breaks, or a quote opened and never closed, would otherwise be read
   * into one string (and past V8's ~512M-character limit, fail with an internal error).
   */
  maxRecordChars: 16 * 1024 * 1024,
  xlsx: {
    /** ZIP entries in a workbook: a real one has a few per sheet. */
    maxEntries: 10_000,
    /** Uncompressed bytes of all entries together: the sheet reader streams, but the guard and it each inflate every byte (time). */
    maxUncompressedBytes: 1024 * 1024 * 1024,
    /** Uncompressed ÷ compressed for one entry: sheet XML compresses 5–30:1; deflate's ceiling is ~1032:1. */
    maxRatio: 200,
    /** Entries smaller than this are not judged by their ratio (a small part of repeated text may compress far). */
    ratioMinBytes: 4 * 1024 * 1024,
  },
  /**
   * Legacy .xls (BIFF5/BIFF8) and HTML tables saved as .xls: SheetJS reads such a workbook whole into
   * memory, about 530 bytes per cell with a value (measured: a 15 MB .xls of 1.36M cells took 725 MB
   * of heap), so its cells are counted before it is read: in the BIFF records, or the `<td>`/`<th>`
   * tags of the HTML. A BIFF8 sheet holds at most 65,536 × 256 cells; real statistical files hold a
   * few thousand.
   */
  workbook: {
    /** Bytes of the file. */
    maxBytes: 64 * 1024 * 1024,
    /** Cells with a value, in all sheets together (about 530 MB of heap). */
    maxCells: 1_000_000,
  },
  /**
   * Heap of a parse worker (MB). A file that gets past every other bound and still exhausts memory ends
   * the worker, and the import is refused as too large for memory, instead of ending the app.
   */
  workerHeapMb: 2048,
} as const;

export type XlsxLimits = { readonly [K in keyof (typeof IMPORT_LIMITS)['xlsx']]: number };
export type WorkbookLimits = { readonly [K in keyof (typeof IMPORT_LIMITS)['workbook']]: number };

export const MIB = 1024 * 1024;
