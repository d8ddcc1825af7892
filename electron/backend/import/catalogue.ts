// Resolving the indicator and region names a file uses to workspace codes. Names are matched against
// codes, Chinese and English names already in the workspace, then against the known regions; a name
// still unknown becomes a new entry: an indicator under a readable ASCII code made from its name
// (indicator-code.ts), a region under its known code or else its name. A later import finds it by name.
// A sub-item indented under another row gets that row's indicator as its parent, unless it has one.

import type Database from 'better-sqlite3';
import { normaliseLabel } from '../../../shared/parse/text';
import { allIndicators, allRegions, type IndicatorRow as FullIndicatorRow, type RegionRow as FullRegionRow } from '../db/access';
import { codeFromName, loadInitials, uniqueCode, type Initials } from './indicator-code';
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
  /** Indicator codes in use, lowercase: a new code is none of them. */
  private readonly indicatorCodes = new Set<string>();
  private initials: Initials | null = null;
  /** Each indicator's parent: the workspace's, and those this import records. */
  private readonly parents = new Map<string, string>();
  private readonly newParents: ParentLink[] = [];

  constructor(db: Database.Database) {
    for (const r of allIndicators(db)) {
      this.addIndicator(r);
      this.indicatorCodes.add(r.code.toLowerCase());
    }
    for (const r of allRegions(db)) this.addRegion(r);
    for (const r of db.prepare('SELECT code, parent FROM indicators WHERE parent IS NOT NULL').all() as ParentLink[]) this.parents.set(r.code, r.parent);
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

  private knownIndicator(entry: LabelEntry): IndicatorRow | undefined {
    return (
      this.indicators.get(entry.text) ??
      this.indicators.get(entry.name) ??
      this.indicators.get(entry.text.toLowerCase()) ??
      this.indicators.get(entry.name.toLowerCase())
    );
  }

  /** Loads what naming a new indicator needs, when one of `entries` is new: `indicator` is synchronous. */
  async prepare(entries: readonly LabelEntry[]): Promise<void> {
    if (this.initials === null && entries.some((e) => this.knownIndicator(e) === undefined)) this.initials = await loadInitials();
  }

  indicator(entry: LabelEntry, unit: string): Resolved & { unit: string } {
    const hit = this.knownIndicator(entry);
    if (hit) return { code: hit.code, name: hit.name_zh, isNew: false, unit: hit.unit };
    if (this.initials === null) throw new Error('Catalogue.prepare must be awaited before a new indicator is named');
    const code = uniqueCode(codeFromName(entry.name, this.initials), this.indicatorCodes);
    const row: IndicatorRow = { code, name_zh: entry.name, name_en: '', unit };
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

  /**
   * The parent indicator `code` has once this import is written, with its name: the one the workspace
   * (or this import) records, else `parent` (the row it is indented under in the file), recorded now
   * (`isNew`) unless it is `code` itself or one of its sub-items (a loop). Null: none.
   */
  parentOf(code: string, parent: string | null): Resolved | null {
    const named = (c: string, isNew: boolean): Resolved => ({ code: c, name: this.indicators.get(c)?.name_zh ?? c, isNew });
    const held = this.parents.get(code);
    if (held !== undefined) return named(held, false);
    if (parent === null) return null;
    for (let up: string | undefined = parent; up !== undefined; up = this.parents.get(up)) if (up === code) return null;
    this.parents.set(code, parent);
    this.newParents.push({ code, parent });
    return named(parent, true);
  }

  /** Parents recorded since the last call, to be written in the import's transaction (after the entries they name). */
  takeParents(): ParentLink[] {
    return this.newParents.splice(0);
  }

  /** Entries created since the last call, to be written in the import's transaction. */
  takeNew(): { indicators: Array<{ code: string; name: string; unit: string }>; regions: Array<{ code: string; name: string; nameEn: string; kind: string }> } {
    return { indicators: this.newIndicators.splice(0), regions: this.newRegions.splice(0) };
  }
}

/** An indicator and its parent, by code. */
export interface ParentLink {
  code: string;
  parent: string;
}

/**
 * Writes the parents an import found for indicators that had none, marked as that import's so that its
 * undo takes them away again.
 */
export function writeParents(db: Database.Database, links: readonly ParentLink[], importId: number): void {
  if (!links.length) return;
  const set = db.prepare('UPDATE indicators SET parent = ?, parent_by_import = ? WHERE code = ? AND parent IS NULL');
  for (const l of links) set.run(l.parent, importId, l.code);
}

/**
 * Writes the indicators and regions an import named for the first time (inside its transaction),
 * marked as that import's so that its undo can take them away again. A new indicator's measure is the
 * one the import assigned to its rows (option or 口径 note row), else the default.
 */
export function writeNewEntries(db: Database.Database, entries: ReturnType<Catalogue['takeNew']>, importId: number, source: string, measure: string | null): void {
  if (entries.indicators.length) {
    const ins = db.prepare(
      "INSERT INTO indicators (code, name_zh, name_en, unit, source, measure, created_by_import) VALUES (?, ?, '', ?, ?, coalesce(?, 'standard'), ?) ON CONFLICT(code) DO NOTHING",
    );
    for (const e of entries.indicators) ins.run(e.code, e.name, e.unit, source, measure, importId);
  }
  if (entries.regions.length) {
    const ins = db.prepare('INSERT INTO regions (code, name_zh, name_en, kind, created_by_import) VALUES (?, ?, ?, ?, ?) ON CONFLICT(code) DO NOTHING');
    for (const e of entries.regions) ins.run(e.code, e.name, e.nameEn, e.kind, importId);
  }
}
