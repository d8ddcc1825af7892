// The text a spreadsheet cell shows for the importer, from its stored value and number format: the
// same for XLSX (xlsx-reader.ts) and legacy .xls (workbook-reader.ts). A number keeps its full
// precision whatever the format rounds it to; a percentage format gives `45.4%`; a date format gives
// a period where the format shows one (yyyy → 2023, yyyy"年"m"月" → 2023-12), else an ISO date.

/** Whether a number format shows a date or time (ignoring quoted text, colours and locales in brackets). */
function isDateFormat(format: string): boolean {
  if (!format) return false;
  return /[ymdhsb]/i.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function numberText(value: number, format: string): string {
  if (format.includes('%') && !format.includes('"%')) return `${Number((value * 100).toPrecision(15))}%`;
  return String(Number(value.toPrecision(15)));
}

/** A date cell as a period where the format says so (yyyy → year, yyyy-mm → month), else ISO date. */
export function dateText(d: Date, format: string): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const fmt = format.toLowerCase().replace(/"[^"]*"/g, '').replace(/\\./g, '');
  if (fmt.includes('y') && !fmt.includes('m') && !fmt.includes('d')) return String(y);
  if ((fmt.includes('y') && fmt.includes('m') && !fmt.includes('d')) || (!fmt && d.getUTCDate() === 1)) return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(d.getUTCDate())}`;
}

function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** The text of a numeric cell: a date or period under a date format, else the number (as a percentage under a % format). */
export function numericCellText(value: number, format: string, date1904: boolean): string {
  if (isDateFormat(format)) {
    const d = serialDate(value, date1904);
    if (!Number.isNaN(d.getTime())) return dateText(d, format);
  }
  return numberText(value, format);
}
