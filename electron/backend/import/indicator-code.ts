// Codes for the indicators an import adds to the catalogue. The name stays as written (测试指标); the
// code is ASCII that a command line, a CSV export and a filter can carry: the pinyin initials of the
// Chinese part and the letters and digits of the rest (测试指标 → cszb, 5G基站数 → 5g_jzs), unique among
// the workspace's codes (cszb_2 …). Codes are never shown in the Chinese screens; names are.

/** The pinyin initials of a run of Chinese characters, lowercase ASCII (重庆 → cq). */
export type Initials = (han: string) => string;

/** Longest code made from a name: long names give long initials, and a code is typed on a command line. */
const MAX_CODE = 32;
/** The code of a name with no Chinese character, letter or digit; also the prefix of one that starts with a digit. */
const FALLBACK = 'ind';
const PARTS = /(\p{Script=Han}+)|([A-Za-z0-9]+)/gu;

/** The code a name reads as, before it is made unique: `initials` turns each run of Chinese characters into letters. */
export function codeFromName(name: string, initials: Initials): string {
  const parts: string[] = [];
  // The code is cut at MAX_CODE characters, and no character of a name gives more than one letter
  // and one separator: its start is enough (a file's label may be megabytes long).
  for (const m of name.slice(0, 2 * MAX_CODE).matchAll(PARTS)) {
    const part = m[1] !== undefined ? initials(m[1]) : m[2]!.toLowerCase();
    if (part !== '') parts.push(part);
  }
  let code = parts.join('_');
  if (code.length > MAX_CODE) code = code.slice(0, MAX_CODE).replace(/_+$/, '');
  if (code === '') return FALLBACK;
  return /^[a-z]/.test(code) ? code : `${FALLBACK}_${code}`;
}

/** `base`, or `base_2`, `base_3` … : the first not in `taken` (lowercase codes), which it joins. */
export function uniqueCode(base: string, taken: Set<string>): string {
  let code = base;
  for (let n = 2; taken.has(code.toLowerCase()); n++) code = `${base}_${n}`;
  taken.add(code.toLowerCase());
  return code;
}

let loading: Promise<Initials> | null = null;

/**
 * The pinyin initials, from pinyin-pro (MIT, no dependencies), which reads polyphonic characters by
 * the word they are in (重庆 → cq, not zq). Loaded on the first import that adds an indicator, never
 * at start: its dictionary is about 320 KB of script and costs a few hundred milliseconds to load.
 */
export function loadInitials(): Promise<Initials> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => (han: string) =>
    pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, ''),
  );
  return loading;
}
