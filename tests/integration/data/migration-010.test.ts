// Migration 010: descriptions in both languages, the release dates the seed's sources give, and a
// measure on earlier releases. A workspace made by version 9 gets them where its rows are still as the
// seed wrote them, and keeps what its user changed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import { dispatch } from '../../../electron/backend/dispatch';
import { WorkbenchService } from '../../../electron/backend/service';
import type { IndicatorEntry, Releases } from '../../../shared/api/data-contract';
import { tempDir } from '../../helpers/temp';

async function ok<T>(call: Promise<{ ok: boolean; result?: unknown; error?: unknown }>): Promise<T> {
  const outcome = await call;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as T;
}

const OLD_GDP = 'GDP at current prices; for 全国 the 国内生产总值. Initial releases unless a note says otherwise.';
const OLD_NOTE = 'Published figures compiled in DOMAIN.md; see each row’s source and confidence.';

/** A version-9 workspace holding a few rows as the version-9 seed wrote them, and two a user changed. */
function version9Workspace(): { file: string; dataDir: string } {
  const dir = tempDir();
  const v9 = path.join(dir, 'migrations-v9');
  fs.mkdirSync(v9);
  const migrations = loadMigrations();
  expect(migrations[9]?.name).toBe('010-bilingual-descriptions-seed-releases.sql');
  for (const m of migrations.slice(0, 9)) fs.writeFileSync(path.join(v9, m.name), m.sql);
  const file = path.join(dir, 'v9.sqlite');
  const ws = openWorkspace(file, { create: true, migrationsDir: v9 });
  expect(ws.schemaVersion).toBe(9);
  const db = ws.db;
  db.prepare("INSERT INTO regions (code, name_zh, name_en, kind) VALUES ('CQ', '重庆市', 'Chongqing', 'municipality')").run();
  const indicator = db.prepare("INSERT INTO indicators (code, name_zh, name_en, unit, category, description, source, measure, gdp_share) VALUES (?, ?, ?, ?, '', ?, '', ?, ?)");
  indicator.run('gdp', '地区生产总值', 'Gross domestic product', '亿元', OLD_GDP, 'standard', 0);
  indicator.run('de_va_share_gdp', '数字经济增加值占GDP比重（重庆）', 'share', '%', '我改写过的说明', 'cq-earlier', 1);
  const seedImport = Number(
    db
      .prepare("INSERT INTO imports (file_name, sha256, size_bytes, encoding, layout, mapping, rows_read, source_note, imported_at) VALUES ('data/sample/observations.json', 'x', 1, 'utf-8', 'seed', '{}', 3, ?, '2025-01-01')")
      .run(OLD_NOTE).lastInsertRowid,
  );
  const obs = db.prepare("INSERT INTO observations (indicator, region, period, year, value, unit, original, status, import_id, measure) VALUES (?, 'CQ', ?, ?, ?, '%', ?, 'actual', ?, ?)");
  obs.run('de_va_share_gdp', '2022', 2022, 45.4, '45.4%', seedImport, 'caict-broad');
  // Edited by the user since: a value the seed never wrote keeps its (absent) release date.
  obs.run('de_va_share_gdp', '2021', 2021, 27.5, '27.5%', seedImport, null);
  const kept = Number(obs.run('gdp', '2018', 2018, 21588.8, '21588.80', seedImport, null).lastInsertRowid);
  obs.run('gdp', '2020', 2020, 25002.79, '25002.79', seedImport, null);
  db.prepare("INSERT INTO observation_releases (observation_id, value, original, released, release_label) VALUES (?, 20363.19, '20363.19', '2019-03-01', '统计公报初步核算数')").run(kept);
  db.prepare("INSERT INTO settings (key, value) VALUES ('seed.sample', 'x'), ('seed.plans', 'x'), ('seed.monitor', 'x'), ('seed.scenarios', 'x'), ('seed.scenarios.broad', 'x'), ('seed.charts', 'x')").run();
  db.close();
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  return { file, dataDir };
}

describe('migration 010', () => {
  it('gives seeded descriptions both languages and seeded figures their sources’ dates, and keeps what the user changed', async () => {
    const { file, dataDir } = version9Workspace();
    const service = WorkbenchService.open({ dataDir, mode: 'cli', appVersion: 'test' }, file);
    try {
      const db = service.db;
      const indicators = await ok<IndicatorEntry[]>(dispatch(service, 'catalogue.indicators', {}));
      const gdp = indicators.find((i) => i.code === 'gdp')!;
      expect(gdp.description).toBe('现价地区生产总值；全国为国内生产总值。除行注另有说明外为初步核算数。');
      expect(gdp.descriptionEn).toBe(OLD_GDP);
      expect(indicators.find((i) => i.code === 'de_va_share_gdp')).toMatchObject({ description: '我改写过的说明', descriptionEn: '' });

      const released = (period: string) => db.prepare("SELECT released, release_label AS label FROM observations WHERE indicator = 'de_va_share_gdp' AND period = ?").get(period);
      expect(released('2022')).toEqual({ released: '2023-12-13', label: '《行动计划》指标表' });
      expect(released('2021')).toEqual({ released: '', label: '' });
      // A first release says so; 重庆 2020's is known to have been revised.
      expect(db.prepare("SELECT release_label AS label, superseded FROM observations WHERE indicator = 'gdp' AND period = '2020'").get()).toEqual({ label: '初步核算数', superseded: 1 });

      expect(db.prepare("SELECT source_note FROM imports WHERE layout = 'seed'").pluck().get()).toBe('已公布数据汇编：每行注明发布机构、文件与可信度。');
      const measures = db.prepare('SELECT code, description_en FROM measures ORDER BY sort').all() as Array<{ code: string; description_en: string }>;
      expect(measures.map((m) => m.code)).toEqual(['standard', 'cq-earlier', 'caict-broad', 'nbs-core', 'industry']);
      for (const m of measures) expect(m.description_en, m.code).toMatch(/^[\x20-\x7e…]*[A-Za-z]/);

      // An earlier release kept before releases had a measure is on its row's.
      const id = db.prepare("SELECT id FROM observations WHERE indicator = 'gdp'").pluck().get() as number;
      const releases = await ok<Releases>(dispatch(service, 'observations.releases', { id }));
      expect(releases.releases.map((r) => [r.value, r.measure, r.measureName])).toEqual([
        [21588.8, 'standard', '统计部门常规口径'],
        [20363.19, 'standard', '统计部门常规口径'],
      ]);
    } finally {
      service.close();
    }
  });
});
