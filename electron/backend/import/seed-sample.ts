// The ready seed of published figures (data/sample/observations.json, compiled from DOMAIN.md):
// regions, the indicator catalogue and the observations, loaded in one transaction as one import,
// so that it shows in the import history and can be undone like any other. Idempotent: a second call
// finds the seed's import and changes nothing; rows the workspace already holds are never overwritten.

import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { parsePeriod } from '../../../shared/parse/period';
import seed from '../../../data/sample/observations.json';
import { assertIdle } from './busy';
import { BOUNDS } from '../../../shared/series/bound';
import { STATUSES } from './types';

const release = z.object({
  value: z.number().nullable(),
  original: z.string(),
  bound: z.enum(BOUNDS),
  released: z.string(),
  releaseLabel: z.string(),
  source: z.string(),
  note: z.string(),
});

const seedSchema = z.object({
  regions: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), kind: z.string() })),
  indicators: z.array(
    z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string(), category: z.string(), description: z.string(), descriptionEn: z.string(), source: z.string(), measure: z.string(), gdpShare: z.boolean() }),
  ),
  observations: z.array(
    z.object({
      indicator: z.string(),
      region: z.string(),
      period: z.string(),
      value: z.number().nullable(),
      unit: z.string(),
      original: z.string(),
      status: z.enum(STATUSES),
      source: z.string(),
      confidence: z.string(),
      note: z.string(),
      bound: z.enum(BOUNDS),
      measure: z.string().optional(),
      released: z.string().optional(),
      releaseLabel: z.string().optional(),
      revisions: z.array(release).optional(),
      superseded: z.boolean().optional(),
    }),
  ),
});

export const SEED_FILE_NAME = 'data/sample/observations.json';
/** The seed import's source note; the import history shows it in the screen's language. */
export const SEED_SOURCE_NOTE = '已公布数据汇编：每行注明发布机构、文件与可信度。';

export interface SeedSummary {
  importId: number;
  /** False when the seed was already loaded (nothing written). */
  created: boolean;
  observations: number;
}

export function seedSampleData(db: Database.Database): SeedSummary {
  assertIdle(db);
  const data = seedSchema.parse(seed);
  const text = JSON.stringify(seed);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return db
    .transaction((): SeedSummary => {
      const existing = db.prepare('SELECT id FROM imports WHERE sha256 = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1').pluck().get(sha256) as number | undefined;
      if (existing !== undefined) return { importId: existing, created: false, observations: 0 };

      const region = db.prepare('INSERT INTO regions (code, name_zh, name_en, kind) VALUES (?, ?, ?, ?) ON CONFLICT(code) DO NOTHING');
      for (const r of data.regions) region.run(r.code, r.nameZh, r.nameEn, r.kind);
      const indicator = db.prepare(
        'INSERT INTO indicators (code, name_zh, name_en, unit, category, description, description_en, source, measure, gdp_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO NOTHING',
      );
      for (const i of data.indicators) indicator.run(i.code, i.nameZh, i.nameEn, i.unit, i.category, i.description, i.descriptionEn, i.source, i.measure, i.gdpShare ? 1 : 0);

      const importId = Number(
        db
          .prepare(
            `INSERT INTO imports (file_name, sha256, size_bytes, encoding, layout, mapping, rows_read, source_note, imported_at)
             VALUES (?, ?, ?, 'utf-8', 'seed', '{}', ?, ?, ?)`,
          )
          .run(SEED_FILE_NAME, sha256, Buffer.byteLength(text), data.observations.length, SEED_SOURCE_NOTE, new Date().toISOString()).lastInsertRowid,
      );
      const insert = db.prepare(
        `INSERT INTO observations (indicator, region, period, year, value, unit, original, status, import_id, source, note, measure, bound, released, release_label, superseded)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      );
      const earlier = db.prepare(
        `INSERT INTO observation_releases (observation_id, value, original, bound, released, release_label, source, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      let written = 0;
      for (const o of data.observations) {
        const period = parsePeriod(o.period);
        if (!period) throw new Error(`seed period ${o.period}`);
        const source = o.confidence ? `${o.source}（可信度 ${o.confidence}）` : o.source;
        const result = insert.run(
          o.indicator, o.region, period.period, period.year, o.value, o.unit, o.original, o.status, importId, source, o.note,
          o.measure ?? null, o.bound, o.released ?? '', o.releaseLabel ?? '', o.superseded ? 1 : 0,
        );
        if (result.changes === 0) continue;
        written++;
        for (const r of o.revisions ?? []) earlier.run(result.lastInsertRowid, r.value, r.original, r.bound, r.released, r.releaseLabel, r.source, r.note);
      }
      db.prepare('UPDATE imports SET rows_written = ?, rows_skipped = ? WHERE id = ?').run(written, data.observations.length - written, importId);
      return { importId, created: true, observations: written };
    })
    .immediate();
}
