// The workspace's catalogue as rows: one declaration of each shared table's row, one query per
// question that more than one domain asks (is there such an indicator, what is its measure, list
// the catalogue). A domain's own store keeps the queries only it asks (targets/store.ts writes
// targets, charts/storage.ts charts); the figures themselves are the series layer's
// (series/figures.ts). SQL takes bound parameters only; the table names below are a fixed list.
import type { IndicatorEntry, RegionEntry } from '../../../shared/api/data-contract';
import type { Target } from '../../../shared/api/targets-contract';
import type { Db } from './workspace';

export interface IndicatorRow {
  code: string;
  name_zh: string;
  name_en: string;
  unit: string;
  category: string;
  description: string;
  description_en: string;
  source: string;
  /** The measure its figures use unless an observation names its own. */
  measure: string;
  /** 1: its values are shares of GDP (a published share of some measure). */
  gdp_share: number;
}

export interface RegionRow {
  code: string;
  name_zh: string;
  name_en: string;
  kind: string;
}

export interface PlanRow {
  code: string;
  name_zh: string;
  name_en: string;
  issuer: string;
  issued: string;
  horizon: number | null;
  source: string;
}

export interface TargetRow {
  code: string;
  plan: string;
  title_zh: string;
  title_en: string;
  area: string;
  comparator: Target['comparator'];
  value: number | null;
  unit: string;
  deadline: number | null;
  indicator: string | null;
  region: string | null;
  quote: string;
  note: string;
  assessment: Target['assessment'];
  assessment_note: string;
  measure: string | null;
}

export function indicatorRow(db: Db, code: string): IndicatorRow | undefined {
  return db.prepare('SELECT * FROM indicators WHERE code = ?').get(code) as IndicatorRow | undefined;
}

export function regionRow(db: Db, code: string): RegionRow | undefined {
  return db.prepare('SELECT * FROM regions WHERE code = ?').get(code) as RegionRow | undefined;
}

export function allIndicators(db: Db): IndicatorRow[] {
  return db.prepare('SELECT * FROM indicators').all() as IndicatorRow[];
}

export function allRegions(db: Db): RegionRow[] {
  return db.prepare('SELECT * FROM regions').all() as RegionRow[];
}

const existsSql = {
  indicators: 'SELECT 1 FROM indicators WHERE code = ?',
  regions: 'SELECT 1 FROM regions WHERE code = ?',
  plans: 'SELECT 1 FROM plans WHERE code = ? AND retired_at IS NULL',
  targets: 'SELECT 1 FROM targets WHERE code = ?',
} as const;

/** Whether the workspace has this indicator, region, (unretired) plan or target. */
export function exists(db: Db, table: keyof typeof existsSql, code: string): boolean {
  return db.prepare(existsSql[table]).get(code) !== undefined;
}

/** The measure an indicator's figures use unless an observation names its own; null for an unknown indicator. */
export function indicatorMeasure(db: Db, code: string): string | null {
  return (db.prepare('SELECT measure FROM indicators WHERE code = ?').pluck().get(code) as string | undefined) ?? null;
}

/** The catalogue's indicators with their measure's names, the other measures some figures name, and their figure count. */
type CatalogueFields = Omit<IndicatorEntry, 'parent' | 'parentName' | 'parentNameEn' | 'depth'>;

/** The catalogue's fields of each indicator; its place in the outline comes from data/indicator-catalogue.ts. */
export function listIndicatorEntries(db: Db): CatalogueFields[] {
  return db
    .prepare(
      `SELECT code, name_zh AS nameZh, name_en AS nameEn, unit, category, description, description_en AS descriptionEn, source, measure,
         COALESCE((SELECT m.name_zh FROM measures m WHERE m.code = i.measure), '') AS measureName,
         COALESCE((SELECT m.name_en FROM measures m WHERE m.code = i.measure), '') AS measureNameEn,
         COALESCE((SELECT group_concat(name_zh, '、') FROM (SELECT DISTINCT m.name_zh FROM observations o JOIN measures m ON m.code = o.measure WHERE o.indicator = i.code AND o.measure <> i.measure)), '') AS otherMeasureNames,
         COALESCE((SELECT group_concat(name_en, ', ') FROM (SELECT DISTINCT m.name_en FROM observations o JOIN measures m ON m.code = o.measure WHERE o.indicator = i.code AND o.measure <> i.measure)), '') AS otherMeasureNamesEn,
         (SELECT count(*) FROM observations o WHERE o.indicator = i.code) AS observations
       FROM indicators i ORDER BY category, code`,
    )
    .all() as CatalogueFields[];
}

/** The catalogue's regions with their figure count. */
export function listRegionEntries(db: Db): RegionEntry[] {
  return db
    .prepare(
      `SELECT code, name_zh AS nameZh, name_en AS nameEn, kind,
         (SELECT count(*) FROM observations o WHERE o.region = r.code) AS observations
       FROM regions r ORDER BY kind, code`,
    )
    .all() as RegionEntry[];
}
