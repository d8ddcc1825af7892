// What an import said its rows were, as one line for the import history (the Data page's 导入记录 and
// `workbench imports list`): "信通院广义口径 · 2024-01-19 最终核实 · 记为新发布".

import type { ImportRecord } from '../api/data-contract';
import { seedLabel } from '../i18n/seed-labels';
import type { Locale } from './number';

/** The fields of an import record the line is made of. */
export type ImportProvenanceFields = Pick<ImportRecord, 'measure' | 'measureName' | 'measureNameEn' | 'measureColumn' | 'released' | 'releaseLabel' | 'onConflict'>;

/** The parts of the line, '' when the import said nothing of them: measure, release, conflict choice. */
export function importProvenanceParts(r: ImportProvenanceFields, locale: Locale, t: (key: string) => string): { measure: string; release: string; conflict: string } {
  const named = r.measure ? (locale === 'en' ? r.measureNameEn || r.measureName : r.measureName) : '';
  const measure = [named, r.measureColumn ? t('data.history.measureColumn') : ''].filter(Boolean).join(' · ');
  const release = [r.released, seedLabel(r.releaseLabel, locale)].filter(Boolean).join(' ');
  const conflict = r.onConflict ? t(`data.history.conflict.${r.onConflict}`) : '';
  return { measure, release, conflict };
}

export function importProvenance(r: ImportProvenanceFields, locale: Locale, t: (key: string) => string): string {
  const { measure, release, conflict } = importProvenanceParts(r, locale, t);
  return [measure, release, conflict].filter(Boolean).join(' · ');
}
