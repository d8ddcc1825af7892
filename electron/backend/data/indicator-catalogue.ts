// The indicator catalogue as the screens and the CLI list it: each indicator with its parent (a
// yearbook's indented sub-item: 第一产业 under 地区生产总值, migration 015) and its depth, in outline
// order: each parent followed by its sub-items in the order they were added (an import adds them in
// the file's order), so that a list indented by depth reads as the table it came from.

import type Database from 'better-sqlite3';
import type { IndicatorEntry } from '../../../shared/api/data-contract';
import { listIndicatorEntries } from '../db/access';

interface ParentRow {
  code: string;
  /** The order the indicator was added in. */
  added: number;
  parent: string;
  parentName: string;
  parentNameEn: string;
}

/** Indicators with their parent's code and names (null and '' for a top-level one) and depth, parents first, each followed by its sub-items. */
export function listIndicatorCatalogue(db: Database.Database): IndicatorEntry[] {
  const parents = new Map(
    (db.prepare('SELECT c.code, c.rowid AS added, p.code AS parent, p.name_zh AS parentName, p.name_en AS parentNameEn FROM indicators c JOIN indicators p ON p.code = c.parent').all() as ParentRow[]).map((r) => [r.code, r]),
  );
  const entries = listIndicatorEntries(db).map((e): IndicatorEntry => {
    const p = parents.get(e.code);
    return { ...e, parent: p?.parent ?? null, parentName: p?.parentName ?? '', parentNameEn: p?.parentNameEn ?? '', depth: 0 };
  });
  const children = new Map<string, IndicatorEntry[]>();
  for (const e of entries) {
    if (e.parent === null) continue;
    const list = children.get(e.parent);
    if (list) list.push(e);
    else children.set(e.parent, [e]);
  }
  const out: IndicatorEntry[] = [];
  const placed = new Set<string>();
  const visit = (e: IndicatorEntry, depth: number) => {
    if (placed.has(e.code)) return;
    placed.add(e.code);
    out.push({ ...e, depth });
    for (const c of children.get(e.code) ?? []) visit(c, depth + 1);
  };
  for (const list of children.values()) list.sort((a, b) => parents.get(a.code)!.added - parents.get(b.code)!.added);
  for (const e of entries) if (e.parent === null) visit(e, 0);
  // The import never records a loop; one made otherwise still lists every indicator, at the top level.
  for (const e of entries) visit(e, 0);
  return out;
}
