// A target's verdict from a lower-bound base, where the CLI states it: the 2020 baseline starts from
// “超6000亿元”, so its 2025 projection ≥1.26万亿元 is a lower bound; against a 1.5万亿元 target it is
// open — not 未实现, which the point value alone said — in the text, the summary and --json (`met`
// kept, `verdict` added), and the Monte Carlo probability is a lower bound too.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const dataDir = tempDir();

beforeAll(() => {
  const exported = runCli(['scenario', 'export', '1'], dataDir);
  expect(exported.status).toBe(0);
  const definition = JSON.parse(exported.stdout) as { name: string; nameEn?: string; targets: unknown[] };
  definition.name = '基准（含2025年目标）';
  definition.nameEn = 'Baseline with a 2025 target';
  definition.targets.push({ kind: 'total', id: 'de-2025', label: '2025年数字经济1.5万亿元', labelEn: 'Digital economy 1.5 trillion yuan by 2025', year: 2025, value: 15000 });
  const file = path.join(dataDir, 'scenario.json');
  fs.writeFileSync(file, JSON.stringify(definition));
  expect(runCli(['scenario', 'create', '--from', file], dataDir).status).toBe(0);
});

describe('scenario run on a target a lower-bound projection falls short of', () => {
  it('says the verdict is open in the target list and the summary, in both languages', () => {
    const zh = runCli(['scenario', 'run', '7'], dataDir);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('- 2025年数字经济1.5万亿元 (2025): 无法判定（预测为下限，低于目标），2027年首次达到; 需年均增长≤20.11%');
    expect(zh.stdout).toContain('2025年数字经济规模为≥1.26万亿元，距“2025年数字经济1.5万亿元”目标（1.50万亿元）差≤0.24万亿元');
    expect(zh.stdout).toContain('但预测为下限，实际可能更高，无法判定是否实现。');
    expect(zh.stdout).not.toContain('未实现');
    expect(zh.stdout).not.toContain('仍未达到');
    const en = runCli(['scenario', 'run', '7', '--lang', 'en'], dataDir).stdout;
    expect(en).toContain('(2025): open: the projection is a lower bound below the target, first met 2027');
    expect(en).not.toContain('not met');
  });

  it('writes the summary in the digits of the table beside it, as the Scenarios page does', () => {
    const text = runCli(['scenario', 'run', '1'], dataDir).stdout;
    expect(text).toContain('2027年数字经济规模为≥1.70万亿元');
    expect(text).toMatch(/2027\s+≥1\.70万亿元/);
  });

  it('keeps `met` in --json and adds the verdict', () => {
    const out = runCli(['scenario', 'run', '7', '--json'], dataDir);
    const { projection } = JSON.parse(out.stdout) as { projection: { targets: Array<{ id: string; met: boolean; verdict: string }> } };
    expect(projection.targets.find((t) => t.id === 'de-2025')).toMatchObject({ met: false, verdict: 'unknown' });
  });

  it('writes a Monte Carlo probability from a lower-bound base as a lower bound', () => {
    const text = runCli(['scenario', 'run', '7', '--mc', '500', '--lang', 'en'], dataDir).stdout;
    expect(text).toContain('each probability of meeting a target is a lower bound (≥)');
    expect(text).toMatch(/Digital economy 1\.5 trillion yuan by 2025 \(2025\): probability ≥\d/);
    expect(text).toMatch(/not met by 2027: ≤\d/);
    expect(text).toMatch(/Probability of meeting it in simulation: ≥\d+% \(from a lower bound\)/);
  });
});
