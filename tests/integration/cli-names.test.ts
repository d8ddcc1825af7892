// The CLI's tables are for people: a header in the CLI's language and names where the data has codes
// (地区生产总值, not gdp; 统计部门常规口径, not standard), seeded labels and units in English with --lang en.
// `--json` keeps the codes for programs.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const dataDir = tempDir();
const lines = (args: string[]) => {
  const result = runCli(args, dataDir);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trimEnd().split('\n');
};

describe('workbench observations', () => {
  it('heads its table and names indicator, region, bound, measure, status and release, in Chinese', () => {
    const [head, ...rows] = lines(['--lang', 'zh', 'observations', '--indicator', 'gdp', '--region', 'SC']);
    expect(head).toBe('指标\t地区\t时期\t数值\t单位\t界限\t口径\t性质\t发布日期\t发布说明');
    expect(rows[0]).toBe('地区生产总值\t四川省\t2018\t40678.13\t亿元\t确数\t统计部门常规口径\t实际值\t日期不详（按2019-03-01起计）\t初步核算数（第四次经济普查修订前）');
    expect(rows.find((r) => r.includes('\t2022\t'))).toBe('地区生产总值\t四川省\t2022\t56610.2\t亿元\t确数\t统计部门常规口径\t实际值\t2024-01-19\t最终核实数');
  });

  it('says the same in English: names, units, bounds and release labels', () => {
    const [head, ...rows] = lines(['--lang', 'en', 'observations', '--region', 'CQ']);
    expect(head).toBe('Indicator\tRegion\tPeriod\tValue\tUnit\tBound\tMeasure\tStatus\tReleased\tRelease');
    expect(rows).toContain('Gross domestic product\tChongqing\t2018\t21588.8\t100 million yuan\texact\tofficial statistics measure\tactual\t2020-01-01\t4th census revision');
    expect(rows).toContain('Digital economy, scale (CAICT broad measure)\tChongqing\t2022\t≥10000\t100 million yuan\tlower bound (≥)\tCAICT broad measure\tactual\tdate not given (counted from 2023-03-01)\t—');
    expect(rows).toContain('Digital economy core-industry enterprises above designated size\tChongqing\t2021\t1704\tfirms\texact\tNBS core-industries measure\tactual\t2022-08-23\tpress report');
    // No code of the workspace (de_scale, CQ, caict-broad) in a line meant for people.
    for (const row of rows) expect(row).not.toMatch(/^[a-z_]+\t|\t(CQ|standard|cq-earlier|caict-broad|nbs-core)\t/);
  });

  it('keeps codes in --json records', () => {
    const [record] = JSON.parse(runCli(['--lang', 'en', 'observations', '--indicator', 'de_scale', '--region', 'CQ', '--json'], dataDir).stdout) as Array<Record<string, unknown>>;
    expect(record).toMatchObject({
      indicator: 'de_scale',
      indicatorName: '数字经济规模',
      indicatorNameEn: 'Digital economy, scale (CAICT broad measure)',
      region: 'CQ',
      regionName: '重庆',
      regionNameEn: 'Chongqing',
      measure: 'caict-broad',
      bound: 'lower',
      unit: '亿元',
    });
    // An undated release stays undated, with the day it is counted as known from.
    const undated = JSON.parse(runCli(['observations', '--indicator', 'de_scale', '--region', 'CQ', '--json'], dataDir).stdout) as Array<Record<string, unknown>>;
    expect(undated.find((r) => r.period === '2022')).toMatchObject({ released: '', knownFrom: '2023-03-01' });
  });
});

describe('other tables', () => {
  it('regions compare names its indicator, not its code, with the unit in the language on each value', () => {
    // No unit in the title to contradict the values, each in the unit it reads best in (2.36万亿元).
    const zh = lines(['--lang', 'zh', 'regions', 'compare', '--indicator', 'gdp', '--year', '2019']);
    expect(zh[0]).toMatch(/^地区生产总值；数据截至/);
    expect(zh.find((l) => l.startsWith('2019  重庆'))).toMatch(/^2019 {2}重庆 +2\.36万亿元 /);
    const en = lines(['--lang', 'en', 'regions', 'compare', '--indicator', 'gdp', '--year', '2018']);
    expect(en[0]).toMatch(/^Gross domestic product; Data as of/);
    expect(en.find((l) => l.startsWith('2018  Chongqing'))).toMatch(/4th census revision 2020-01-01$/);
  });

  it('imports list names the layout and counts as the Data page does', () => {
    expect(lines(['--lang', 'zh', 'imports', 'list']).at(-1)).toMatch(/observations\.json {2}读 61 · 写 61 · 跳过 0 · 替换 0 {2}utf-8 · 随应用提供的样例数据$/);
    expect(lines(['--lang', 'en', 'imports', 'list']).at(-1)).toMatch(/observations\.json {2}read 61 · written 61 · skipped 0 · replaced 0 {2}utf-8 · sample data shipped with the app$/);
  });

  it('targets list gives units in English', () => {
    const en = lines(['--lang', 'en', 'targets', 'list', '--plan', 'A']);
    expect(en).toContain('       ≥ 100 firms, by 2022; latest —');
    expect(lines(['--lang', 'zh', 'targets', 'list', '--plan', 'A'])).toContain('       ≥ 100家，2022年；最新实际 —');
  });
});
