// The releases of one observation (DOMAIN.md, "Revisions"): the row holds the latest release, earlier
// ones (first release, census revision …) are kept in observation_releases. The grid's 修订 column
// opens this list.

import type Database from 'better-sqlite3';
import type { Release, Releases } from '../../../shared/api/data-contract';
import { WorkbenchError } from '../../../shared/api/errors';

/** An observation's releases, newest first: the row itself, then the earlier ones as the series layer orders them. */
export function listReleases(db: Database.Database, id: number): Releases {
  const row = db
    .prepare('SELECT unit, value, original, bound, released, release_label AS releaseLabel, source, note FROM observations WHERE id = ?')
    .get(id) as (Omit<Release, 'latest'> & { unit: string }) | undefined;
  if (!row) throw new WorkbenchError('data.notFound', { id });
  const { unit, ...latest } = row;
  const earlier = db
    .prepare('SELECT value, original, bound, released, release_label AS releaseLabel, source, note FROM observation_releases WHERE observation_id = ? ORDER BY released DESC, id DESC')
    .all(id) as Array<Omit<Release, 'latest'>>;
  return { id, unit, releases: [{ ...latest, latest: true }, ...earlier.map((r) => ({ ...r, latest: false }))] };
}
