// Migration 015: an indicator records its parent (a yearbook's indented sub-item) and the import that
// recorded it. Indicators of an existing workspace stay top-level; deleting a parent leaves its
// sub-items at the top level instead of failing or dangling.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace, loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import { tempDir } from '../../helpers/temp';

describe('migration 015', () => {
  it('adds an empty parent to every indicator; a deleted parent leaves its sub-items top-level', () => {
    const file = path.join(tempDir(), 'v14.sqlite');
    const old = new Database(file);
    const migrations = loadMigrations();
    expect(migrations[14]?.name).toBe('015-indicator-parent.sql');
    for (const m of migrations.slice(0, 14)) old.exec(m.sql);
    old.pragma('user_version = 14');
    old.exec("INSERT INTO indicators (code, name_zh, unit) VALUES ('sl_a', '示例指标甲', '亿元'), ('sl_a1', '示例子项', '亿元')");
    old.close();

    const ws = openWorkspace(file);
    try {
      expect(ws.db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(ws.db.prepare('SELECT code, parent, parent_by_import FROM indicators ORDER BY code').all()).toEqual([
        { code: 'sl_a', parent: null, parent_by_import: null },
        { code: 'sl_a1', parent: null, parent_by_import: null },
      ]);
      ws.db.prepare("UPDATE indicators SET parent = 'sl_a' WHERE code = 'sl_a1'").run();
      // A parent must be an indicator of the workspace.
      expect(() => ws.db.prepare("UPDATE indicators SET parent = 'nowhere' WHERE code = 'sl_a'").run()).toThrow(/FOREIGN KEY/);
      ws.db.prepare("DELETE FROM indicators WHERE code = 'sl_a'").run();
      expect(ws.db.prepare("SELECT parent FROM indicators WHERE code = 'sl_a1'").pluck().get()).toBeNull();
      expect(checkWorkspace(ws.db)).toMatchObject({ ok: true });
    } finally {
      ws.db.close();
    }
  });
});
