// Migration 018: in a workspace made before it, the action plan (C) keeps its issue date to the day
// (2023-12-13), so that as known on 2023-12-12 its targets are not judged; 软件业务收入 is labelled
// as the industry authority's data, not the statistics offices'; and C6 says which indicator judges it.
// What a user changed (another measure on the indicator, another note) stays.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import { tempDir } from '../../helpers/temp';

/** A workspace at schema 17 holding plan C, 软件业务收入 and C6 as the seed wrote them before 018. */
function v17(measure = 'standard', note = '2022年：2705亿元；数据提供：市经济信息委'): string {
  const file = path.join(tempDir(), 'v17.sqlite');
  const old = new Database(file);
  const migrations = loadMigrations();
  expect(migrations[17]?.name).toBe('018-plan-issue-dates-software-measure.sql');
  for (const m of migrations.slice(0, 17)) old.exec(m.sql);
  old.pragma('user_version = 17');
  old.exec("INSERT INTO regions (code, name_zh, name_en) VALUES ('CQ', '重庆', 'Chongqing')");
  old.exec("INSERT INTO plans (code, name_zh, name_en, issuer, issued, horizon, source) VALUES ('C', '重庆市数字经济创新发展行动计划', '', '重庆市', '2023-12', 2027, '')");
  old
    .prepare("INSERT INTO indicators (code, name_zh, name_en, unit, category, description, description_en, source, measure) VALUES ('software_revenue', '软件业务收入', 'Software business revenue', '亿元', '数字产业化', '软件和信息服务业的业务收入。', 'Revenue of the software and information services industry.', '华龙网', ?)")
    .run(measure);
  old
    .prepare("INSERT INTO targets (code, plan, title_zh, title_en, area, comparator, value, unit, deadline, indicator, region, quote, note, sort) VALUES ('C6', 'C', '软件和信息服务业收入', '', '主要指标', '>=', 7000, '亿元', 2027, 'software_revenue', 'CQ', '', ?, 0)")
    .run(note);
  old.close();
  return file;
}

function read(file: string) {
  const ws = openWorkspace(file);
  try {
    return {
      issued: ws.db.prepare("SELECT issued FROM plans WHERE code = 'C'").pluck().get(),
      indicator: ws.db.prepare("SELECT i.measure, m.name_zh AS measureName, i.description FROM indicators i JOIN measures m ON m.code = i.measure WHERE i.code = 'software_revenue'").get() as { measure: string; measureName: string; description: string },
      note: ws.db.prepare("SELECT note FROM targets WHERE code = 'C6'").pluck().get() as string,
    };
  } finally {
    ws.db.close();
  }
}

describe('migration 018', () => {
  it('dates the action plan to the day and labels software revenue as industry data', () => {
    const after = read(v17());
    expect(after.issued).toBe('2023-12-13');
    expect(after.indicator).toMatchObject({ measure: 'industry', measureName: '行业主管部门数据' });
    expect(after.indicator.description).toContain('软件和信息服务业收入');
    expect(after.note).toContain('按指标“软件业务收入”');
  });

  it('keeps a measure and a note the user changed', () => {
    const after = read(v17('caict-broad', '我的备注'));
    expect(after.indicator.measure).toBe('caict-broad');
    expect(after.note).toBe('我的备注');
  });
});
