// Resolving the indicator and region names a file uses to workspace codes. Names are matched against
// codes, Chinese and English names already in the workspace, then against the known regions; a name
// still unknown becomes a new entry whose code is the name itself (stable across imports).

import type Database from 'better-sqlite3';
import { normaliseLabel } from '../../../shared/parse/text';
import { allIndicators, allRegions, type IndicatorRow as FullIndicatorRow, type RegionRow as FullRegionRow } from '../db/access';
import { findKnownRegion, guessRegionKind } from './regions-known';
import type { LabelEntry } from './row-mapper';

export interface Resolved {
  code: string;
  name: string;
  isNew: boolean;
}

type IndicatorRow = Pick<FullIndicatorRow, 'code' | 'name_zh' | 'name_en' | 'unit'>;
type RegionRow = Pick<FullRegionRow, 'code' | 'name_zh' | 'name_en'>;

export class Catalogue {
  private readonly indicators = new Map<string, IndicatorRow>();
  private readonly regions = new Map<string, RegionRow>();
  private readonly newIndicators: Array<{ code: string; name: string; unit: string }> = [];
  private readonly newRegions: Array<{ code: string; name: string; nameEn: string; kind: string }> = [];

  constructor(db: Database.Database) {
    for (const r of allIndicators(db)) this.addIndicator(r);
    for (const r of allRegions(db)) this.addRegion(r);
  }

  private addIndicator(r: IndicatorRow): void {
    for (const k of [r.code, r.code.toLowerCase(), normaliseLabel(r.name_zh), normaliseLabel(r.name_en).toLowerCase()]) {
      if (k !== '' && !this.indicators.has(k)) this.indicators.set(k, r);
    }
  }

  private addRegion(r: RegionRow): void {
    const zh = normaliseLabel(r.name_zh);
    for (const k of [r.code, r.code.toLowerCase(), zh, zh.replace(/(省|市|自治区|特别行政区)$/, ''), normaliseLabel(r.name_en).toLowerCase()]) {
      if (k !== '' && !this.regions.has(k)) this.regions.set(k, r);
    }
  }

  /** Names and codes of the workspace's regions, for telling region labels apart in layout detection. */
  regionNames(): string[] {
    return [...this.regions.keys()];
  }

  indicator(entry: LabelEntry, unit: string): Resolved & { unit: string } {
    const hit =
      this.indicators.get(entry.text) ??
      this.indicators.get(entry.name) ??
      this.indicators.get(entry.text.toLowerCase()) ??
      this.indicators.get(entry.name.toLowerCase());
    if (hit) return { code: hit.code, name: hit.name_zh, isNew: false, unit: hit.unit };
    const row: IndicatorRow = { code: entry.name, name_zh: entry.name, name_en: '', unit };
    this.addIndicator(row);
    this.newIndicators.push({ code: row.code, name: row.name_zh, unit });
    return { code: row.code, name: row.name_zh, isNew: true, unit };
  }

  region(label: string): Resolved {
    const hit = this.regions.get(label) ?? this.regions.get(label.toLowerCase());
    if (hit) return { code: hit.code, name: hit.name_zh, isNew: false };
    const known = findKnownRegion(label) ?? findKnownRegion(label.replace(/(省|市|自治区|特别行政区)$/, ''));
    const existing = known ? this.regions.get(known.code) : undefined;
    if (existing) {
      this.regions.set(label, existing);
      return { code: existing.code, name: existing.name_zh, isNew: false };
    }
    const row: RegionRow = known ? { code: known.code, name_zh: known.nameZh, name_en: known.nameEn } : { code: label, name_zh: label, name_en: '' };
    this.addRegion(row);
    this.regions.set(label, row);
    this.newRegions.push({ code: row.code, name: row.name_zh, nameEn: row.name_en, kind: known ? known.kind : guessRegionKind(label) });
    return { code: row.code, name: row.name_zh, isNew: true };
  }

  /** Entries created since the last call, to be written in the import's transaction. */
  takeNew(): { indicators: Array<{ code: string; name: string; unit: string }>; regions: Array<{ code: string; name: string; nameEn: string; kind: string }> } {
    return { indicators: this.newIndicators.splice(0), regions: this.newRegions.splice(0) };
  }
}

/** Write new catalogue entries (inside the caller's transaction). */
/**
 * Writes the indicators and regions an import named for the first time. A new indicator's measure is
 * the one the import assigned to its rows (option or 口径 note row), else the default.
 */
export function writeNewEntries(db: Database.Database, entries: ReturnType<Catalogue['takeNew']>, source: string, measure: string | null = null): void {
  if (entries.indicators.length) {
    const ins = db.prepare("INSERT INTO indicators (code, name_zh, name_en, unit, source, measure) VALUES (?, ?, '', ?, ?, coalesce(?, 'standard')) ON CONFLICT(code) DO NOTHING");
    for (const e of entries.indicators) ins.run(e.code, e.name, e.unit, source, measure);
  }
  if (entries.regions.length) {
    const ins = db.prepare('INSERT INTO regions (code, name_zh, name_en, kind) VALUES (?, ?, ?, ?) ON CONFLICT(code) DO NOTHING');
    for (const e of entries.regions) ins.run(e.code, e.name, e.nameEn, e.kind);
  }
}
