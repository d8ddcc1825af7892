// The releases of one observation (DOMAIN.md, "Revisions"): the row holds the latest release, earlier
// ones (first release, census revision …) are kept in observation_releases. The grid's 修订 column
// opens this list.

import type Database from 'better-sqlite3';
import type { Release, ReleaseDate, Releases } from '../../../shared/api/data-contract';
import { WorkbenchError } from '../../../shared/api/errors';

/** An observation's releases, newest first: the row itself, then the earlier ones as the series layer orders them. */
export function listReleases(db: Database.Database, id: number): Releases {
  const row = db
    .prepare(
      `SELECT o.unit, o.value, o.original, o.bound, COALESCE(o.measure, i.measure) AS measure, o.released, o.release_label AS releaseLabel, o.source, o.note
       FROM observations o JOIN indicators i ON i.code = o.indicator WHERE o.id = ?`,
    )
    .get(id) as (Omit<Release, 'latest' | 'measureName' | 'measureNameEn'> & { unit: string }) | undefined;
  if (!row) throw new WorkbenchError('data.notFound', { id });
  const { unit, ...latest } = row;
  // An earlier release without a measure of its own was kept before releases recorded one: the row's.
  const earlier = db
    .prepare(
      `SELECT value, original, bound, COALESCE(measure, ?) AS measure, released, release_label AS releaseLabel, source, note
       FROM observation_releases WHERE observation_id = ? ORDER BY released DESC, id DESC`,
    )
    .all(latest.measure, id) as Array<Omit<Release, 'latest' | 'measureName' | 'measureNameEn'>>;
  const names = new Map(
    (db.prepare('SELECT code, name_zh AS zh, name_en AS en FROM measures').all() as Array<{ code: string; zh: string; en: string }>).map((m) => [m.code, m]),
  );
  const named = (r: Omit<Release, 'latest' | 'measureName' | 'measureNameEn'>, isLatest: boolean): Release => ({
    ...r,
    measureName: names.get(r.measure)?.zh ?? r.measure,
    measureNameEn: names.get(r.measure)?.en ?? r.measure,
    latest: isLatest,
  });
  return { id, unit, releases: [named(latest, true), ...earlier.map((r) => named(r, false))] };
}

/** Labels listed per date at most: a census revision can give one date hundreds of figures. */
const LABELS_PER_DATE = 3;

/** The dates figures were released on (latest releases and earlier ones), newest first, each with its labels and figure count. */
export function listReleaseDates(db: Database.Database): ReleaseDate[] {
  const rows = db
    .prepare(
      `SELECT released AS date, release_label AS label, count(*) AS figures FROM (
         SELECT released, release_label FROM observations WHERE released <> ''
         UNION ALL SELECT released, release_label FROM observation_releases WHERE released <> '')
       GROUP BY released, release_label ORDER BY released DESC, figures DESC, release_label`,
    )
    .all() as Array<{ date: string; label: string; figures: number }>;
  const dates = new Map<string, ReleaseDate>();
  for (const r of rows) {
    const entry = dates.get(r.date) ?? { date: r.date, labels: [], figures: 0 };
    dates.set(r.date, entry);
    entry.figures += r.figures;
    if (r.label && entry.labels.length < LABELS_PER_DATE) entry.labels.push(r.label);
  }
  return [...dates.values()];
}
