import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

describe('workbench targets', () => {
  it('lists each target with its status and rule, in text and JSON', () => {
    const dataDir = tempDir();
    const text = runCli(['--lang', 'zh', 'targets', 'list', '--plan', 'A', '--as-of', '2026'], dataDir);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('A1     已实现');
    expect(text.stdout).toContain('2022年实际值 10000 已达到目标');
    const json = runCli(['targets', 'list', '--json'], dataDir);
    const parsed = JSON.parse(json.stdout) as { rows: Array<{ target: { code: string }; status: string }> };
    expect(parsed.rows.find((r) => r.target.code === 'A2')?.status).toBe('met');
    expect(parsed.rows).toHaveLength(17);
  });

  it('exports the register, refuses to overwrite it, and imports it into another workspace', () => {
    const a = tempDir();
    const file = path.join(a, 'register.xlsx');
    expect(runCli(['targets', 'export', file], a).status).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const again = runCli(['--lang', 'en', 'targets', 'export', file], a);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    const imported = runCli(['targets', 'import', file, '--json'], tempDir());
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ targets: 17, actuals: 3, tasks: 0 });
  });

  it('refuses a file that is not a register with exit 1 and nothing written', () => {
    const dataDir = tempDir();
    const bad = path.join(dataDir, 'bad.xlsx');
    fs.writeFileSync(bad, 'not a workbook');
    const result = runCli(['--lang', 'zh', 'targets', 'import', bad], dataDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('无法读取登记表 bad.xlsx');
  });
});
