// Reading a measure (口径) named in a file: a row's measure cell or a `口径：…` note row. The text is
// matched against the measures catalogue's codes, Chinese and English names (DOMAIN.md, "Three
// measures, never one series"); the catalogue is read once on the calling thread (`measureRefs` in
// commit.ts) and handed to the parse worker as plain data, so nothing here touches the database.

import { normaliseLabel } from '../../../shared/parse/text';

/** A measure as the parser needs it. */
export interface MeasureRef {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Chinese names are often written with the publisher's full name: 中国信通院广义口径, 国家统计局核心产业口径. */
const LEADING_COUNTRY = /^(中国|国家)/;

/** Matches measure texts to codes: a code or an English name in any case, a Chinese name as written (full-width forms folded). */
export class MeasureMatcher {
  private readonly byText = new Map<string, string>();
  private readonly labels = new Map<string, string>();
  /** The known measures as a file may name them, for a problem's text: `信通院广义口径 (caict-broad)；…`. */
  readonly known: string;

  constructor(measures: readonly MeasureRef[]) {
    for (const m of measures) {
      for (const k of [m.code.toLowerCase(), normaliseLabel(m.nameZh), normaliseLabel(m.nameZh).replace(LEADING_COUNTRY, ''), normaliseLabel(m.nameEn).toLowerCase()]) {
        if (k !== '' && !this.byText.has(k)) this.byText.set(k, m.code);
      }
    }
    for (const m of measures) this.labels.set(m.code, `${m.nameZh} (${m.code})`);
    this.known = [...this.labels.values()].join('；');
  }

  /** A measure as a problem names it: `信通院广义口径 (caict-broad)`, or the code when it is unknown. */
  label(code: string): string {
    return this.labels.get(code) ?? code;
  }

  /** The code of the measure `text` names, or null when it names none (an empty text names none). */
  code(text: string): string | null {
    const t = normaliseLabel(text);
    if (t === '') return null;
    return this.byText.get(t) ?? this.byText.get(t.toLowerCase()) ?? this.byText.get(t.replace(LEADING_COUNTRY, '')) ?? null;
  }
}
