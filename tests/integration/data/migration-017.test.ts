// Migration 017: 重庆's "16% a year on average in 2018-2021" was stored at 2021 on an indicator that did
// not name the span, so the grid and a chart read "2021: 16%". The indicator now names its span, in an
// existing workspace as in a fresh one; the figure itself (period, value, release) does not change,
// and an indicator a user renamed or filled with other spans keeps what it had.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import seed from '../../../data/sample/observations.json';
import seedCharts from '../../../data/seed/charts.json';
import seedScenarios from '../../../data/seed/scenarios.json';
import { dispatch } from '../../../electron/backend/dispatch';
import { loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import type { ObservationRow } from '../../../shared/api/data-contract';
import { tempDir, tempService } from '../../helpers/temp';

const CODE = 'de_va_cagr';
const OLD = {
  name_zh: '数字经济增加值年均增速（重庆）',
  name_en: 'Digital economy value added, average annual growth (Chongqing)',
  description: '行注所述期间的年均增速，记在期末年份。',
  description_en: 'Average annual growth over the span given in the note; stored at the span\'s last year.',
};
const seeded = seed.indicators.find((i) => i.code === CODE)!;
const NEW = { name_zh: seeded.nameZh, name_en: seeded.nameEn, description: seeded.description, description_en: seeded.descriptionEn };

/** A workspace at schema 16 holding the indicator as the seed wrote it, its seeded figure, and what `extra` adds. */
function v16(extra: (db: Database.Database, imports: { seed: number; mine: number }) => void = () => {}): string {
  const file = path.join(tempDir(), 'v16.sqlite');
  const old = new Database(file);
  const migrations = loadMigrations();
  expect(migrations[16]?.name).toBe('017-average-growth-span.sql');
  for (const m of migrations.slice(0, 16)) old.exec(m.sql);
  old.pragma('user_version = 16');
  old.exec("INSERT INTO regions (code, name_zh, name_en) VALUES ('CQ', '重庆市', 'Chongqing')");
  old.prepare("INSERT INTO indicators (code, name_zh, name_en, unit, category, description, description_en, source, measure) VALUES (?, ?, ?, '%', '数字经济总量', ?, ?, '经济日报', 'cq-earlier')").run(
    CODE, OLD.name_zh, OLD.name_en, OLD.description, OLD.description_en,
  );
  const imp = old.prepare("INSERT INTO imports (file_name, sha256, size_bytes, layout, imported_at) VALUES (?, '', 0, ?, '2025-01-01')");
  const imports = { seed: Number(imp.run('data/sample/observations.json', 'seed').lastInsertRowid), mine: Number(imp.run('mine.csv', 'long').lastInsertRowid) };
  old.prepare(
    `INSERT INTO observations (indicator, region, period, year, value, unit, original, status, import_id, source, note, bound, released, release_label)
     VALUES (?, 'CQ', '2021', 2021, 16, '%', '16%', 'actual', ?, '经济日报 2022-08-23（可信度 M）', '2018—2021年年均增长', 'exact', '2022-08-23', '新闻报道')`,
  ).run(CODE, imports.seed);
  extra(old, imports);
  old.close();
  return file;
}

function opened<T>(file: string, read: (db: Database.Database) => T): T {
  const ws = openWorkspace(file);
  try {
    return read(ws.db);
  } finally {
    ws.db.close();
  }
}

const texts = (db: Database.Database) => db.prepare('SELECT name_zh, name_en, description, description_en FROM indicators WHERE code = ?').get(CODE);
const figure = (db: Database.Database) => db.prepare("SELECT period, year, value, bound, released, release_label AS label, note FROM observations WHERE indicator = ? AND status = 'actual' AND period = '2021'").get(CODE);

describe('migration 017', () => {
  it('names the span on the indicator, as a fresh seed does, and leaves the figure as it was', () => {
    expect(NEW.name_zh).toBe('2018—2021年数字经济增加值年均增速（重庆）');
    expect(NEW.name_en).toBe('2018–2021 average annual growth, digital economy value added (Chongqing)');
    const file = v16();
    opened(file, (db) => {
      expect(texts(db)).toEqual(NEW);
      expect(figure(db)).toEqual({ period: '2021', year: 2021, value: 16, bound: 'exact', released: '2022-08-23', label: '新闻报道', note: '2018—2021年年均增长' });
    });
  });

  it('keeps a name the user gave, and only the texts still as seeded change', () => {
    const renamed = v16((db) => db.prepare('UPDATE indicators SET name_zh = ? WHERE code = ?').run('重庆数字经济年均增速（经济日报）', CODE));
    opened(renamed, (db) => expect(texts(db)).toEqual({ ...OLD, name_zh: '重庆数字经济年均增速（经济日报）' }));
    const ownEnglish = v16((db) => db.prepare('UPDATE indicators SET description_en = ? WHERE code = ?').run('My note.', CODE));
    opened(ownEnglish, (db) => expect(texts(db)).toEqual({ ...NEW, description_en: 'My note.' }));
  });

  it('leaves an indicator that holds figures of other spans alone', () => {
    const file = v16((db, imports) =>
      db.prepare(
        "INSERT INTO observations (indicator, region, period, year, value, unit, original, status, import_id, source, note) VALUES (?, 'CQ', '2025', 2025, 12, '%', '12%', 'actual', ?, '测试', '2021—2025年年均增长')",
      ).run(CODE, imports.mine),
    );
    opened(file, (db) => expect(texts(db)).toEqual(OLD));
  });

  it('is read by no starting chart or scenario', () => {
    expect(JSON.stringify(seedCharts)).not.toContain(CODE);
    expect(JSON.stringify(seedScenarios)).not.toContain(CODE);
  });
});

describe('a fresh workspace', () => {
  const { service } = tempService();
  afterAll(() => service.close());

  it('shows the average with its span in the grid, in both languages', async () => {
    const r = await dispatch(service, 'observations.query', {
      startRow: 0, endRow: 10, sortModel: [], filterModel: { indicator: { filterType: 'set-values', values: [CODE] } },
    });
    if (!r.ok) throw new Error(r.error.message);
    const rows = (r.result as { rows: ObservationRow[] }).rows;
    expect(rows.map((o) => [o.indicatorName, o.indicatorNameEn, o.period, o.value])).toEqual([[NEW.name_zh, NEW.name_en, '2021', 16]]);
  });
});
