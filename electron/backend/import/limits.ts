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
} as const;

export type XlsxLimits = { readonly [K in keyof (typeof IMPORT_LIMITS)['xlsx']]: number };

export const MIB = 1024 * 1024;
