// Migration 014: 重庆's 2020 core-industry share (7.3%) comes only from a report of 2023; without a
// release date it counted as known from 2021-01-01, so the data as known at the end of 2021 showed a
// figure published two years later. The seeded row (and a fresh seed) now counts from 2023-01-01.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import type { ObservationRow } from '../../../shared/api/data-contract';
import { tempDir, tempService } from '../../helpers/temp';

const SOURCE = '重庆邮电大学 重庆市数字经济创新发展报告(2023)（重庆日报）';
const LABEL = '报告年份';

describe('migration 014', () => {
  it('dates the seeded 2020 core share from its 2023 report and leaves a user row with the same figure alone', () => {
    const file = path.join(tempDir(), 'v13.sqlite');
    const old = new Database(file);
    const migrations = loadMigrations();
    expect(migrations[13]?.name).toBe('014-undated-report-release.sql');
    for (const m of migrations.slice(0, 13)) old.exec(m.sql);
    old.pragma('user_version = 13');
    old.exec("INSERT INTO regions (code, name_zh, name_en) VALUES ('CQ', '重庆市', 'Chongqing')");
    old.exec("INSERT INTO indicators (code, name_zh, unit) VALUES ('de_core_share_gdp', '数字经济核心产业增加值占GDP比重', '%')");
    const imp = old.prepare("INSERT INTO imports (file_name, sha256, size_bytes, layout, imported_at) VALUES (?, '', 0, ?, '2025-01-01')");
    const seed = imp.run('seed', 'seed').lastInsertRowid;
    const mine = imp.run('mine.csv', 'long').lastInsertRowid;
    const row = old.prepare(
      "INSERT INTO observations (indicator, region, period, year, value, unit, original, status, import_id, source, note) VALUES ('de_core_share_gdp', 'CQ', '2020', 2020, 7.3, '%', '7.3%', ?, ?, ?, '')",
    );
    row.run('actual', seed, SOURCE);
    row.run('estimate', mine, SOURCE);
    old.close();

    const ws = openWorkspace(file);
    try {
      const rows = ws.db.prepare('SELECT import_id AS imp, released, release_label AS label FROM observations ORDER BY id').all();
      expect(rows).toEqual([
        { imp: Number(seed), released: '2023-01-01', label: LABEL },
        { imp: Number(mine), released: '', label: '' },
      ]);
    } finally {
      ws.db.close();
    }
  });
});

describe('a fresh workspace', () => {
  const { service } = tempService();
  afterAll(() => service.close());
  const coreShare = async (vintage: string) => {
    const r = await dispatch(service, 'observations.query', {
      startRow: 0, endRow: 10, sortModel: [], vintage,
      filterModel: { indicator: { filterType: 'set-values', values: ['de_core_share_gdp'] }, region: { filterType: 'set-values', values: ['CQ'] } },
    });
    if (!r.ok) throw new Error(r.error.message);
    return (r.result as { rows: ObservationRow[] }).rows.map((o) => [o.period, o.value, o.released]);
  };

  it('does not show the 2020 core share before its report', async () => {
    expect(await coreShare('2022-12-31')).toEqual([]);
    expect(await coreShare('2023-06-30')).toEqual([['2020', 7.3, '2023-01-01'], ['2022', 7.7, '2023-01-01']]);
  });
});
