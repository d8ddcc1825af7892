// Undo cleans up: the indicators and regions an import added go with its undo when nothing else uses
// them (no row of another import or entered by hand, no replaced row kept for another undo, no target,
// definition break, chart or scenario). New indicators get readable ASCII codes, unique, the Chinese
// name staying their name.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveChart } from '../../../electron/backend/charts/storage';
import { loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import { commitImport } from '../../../electron/backend/import/commit';
import { undoImport } from '../../../electron/backend/import/history';
import { previewImport } from '../../../electron/backend/import/preview';
import { seedSampleData } from '../../../electron/backend/import/seed-sample';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

let n = 0;
function csv(lines: string[]): string {
  const path = join(ws.dir, `f${++n}.csv`);
  writeFileSync(path, `${['指标,地区,年份,数值', ...lines].join('\n')}\n`);
  return path;
}

async function commit(lines: string[]): Promise<number> {
  const s = await commitImport(ws.db, csv(lines), { onConflict: 'replace' });
  expect(s.status).toBe('committed');
  return s.importId!;
}

const indicators = () => ws.db.prepare('SELECT code, name_zh FROM indicators ORDER BY code').all().map((r) => Object.values(r as object).join(' '));
const regions = () => ws.db.prepare('SELECT code FROM regions ORDER BY code').pluck().all();

describe('undo takes away what its import added', () => {
  it('indicators and regions the import added and nothing else uses', async () => {
    seedSampleData(ws.db);
    const before = { indicators: indicators(), regions: regions() };
    // 测试指标 and 万州区 are new; 地区生产总值 and 重庆 are the seed's.
    const id = await commit(['测试指标,万州区,2020,1', '测试指标,重庆,2020,2', '地区生产总值,万州区,2020,3']);
    expect(indicators()).toContain('cszb 测试指标');
    expect(regions()).toContain('万州区');
    const undo = undoImport(ws.db, id);
    expect(undo).toEqual({
      importId: id,
      rowsDeleted: 3,
      rowsRestored: 0,
      removedIndicators: [{ code: 'cszb', nameZh: '测试指标', nameEn: '' }],
      removedRegions: [{ code: '万州区', nameZh: '万州区', nameEn: '' }],
    });
    expect({ indicators: indicators(), regions: regions() }).toEqual(before);
    expect(ws.db.pragma('foreign_key_check')).toEqual([]);
  });

  it("keeps an entry another import's rows use, and hands it to that import: its undo takes it away", async () => {
    const a = await commit(['测试指标,重庆,2020,1']);
    const b = await commit(['测试指标,重庆,2021,2', '测试指标,四川,2021,3']);
    expect(undoImport(ws.db, a)).toMatchObject({ removedIndicators: [], removedRegions: [] });
    expect(indicators()).toEqual(['cszb 测试指标']);
    expect(ws.db.prepare('SELECT created_by_import FROM indicators').pluck().get()).toBe(b);
    expect(undoImport(ws.db, b)).toMatchObject({ removedIndicators: [{ code: 'cszb' }], removedRegions: [{ code: 'CQ' }, { code: 'SC' }] });
    expect(indicators()).toEqual([]);
    expect(regions()).toEqual([]);
  });

  it('keeps an entry a row entered by hand, a replaced row, a target, a definition break or a chart uses', async () => {
    const byHand = await commit(['手工指标,重庆,2020,1']);
    ws.db.prepare("INSERT INTO observations (indicator, region, period, year, value, status) VALUES ('sgzb', 'CQ', '2019', 2019, 5, 'actual')").run();
    expect(undoImport(ws.db, byHand).removedIndicators).toEqual([]);

    // A later import replaced a row of 替换指标: undoing the first import keeps it (the replaced row is gone with it, the later row stays).
    const first = await commit(['替换指标,重庆,2020,1']);
    await commit(['替换指标,重庆,2020,2']);
    expect(undoImport(ws.db, first).removedIndicators).toEqual([]);

    const targeted = await commit(['目标指标,重庆,2020,1']);
    ws.db.exec("INSERT INTO plans (code, name_zh) VALUES ('T', '测试规划')");
    ws.db.exec("INSERT INTO targets (code, plan, title_zh, indicator, region) VALUES ('T1', 'T', '测试目标', 'mbzb', 'CQ')");
    expect(undoImport(ws.db, targeted).removedIndicators).toEqual([]);

    const broken = await commit(['口径变化指标,四川,2020,1']);
    ws.db.exec("INSERT INTO definition_breaks (indicator, region, year) VALUES ('kjbhzb', 'SC', 2020)");
    expect(undoImport(ws.db, broken)).toMatchObject({ removedIndicators: [], removedRegions: [] });

    const charted = await commit(['图表指标,万州区,2020,1']);
    saveChart(ws.db, { spec: { template: 'indicator-series', title: '测试图表', bindings: { indicators: ['tbzb'], regions: ['万州区'] } } }, 'zh');
    expect(undoImport(ws.db, charted)).toMatchObject({ removedIndicators: [], removedRegions: [] });
    expect(indicators()).toEqual(['kjbhzb 口径变化指标', 'mbzb 目标指标', 'sgzb 手工指标', 'tbzb 图表指标', 'thzb 替换指标']);
  });

  it("an entry added before this was recorded (migration 011) stays with its import's undo", () => {
    const path = join(ws.dir, 'v10.sqlite');
    const old = new Database(path);
    for (const m of loadMigrations().slice(0, 10)) old.exec(m.sql);
    old.pragma('user_version = 10');
    old.exec("INSERT INTO imports (id, file_name, sha256, size_bytes, imported_at) VALUES (1, 'old.csv', '', 1, '2024-01-01T00:00:00Z')");
    old.exec("INSERT INTO indicators (code, name_zh) VALUES ('旧指标', '旧指标'); INSERT INTO regions (code, name_zh, name_en) VALUES ('CQ', '重庆市', 'Chongqing')");
    old.exec("INSERT INTO observations (indicator, region, period, year, value, status, import_id) VALUES ('旧指标', 'CQ', '2020', 2020, 1, 'actual', 1)");
    old.close();
    const opened = openWorkspace(path);
    try {
      expect(opened.db.prepare('SELECT created_by_import FROM indicators').pluck().all()).toEqual([null]);
      expect(opened.db.prepare('SELECT cells_blank FROM imports').pluck().all()).toEqual([0]);
      expect(undoImport(opened.db, 1)).toMatchObject({ rowsDeleted: 1, removedIndicators: [], removedRegions: [] });
      expect(opened.db.prepare('SELECT code FROM indicators').pluck().all()).toEqual(['旧指标']);
    } finally {
      opened.db.close();
    }
  });
});

describe('codes of the indicators an import adds', () => {
  it('are the pinyin initials and ASCII words of the name, unique; the name stays Chinese; the preview shows the same', async () => {
    seedSampleData(ws.db);
    const lines = [
      '测试指标,重庆,2020,1',
      '厕所指标,重庆,2020,1',
      '5G基站数,重庆,2020,1',
      'GDP增速,重庆,2020,1',
      'R&D经费投入强度,重庆,2020,1',
      '重庆市数字经济核心产业增加值占地区生产总值比重,重庆,2020,1',
      '（）,重庆,2020,1',
    ];
    const p = await previewImport(ws.db, csv(lines));
    const codes = p.sample.map((s) => [s.indicator, s.indicatorName]);
    expect(codes).toEqual([
      ['cszb', '测试指标'],
      ['cszb_2', '厕所指标'],
      ['ind_5g_jzs', '5G基站数'],
      ['gdp_zs', 'GDP增速'],
      ['r_d_jftrqd', 'R&D经费投入强度'],
      ['cqsszjjhxcyzjzzdqsczzbz', '重庆市数字经济核心产业增加值占地区生产总值比重'],
      ['ind', '()'],
    ]);
    await commitImport(ws.db, csv(lines), { onConflict: 'fail' });
    const stored = ws.db.prepare("SELECT code, name_zh FROM indicators WHERE source LIKE 'f%.csv' ORDER BY rowid").all().map((r) => Object.values(r as object));
    expect(stored).toEqual(codes);
    // A later file naming them finds them by name.
    const again = await previewImport(ws.db, csv(['测试指标,重庆,2021,2', '厕所指标,重庆,2021,2']));
    expect(again.newIndicators).toEqual([]);
    expect(again.sample.map((s) => s.indicator)).toEqual(['cszb', 'cszb_2']);
  });
});
