// A streaming CSV/TSV splitter. Lines without a quote character (nearly every line of a numeric
// export) are cut at each delimiter; only lines holding a quote go through the RFC 4180 state
// machine, which also carries quoted fields across line breaks and chunk boundaries.
// Lenient where Excel is: text after a closing quote is kept, a quote inside an unquoted field is text.
// Optional limits bound a record's length and its cell count (CsvLimitError when crossed), so that a
// file without line breaks or a 1M-column line costs bounded memory and time.

export type RowSink = (cells: string[]) => void;

export interface CsvLimits {
  /** Most cells in one record. */
  maxCells: number;
  /** Most characters in one record (held whole until it ends). */
  maxRecordChars: number;
}

/** A record crossed a CsvLimits bound; `record` is its 1-based number. */
export class CsvLimitError extends Error {
  constructor(
    readonly kind: 'cells' | 'record',
    readonly record: number,
  ) {
    super(`CSV record ${record}: too many ${kind === 'cells' ? 'cells' : 'characters'}`);
    this.name = 'CsvLimitError';
  }
}

export class CsvSplitter {
  /** The start of an unfinished record: the text after the last record handed over. */
  private buf = '';
  /** Text received since the last line break, not yet joined to `buf` (no record can end in it). */
  private pending: string[] = [];
  private pendingChars = 0;
  /**
   * Position in the text being drained of the next delimiter after the last one plainRow used
   * (Infinity when none). Kept across lines, so that a one-column file is not searched to its end
   * once per line.
   */
  private nextDelim = -1;
  /** Records handed to the sink so far. */
  private records = 0;
  /** Set when the input ended inside a quoted field. */
  unclosedQuote = false;

  constructor(
    private readonly delimiter: string,
    private readonly sink: RowSink,
    private readonly limits: CsvLimits = { maxCells: Infinity, maxRecordChars: Infinity },
  ) {}

  push(text: string): void {
    if (!text.includes('\n')) {
      // No record can end without a line break: keep the text aside instead of re-scanning a long
      // unfinished record on every chunk (which made a file without line breaks quadratic).
      this.pending.push(text);
      this.pendingChars += text.length;
      if (this.buf.length + this.pendingChars > this.limits.maxRecordChars) throw new CsvLimitError('record', this.records + 1);
      return;
    }
    let carried = this.joined();
    let start = 0;
    if (carried !== '') {
      // Complete the record carried over from the previous text on its own, then scan `text` in
      // place: a flat string as the decoder made it is searched much faster than `carried + text`.
      start = text.indexOf('\n') + 1;
      carried = this.drain(carried + text.slice(0, start), 0, false);
      // Normally nothing is left; else a quoted field runs on past that line break: go on with the two joined.
      if (carried !== '') {
        text = carried + text.slice(start);
        start = 0;
      }
    }
    this.buf = this.drain(text, start, false);
    if (this.buf.length > this.limits.maxRecordChars) throw new CsvLimitError('record', this.records + 1);
  }

  end(): void {
    this.drain(this.joined(), 0, true);
    this.buf = '';
  }

  private joined(): string {
    if (this.pending.length === 0) return this.buf;
    const s = this.buf + this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    return s;
  }

  private emit(cells: string[]): void {
    this.records++;
    if (cells.length > this.limits.maxCells) throw new CsvLimitError('cells', this.records);
    this.sink(cells);
  }

  /** Hand over the records of `buf` from `start` on; returns the text of an unfinished last one. */
  private drain(buf: string, start: number, final: boolean): string {
    this.nextDelim = -1;
    let pos = start;
    // Position of the next quote at or after `pos` (Infinity when none): searched once, not per line.
    let quote = -1;
    while (pos < buf.length) {
      const nl = buf.indexOf('\n', pos);
      if (nl === -1 && !final) break;
      const lineEnd = nl === -1 ? buf.length : nl;
      if (quote < pos) {
        const q = buf.indexOf('"', pos);
        quote = q === -1 ? Infinity : q;
      }
      if (quote > lineEnd) {
        let end = lineEnd;
        if (end > pos && buf.charCodeAt(end - 1) === 13) end--;
        if (end - pos > this.limits.maxRecordChars) throw new CsvLimitError('record', this.records + 1);
        this.emit(this.plainRow(buf, pos, end));
        pos = lineEnd + 1;
        continue;
      }
      const next = this.quotedRow(buf, pos, final);
      if (next === -1) break;
      if (next - pos > this.limits.maxRecordChars) throw new CsvLimitError('record', this.records);
      pos = next;
    }
    return pos >= buf.length ? '' : buf.slice(pos);
  }

