// Calendar dates as analysts type them, reduced to ISO (YYYY-MM-DD): 2023-12-13, 2023/12/13,
// 2023.12.13, 20231213, 2023年12月13日 (full-width digits too). Used by the date fields of every screen,
// so they read the same whatever the browser's or the system's locale.

import { isIsoDate } from '../series/vintage';
import { toHalfWidth } from './text';

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** The ISO date a typed text names, '' for an empty text, or null when it is no calendar date. */
export function parseDateText(text: string): string | null {
  const t = toHalfWidth(text).trim();
  if (t === '') return '';
  const m = SEPARATED.exec(t) ?? COMPACT.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
