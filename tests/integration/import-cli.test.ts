import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const portal = path.join(repoRoot, 'data', 'sample', 'gdp-portal-gbk.csv');
const longSample = path.join(repoRoot, 'data', 'sample', 'chongqing-digital-economy-long.csv');

/** The default workspace of a data dir, read as a plain SQLite file. */
function readWorkspace<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'workspaces', 'default.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('import CLI', () => {
  it('imports the GBK portal sample over the seeded figures, lists it, shows its rows, and undoes it', () => {
    const dataDir = tempDir();
    // A fresh workspace already holds the published GDP figures: by default the overlap stops the import.
    const refused = runCli(['import', portal, '--lang', 'en'], dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^gdp-portal-gbk\.csv, row \d+, column \d+: The workspace already holds/m);
    const done = runCli(['import', portal, '--on-conflict', 'replace', '--json'], dataDir);
    expect(done.status).toBe(0);
    const summary = JSON.parse(done.stdout);
    expect(summary).toMatchObject({ status: 'committed', importId: expect.any(Number) });
    expect(summary.rowsWritten).toBeGreaterThan(0);
    expect(summary.rowsReplaced).toBeGreaterThan(0);
    const list = JSON.parse(runCli(['imports', 'list', '--json'], dataDir).stdout);
    expect(list).toContainEqual(expect.objectContaining({ id: summary.importId, fileName: 'gdp-portal-gbk.csv', encoding: 'gb18030' }));
    const rows = JSON.parse(runCli(['observations', '--import', String(summary.importId), '--region', 'CQ', '--json'], dataDir).stdout);
    expect(rows).toContainEqual(expect.objectContaining({ region: 'CQ', period: '2020', value: 25002.79, unit: '亿元', status: 'actual', importId: summary.importId }));
    const twice = runCli(['import', portal, '--lang', 'en'], dataDir);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/same file \(identical content\) was imported/);
    const undone = runCli(['imports', 'undo', String(summary.importId), '--json'], dataDir);
    expect(JSON.parse(undone.stdout)).toMatchObject({ rowsDeleted: summary.rowsWritten, rowsRestored: summary.rowsReplaced });
    expect(JSON.parse(runCli(['observations', '--import', String(summary.importId), '--json'], dataDir).stdout)).toEqual([]);
  });

  it('lists every observation asked for, past one query page, as JSON and as text', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'many.csv');
    const lines = ['指标,地区,年份,数值'];
    for (let i = 0; i < 60; i++) for (let y = 1901; y <= 2000; y++) lines.push(`多行指标${i},重庆,${y},${i * 1000 + y}`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const summary = JSON.parse(runCli(['import', file, '--json'], dataDir).stdout);
    expect(summary.rowsWritten).toBe(6000);
    const rows = JSON.parse(runCli(['observations', '--import', String(summary.importId), '--json'], dataDir).stdout) as Array<{ indicator: string; period: string }>;
    expect(rows).toHaveLength(6000);
    expect(new Set(rows.map((r) => `${r.indicator}|${r.period}`)).size).toBe(6000);
    // A header, then one line a row.
    expect(runCli(['observations', '--import', String(summary.importId)], dataDir).stdout.trim().split('\n')).toHaveLength(6001);
  });

  it('init creates a seeded workspace once; a missing --workspace says to run init', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, '新建.sqlite');
    const missing = runCli(['info', '--workspace', file], dataDir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`工作区文件不存在：${file}。新建工作区请运行 workbench init 文件路径`);
    const made = runCli(['init', file, '--json'], dataDir);
    expect(made.status).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ workspace: file, schemaVersion: expect.any(Number) });
    const before = fs.readFileSync(file);
    const again = runCli(['init', file, '--lang', 'en'], dataDir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(file);
    // The existing file is untouched, and it holds the starting content.
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const gdp = JSON.parse(runCli(['observations', '--indicator', 'gdp', '--region', 'CQ', '--workspace', file, '--json'], dataDir).stdout);
    expect(gdp).toHaveLength(7);
  });

  it('--region, --indicator and --unit set what a file leaves out; --dry-run previews and writes nothing', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'no-region.csv');
    fs.writeFileSync(file, '指标,2020年,2021年\n测试指标甲,1.5,2.5\n');
    const count = () => readWorkspace(dataDir, (db) => db.prepare('SELECT count(*) FROM observations').pluck().get());
    const unplaced = runCli(['import', file, '--dry-run'], dataDir);
    expect(unplaced.status).toBe(1);
    expect(unplaced.stderr).toContain('没有地区');
    const held = count();
    const dry = runCli(['import', file, '--dry-run', '--region', '重庆', '--unit', '亿元', '--json'], dataDir);
    expect(dry.status).toBe(0);
    const preview = JSON.parse(dry.stdout);
    expect(preview).toMatchObject({ observations: 2, errorCount: 0, newIndicators: ['测试指标甲'] });
    expect(preview.mapping.fixed).toMatchObject({ region: '重庆', unit: '亿元' });
    expect(count()).toBe(held);
    const text = runCli(['import', file, '--dry-run', '--region', '重庆'], dataDir).stdout;
    expect(text).toContain('试读（未写入）：no-region.csv');
    expect(text).toContain('固定值：地区=重庆');
    expect(runCli(['import', file, '--region', '重庆', '--unit', '亿元'], dataDir).status).toBe(0);
    const rows = readWorkspace(dataDir, (db) => db.prepare("SELECT o.region, o.period, o.value, o.unit FROM observations o JOIN indicators i ON i.code = o.indicator WHERE i.name_zh = '测试指标甲' ORDER BY period").all());
    expect(rows).toEqual([
      { region: 'CQ', period: '2020', value: 1.5, unit: '亿元' },
      { region: 'CQ', period: '2021', value: 2.5, unit: '亿元' },
    ]);
    const single = path.join(dataDir, 'one-indicator.csv');
    fs.writeFileSync(single, '地区,2022年\n重庆,7356\n');
    expect(runCli(['import', single, '--indicator', '软件业务收入', '--unit', '亿元', '--on-conflict', 'keep', '--json'], dataDir).status).toBe(0);
    expect(readWorkspace(dataDir, (db) => db.prepare("SELECT value FROM observations WHERE indicator = 'software_revenue' AND region = 'CQ' AND period = '2022'").pluck().get())).toBe(2705);
  });

  it('reads a legacy .xls yearbook table: --dry-run says what the title gave and the 合计 left out; --keep-totals keeps it', () => {
    const dataDir = tempDir();
    const yearbook = path.join(repoRoot, 'tests', 'fixtures', 'import', 'yearbook-merged.xls');
    const dry = runCli(['import', yearbook, '--dry-run'], dataDir);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('试读（未写入）：yearbook-merged.xls，XLS（Excel 97-2003），工作表“Sheet1”');
    expect(dry.stdout).toContain('固定值：单位=亿元，性质=示意值，地区=重庆市');
    expect(dry.stdout).toContain('固定地区：重庆市（从标题识别，第 1 行：重庆市示例产业主要指标（2019—2023年））');
    expect(dry.stdout).toContain('合计行 1 行等于所合计各行之和，未导入。');
    expect(dry.stdout).not.toContain('illustrative');
    expect(dry.stderr).toContain('yearbook-merged.xls, 工作表“Sheet1”, 第10行, 第1列: “合计”行等于它所合计的各行之和');
    const kept = JSON.parse(runCli(['import', yearbook, '--keep-totals', '--json'], dataDir).stdout);
    expect(kept).toMatchObject({ status: 'committed', rowsWritten: 24, totalRows: 0 });
    expect(readWorkspace(dataDir, (db) => db.prepare("SELECT count(*) FROM observations o JOIN indicators i ON i.code = o.indicator WHERE i.name_zh = '合计'").pluck().get())).toBe(5);
  });

  it('rejects a file it cannot place, with located problems on stderr and nothing written', () => {
    const dataDir = tempDir();
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(bad, 'a,b\nx,y\n');
    const result = runCli(['import', bad, '--lang', 'en'], dataDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^bad\.csv, row \d+: /m);
    const names = (JSON.parse(runCli(['imports', 'list', '--json'], dataDir).stdout) as Array<{ fileName: string }>).map((r) => r.fileName);
    expect(names).not.toContain('bad.csv');
  });

  it('--measure and --released set both on the rows written, a bound comes from the text, and an unknown measure writes nothing', () => {
    const dataDir = tempDir();
    // A workspace without the seed (which holds every row of the sample): its import undone.
    const seed = (JSON.parse(runCli(['imports', 'list', '--json'], dataDir).stdout) as Array<{ id: number }>).at(-1)!;
    expect(runCli(['imports', 'undo', String(seed.id)], dataDir).status).toBe(0);

    const unknown = runCli(['import', longSample, '--measure', 'broad', '--released', '2024-01-01', '--lang', 'en'], dataDir);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no measure with the code "broad"; nothing was imported. Known measures: standard, cq-earlier, caict-broad, nbs-core, industry.');
    const badDate = runCli(['import', longSample, '--released', '2024-02-30'], dataDir);
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toContain('发布日期“2024-02-30”不是有效的日期');
    expect(JSON.parse(runCli(['imports', 'list', '--json'], dataDir).stdout)).toHaveLength(1);
    expect(readWorkspace(dataDir, (db) => db.prepare('SELECT count(*) FROM observations').pluck().get())).toBe(0);

    const done = runCli(['import', longSample, '--measure', 'caict-broad', '--released', '2024-01-01', '--release-label', '测试发布', '--json'], dataDir);
    expect(done.status).toBe(0);
    const summary = JSON.parse(done.stdout);
    expect(summary).toMatchObject({ status: 'committed', rowsWritten: 17 });
    const rows = readWorkspace(dataDir, (db) =>
      db.prepare('SELECT original, bound, measure, released, release_label AS label FROM observations WHERE import_id = ? ORDER BY id').all(summary.importId),
    ) as Array<{ original: string; bound: string; measure: string; released: string; label: string }>;
    expect(rows).toHaveLength(17);
    expect(rows.every((r) => r.measure === 'caict-broad' && r.released === '2024-01-01' && r.label === '测试发布')).toBe(true);
    expect(rows.find((r) => r.original === '超6000亿元')?.bound).toBe('lower');
    expect(rows.find((r) => r.original === '约3500亿元')?.bound).toBe('approx');
    expect(rows.filter((r) => r.bound === 'exact')).toHaveLength(13);
  });

  it('--on-conflict revise keeps 重庆 2018 GDP as an earlier release, leaves an identical figure alone, and undo restores the row with its history', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'revision.csv');
    fs.writeFileSync(file, '指标,地区,年份,数值,单位\n地区生产总值,重庆,2018,21600.5,亿元\n地区生产总值,重庆,2019,23605.77,亿元\n');
    const gdp = (db: Database.Database, period: string) =>
      db.prepare("SELECT id, value, released, release_label AS label, import_id AS importId FROM observations WHERE indicator = 'gdp' AND region = 'CQ' AND period = ? AND status = 'actual'").get(period) as {
        id: number;
        value: number;
        released: string;
        label: string;
        importId: number;
      };
    const releases = (db: Database.Database, id: number) => db.prepare('SELECT import_id AS importId, value, released FROM observation_releases WHERE observation_id = ? ORDER BY id').all(id);
    // The workspace is made (and seeded) by the first command.
    expect(runCli(['imports', 'list'], dataDir).status).toBe(0);
    const seeded = readWorkspace(dataDir, (db) => ({ y2018: gdp(db, '2018'), y2019: gdp(db, '2019'), history: releases(db, gdp(db, '2018').id) }));
    expect(seeded.y2018).toMatchObject({ value: 21588.8, released: '2020-01-01', label: '第四次经济普查修订' });
    expect(seeded.history).toEqual([{ importId: null, value: 20363.19, released: '2019-03-01' }]);

    const refused = runCli(['import', file, '--on-conflict', 'revise', '--lang', 'en'], dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Importing as a revision needs the release date');

    const done = runCli(['import', file, '--on-conflict', 'revise', '--released', '2021-12-30', '--release-label', '再修订', '--lang', 'en'], dataDir);
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/^Imported #(\d+): 1 rows written, 1 revised \(the values held kept as earlier releases\), 1 unchanged, 0 skipped\.$/m);
    const importId = Number(/#(\d+)/.exec(done.stdout)![1]);
    const after = readWorkspace(dataDir, (db) => ({ y2018: gdp(db, '2018'), y2019: gdp(db, '2019'), history: releases(db, seeded.y2018.id) }));
    expect(after.y2018).toEqual({ id: seeded.y2018.id, value: 21600.5, released: '2021-12-30', label: '再修订', importId });
    expect(after.y2019).toEqual(seeded.y2019);
    expect(after.history).toEqual([...seeded.history, { importId, value: 21588.8, released: '2020-01-01' }]);

    const undone = runCli(['imports', 'undo', String(importId), '--json'], dataDir);
    expect(JSON.parse(undone.stdout)).toEqual({ importId, rowsDeleted: 1, rowsRestored: 1, removedIndicators: [], removedRegions: [] });
    const restored = readWorkspace(dataDir, (db) => ({ y2018: gdp(db, '2018'), y2019: gdp(db, '2019'), history: releases(db, seeded.y2018.id) }));
    expect(restored).toEqual(seeded);
  });
});