  /**
   * The cells of a line without quotes, sliced straight out of the buffer (no line string, no split).
   * A 1M-cell line is refused after maxCells + 1 cells, not after a million.
   */
  private plainRow(buf: string, start: number, end: number): string[] {
    const delim = this.delimiter;
    const max = this.limits.maxCells;
    const cells: string[] = [];
    let from = start;
    let at = this.nextDelim;
    for (;;) {
      if (at < from) {
        const d = buf.indexOf(delim, from);
        at = d === -1 ? Infinity : d;
      }
      if (at >= end) break;
      cells.push(buf.slice(from, at));
      if (cells.length > max) throw new CsvLimitError('cells', this.records + 1);
      from = at + delim.length;
    }
    this.nextDelim = at;
    cells.push(buf.slice(from, end));
    return cells;
  }

  /** Parse one record starting at `start`; returns the index after it, or -1 when more input is needed. */
  private quotedRow(buf: string, start: number, final: boolean): number {
    const delim = this.delimiter;
    const cells: string[] = [];
    let i = start;
    for (;;) {
      let cell = '';
      if (buf.charCodeAt(i) === 34) {
        i++;
        for (;;) {
          const q = buf.indexOf('"', i);
          if (q === -1) {
            if (!final) return -1;
            this.unclosedQuote = true;
            cell += buf.slice(i);
            i = buf.length;
            break;
          }
          cell += buf.slice(i, q);
          if (buf.charCodeAt(q + 1) === 34) {
            cell += '"';
            i = q + 2;
            continue;
          }
          if (q + 1 >= buf.length && !final) return -1;
          i = q + 1;
          break;
        }
      }
      // Unquoted text, or text after a closing quote, up to the next delimiter or line end.
      let j = i;
      while (j < buf.length) {
        const c = buf[j];
        if (c === delim || c === '\n') break;
        j++;
      }
      if (j >= buf.length && !final) return -1;
      let tail = buf.slice(i, j);
      if (buf[j] !== delim && tail.endsWith('\r')) tail = tail.slice(0, -1);
      cell += tail;
      cells.push(cell);
      if (cells.length > this.limits.maxCells) throw new CsvLimitError('cells', this.records + 1);
      if (j >= buf.length) {
        this.emit(cells);
        return buf.length;
      }
      if (buf[j] === '\n') {
        this.emit(cells);
        return j + 1;
      }
      i = j + 1;
    }
  }
}

/** Split a whole text at once (tests, small inputs). */
export function splitCsv(text: string, delimiter = ','): { rows: string[][]; unclosedQuote: boolean } {
  const rows: string[][] = [];
  const s = new CsvSplitter(delimiter, (cells) => rows.push(cells));
  s.push(text);
  s.end();
  return { rows, unclosedQuote: s.unclosedQuote };
}

/** Quote a cell for CSV output when it needs it (delimiter, quote or line break). */
export function quoteCsvCell(cell: string, delimiter = ','): string {
  if (cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r')) {
    return `"${cell.replace(/"/g, '""')}"`;
  }
  return cell;
}

/** Which of comma, tab and semicolon separates the cells of these lines. */
export function sniffDelimiter(text: string): ',' | '\t' | ';' {
  const lines = text.split('\n', 50).filter((l) => l.trim() !== '');
  let best: ',' | '\t' | ';' = ',';
  let bestScore = -1;
  for (const d of [',', '\t', ';'] as const) {
    const counts = lines.map((l) => l.split(d).length - 1).filter((n) => n > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    const modal = Math.max(...freq.values());
    // Lines that agree on a count of separators are the table; note rows have none.
    const score = modal * 1000 + counts.length;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}
