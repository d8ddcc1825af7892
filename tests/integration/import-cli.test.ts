import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const portal = path.join(repoRoot, 'data', 'sample', 'gdp-portal-gbk.csv');

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
    expect(runCli(['observations', '--import', String(summary.importId)], dataDir).stdout.trim().split('\n')).toHaveLength(6000);
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
});
