// The measure (口径) of imported rows, from the file or the user (issue #13): a 口径 column gives each row
// its own, a "口径：…" note row gives the file's, the `measure` option overrides the note, and rows
// without any take their indicator's. The import history records the measure, release and conflict
// choice; undo still restores everything. Real SQLite files throughout.

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { commitImport } from '../../../electron/backend/import/commit';
import { listImports, undoImport } from '../../../electron/backend/import/history';
import { previewImport } from '../../../electron/backend/import/preview';
import { seedSampleData } from '../../../electron/backend/import/seed-sample';
import { stagingArea } from '../../../electron/backend/import/staging';
import type { CommitOptions, Problem } from '../../../electron/backend/import/types';
import { importPreviewSchema, importRecordSchema } from '../../../shared/api/data-contract';
import type { JobStatus } from '../../../shared/api/jobs-contract';
import { translate } from '../../../shared/i18n';
import { runCli } from '../../helpers/cli';
import { tempDir, tempService } from '../../helpers/temp';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

function file(name: string, lines: string[]): string {
  const path = join(ws.dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Measures of one import's rows by indicator and period (null: the indicator's own). */
function measures(importId: number): Record<string, string | null> {
  const rows = ws.db
    .prepare('SELECT i.name_zh AS indicator, period, o.measure FROM observations o JOIN indicators i ON i.code = o.indicator WHERE import_id = ? ORDER BY o.indicator, period')
    .all(importId) as Array<{ indicator: string; period: string; measure: string | null }>;
  return Object.fromEntries(rows.map((r) => [`${r.indicator} ${r.period}`, r.measure]));
}

const everything = () => ({
  observations: ws.db.prepare('SELECT * FROM observations ORDER BY id').all(),
  releases: ws.db.prepare('SELECT * FROM observation_releases ORDER BY id').all(),
  replaced: ws.db.prepare('SELECT * FROM import_replaced ORDER BY rowid').all(),
});

const commit = (path: string, options: Partial<CommitOptions> = {}, useWorker = false) => commitImport(ws.db, path, { onConflict: 'fail', ...options }, { useWorker });

describe('a 口径 column', () => {
  const lines = [
    '指标,地区,年份,数值,单位,口径',
    '甲指标,重庆,2020,1,亿元,信通院广义口径',
    '甲指标,重庆,2021,2,亿元,CAICT-BROAD',
    '甲指标,重庆,2022,3,亿元, caict broad measure ',
    '乙指标,重庆,2020,4,亿元,cq-earlier',
    '乙指标,重庆,2021,5,亿元,中国信通院广义口径',
    '乙指标,重庆,2022,6,亿元,',
  ];

  it('is detected by its header and gives each row its measure, matched by code, Chinese or English name; a blank cell leaves the indicator\'s own', async () => {
    for (const useWorker of [false, true]) {
      const path = file(`col-${useWorker}.csv`, lines);
      const preview = await previewImport(ws.db, path, {}, { useWorker });
      expect(preview.mapping.columns.find((c) => c.header === '口径')?.role).toBe('measure');
      expect(preview.errorCount).toBe(0);
      expect(preview.measure).toEqual({ code: null, from: null });
      expect(preview.sample.map((s) => [s.measure, s.measureFrom])).toEqual([
        ['caict-broad', 'column'],
        ['caict-broad', 'column'],
        ['caict-broad', 'column'],
        ['cq-earlier', 'column'],
        ['caict-broad', 'column'],
        ['standard', 'indicator'],
      ]);
      expect(importPreviewSchema.safeParse(preview).success).toBe(true);
      const s = await commit(path, { allowDuplicate: true }, useWorker);
      expect(s).toMatchObject({ status: 'committed', rowsWritten: 6 });
      expect(measures(s.importId!)).toEqual({
        '甲指标 2020': 'caict-broad',
        '甲指标 2021': 'caict-broad',
        '甲指标 2022': 'caict-broad',
        '乙指标 2020': 'cq-earlier',
        '乙指标 2021': 'caict-broad',
        '乙指标 2022': null,
      });
      expect(listImports(ws.db)[0]).toMatchObject({ id: s.importId, measure: null, measureColumn: true });
      undoImport(ws.db, s.importId!);
    }
  });

  it('splits a run of one series where its measure changes, in a wide file too, and the column wins over the option', async () => {
    // Twenty years of one series: written as runs of one INSERT, which must not carry one row's measure to the next.
    const long = ['指标,地区,年份,数值,单位,统计口径', ...Array.from({ length: 20 }, (_, i) => `长序列,重庆,${2001 + i},${i + 1},亿元,${i < 9 ? '重庆市此前口径' : i < 15 ? '' : 'nbs-core'}`)];
    const s = await commit(file('run.csv', long), { measure: 'caict-broad' });
    expect(s).toMatchObject({ status: 'committed', rowsWritten: 20 });
    const got = measures(s.importId!);
    for (let i = 0; i < 20; i++) expect(got[`长序列 ${2001 + i}`], String(2001 + i)).toBe(i < 9 ? 'cq-earlier' : i < 15 ? 'caict-broad' : 'nbs-core');

    const wide = file('wide.csv', ['指标,地区,核算口径,2019年,2020年,2021年', '宽表指标,重庆,nbs-core,1,2,3', '宽表指标,四川,,4,5,6']);
    const w = await commit(wide);
    expect(w).toMatchObject({ status: 'committed', rowsWritten: 6 });
    expect(ws.db.prepare('SELECT region, period, measure FROM observations WHERE import_id = ? ORDER BY region, period').all(w.importId).map((r) => Object.values(r as object))).toEqual([
      ['CQ', '2019', 'nbs-core'],
      ['CQ', '2020', 'nbs-core'],
      ['CQ', '2021', 'nbs-core'],
      ['SC', '2019', null],
      ['SC', '2020', null],
      ['SC', '2021', null],
    ]);
  });

  it('a replaced row takes its row\'s measure; undo restores it with its own', async () => {
    seedSampleData(ws.db);
    const before = everything();
    const held = ws.db.prepare("SELECT id, measure FROM observations WHERE indicator = 'de_va_share_gdp' AND region = 'CQ' AND period = '2021'").get() as { id: number; measure: string | null };
    expect(held.measure).toBeNull();
    const path = file('replace.csv', ['指标,地区,年份,数值,口径', '数字经济增加值占GDP比重（重庆）,重庆,2021,27.3%,nbs-core', '数字经济增加值占GDP比重（重庆）,重庆,2020,25.5%,']);
    const s = await commit(path, { onConflict: 'replace', measure: 'cq-earlier' });
    expect(s).toMatchObject({ status: 'committed', rowsReplaced: 2 });
    const rows = ws.db.prepare("SELECT period, measure FROM observations WHERE indicator = 'de_va_share_gdp' AND region = 'CQ' AND period IN ('2020', '2021') ORDER BY period").all();
    expect(rows).toEqual([
      { period: '2020', measure: 'cq-earlier' },
      { period: '2021', measure: 'nbs-core' },
    ]);
    undoImport(ws.db, s.importId!);
    expect(everything().observations).toEqual(before.observations);
  });

  it('a value that names no measure is an error located by file, row and column, listing the known ones in the user\'s language; nothing is written, or the row is skipped', async () => {
    const path = file('bad.csv', ['指标,地区,年份,数值,口径', '甲指标,重庆,2020,1,caict-broad', '甲指标,重庆,2021,2,广义口径', '甲指标,重庆,2022,3,standard']);
    const preview = await previewImport(ws.db, path);
    const problem = preview.problems.find((p) => p.code === 'measure.unrecognised') as Problem;
    expect(problem).toMatchObject({ severity: 'error', file: 'bad.csv', sheet: null, row: 3, column: 5, params: { text: '广义口径' } });
    expect(problem.params.known).toBe('统计部门常规口径 (standard)；重庆市此前口径 (cq-earlier)；信通院广义口径 (caict-broad)；统计局核心产业口径 (nbs-core)；行业主管部门数据 (industry)');
    expect(preview.badObservations).toBe(1);
    expect(translate('zh', problem.code, problem.params)).toMatch(/^不认识的口径“广义口径”。.*信通院广义口径 \(caict-broad\)/);
    expect(translate('en', problem.code, problem.params)).toMatch(/^Unknown measure \(口径\) "广义口径"\. .*the workspace knows: 统计部门常规口径 \(standard\)/);

    const before = everything();
    const rejected = await commit(path);
    expect(rejected).toMatchObject({ status: 'rejected', importId: null });
    expect(rejected.problems).toContainEqual(expect.objectContaining({ code: 'measure.unrecognised', row: 3, column: 5 }));
    expect(everything()).toEqual(before);
    expect(ws.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);

    const skipped = await commit(path, { skipBadRows: true });
    expect(skipped).toMatchObject({ status: 'committed', rowsWritten: 2, rowsSkipped: 1 });
    expect(measures(skipped.importId!)).toEqual({ '甲指标 2020': 'caict-broad', '甲指标 2022': 'standard' });
  });

  it('a column given the measure role by hand in the mapping works the same', async () => {
    const path = file('hand.csv', ['指标,地区,年份,数值,定义', '甲指标,重庆,2020,1,信通院广义口径']);
    const preview = await previewImport(ws.db, path);
    expect(preview.mapping.columns[4]!.role).toBe('ignore');
    const mapping = { ...preview.mapping, columns: preview.mapping.columns.map((c) => (c.column === 5 ? { ...c, role: 'measure' as const } : c)) };
    const again = await previewImport(ws.db, path, { mapping });
    expect(again.sample[0]).toMatchObject({ measure: 'caict-broad', measureFrom: 'column' });
    const s = await commit(path, { mapping });
    expect(measures(s.importId!)).toEqual({ '甲指标 2020': 'caict-broad' });
  });
});

describe('a 口径 note row', () => {
  it('sets the file\'s measure as 单位：亿元 sets its unit, in any of its spellings', async () => {
    const cases: Array<[string, string]> = [
      ['口径：信通院广义口径', 'caict-broad'],
      ['统计口径：cq-earlier', 'cq-earlier'],
      ['Measure: NBS core-industries measure', 'nbs-core'],
      ['核算口径: 统计局核心产业口径', 'nbs-core'],
    ];
    for (const [note, code] of cases) {
      const path = file(`note-${code}.csv`, [note, '单位：亿元', '指标,地区,2021年,2022年', `${note.slice(0, 4)}指标,重庆,1,2`]);
      const preview = await previewImport(ws.db, path);
      expect(preview.notes, note).toContain(note);
      expect(preview.mapping.fixed.unit).toBe('亿元');
      expect(preview.measure, note).toEqual({ code, from: 'note' });
      expect(preview.sample.map((s) => [s.measure, s.measureFrom, s.unit])).toEqual([
        [code, 'note', '亿元'],
        [code, 'note', '亿元'],
      ]);
      const s = await commit(path);
      expect(s.status, note).toBe('committed');
      expect(Object.values(measures(s.importId!))).toEqual([code, code]);
      expect(listImports(ws.db)[0]).toMatchObject({ measure: code, measureColumn: false });
    }
  });

  it('naming no measure is an error at the note row, unless the option overrides it', async () => {
    const path = file('bad-note.csv', ['数据库：年度数据', '口径：宽口径', '指标,地区,年份,数值', '甲指标,重庆,2020,1']);
    const preview = await previewImport(ws.db, path);
    expect(preview.problems).toContainEqual(expect.objectContaining({ code: 'measure.unrecognised', severity: 'error', file: 'bad-note.csv', row: 2, column: 1, params: expect.objectContaining({ text: '宽口径' }) }));
    expect(preview.observations).toBe(0);
    const before = everything();
    expect(await commit(path)).toMatchObject({ status: 'rejected' });
    expect(everything()).toEqual(before);

    const chosen = await previewImport(ws.db, path, { measure: 'caict-broad' });
    expect(chosen.errorCount).toBe(0);
    expect(chosen.problems).toContainEqual(expect.objectContaining({ code: 'measure.note-overridden', severity: 'warning', row: 2, column: 1, params: { note: '宽口径', option: '信通院广义口径 (caict-broad)' } }));
    const s = await commit(path, { measure: 'caict-broad' });
    expect(measures(s.importId!)).toEqual({ '甲指标 2020': 'caict-broad' });
  });
});

describe('precedence: a row\'s cell, then the option, then the note row, then the indicator\'s own', () => {
  const lines = ['口径：重庆市此前口径', '指标,地区,年份,数值,口径', '甲指标,重庆,2020,1,nbs-core', '甲指标,重庆,2021,2,'];

  it('without the option the note row fills the blank cells; with a different option the preview warns and the option fills them', async () => {
    const path = file('prec.csv', lines);
    const plain = await previewImport(ws.db, path);
    expect(plain.measure).toEqual({ code: 'cq-earlier', from: 'note' });
    expect(plain.problems.filter((p) => p.code.startsWith('measure.'))).toEqual([]);
    expect(plain.sample.map((s) => [s.measure, s.measureFrom])).toEqual([
      ['nbs-core', 'column'],
      ['cq-earlier', 'note'],
    ]);

    const opt = await previewImport(ws.db, path, { measure: 'caict-broad' });
    expect(opt.measure).toEqual({ code: 'caict-broad', from: 'option' });
    const warning = opt.problems.find((p) => p.code === 'measure.note-overridden')!;
    expect(warning).toMatchObject({ severity: 'warning', file: 'prec.csv', row: 1, column: 1, params: { note: '重庆市此前口径', option: '信通院广义口径 (caict-broad)' } });
    expect(translate('zh', warning.code, warning.params)).toContain('文件说明行写明口径为“重庆市此前口径”，但导入时选择了“信通院广义口径 (caict-broad)”');
    expect(translate('en', warning.code, warning.params)).toContain('note row gives the measure as "重庆市此前口径", but "信通院广义口径 (caict-broad)" was chosen');
    expect(opt.sample.map((s) => [s.measure, s.measureFrom])).toEqual([
      ['nbs-core', 'column'],
      ['caict-broad', 'option'],
    ]);
    // The same measure as the note: nothing to warn about.
    const same = await previewImport(ws.db, path, { measure: 'cq-earlier' });
    expect(same.problems.filter((p) => p.code.startsWith('measure.'))).toEqual([]);

    const a = await commit(path);
    expect(measures(a.importId!)).toEqual({ '甲指标 2020': 'nbs-core', '甲指标 2021': 'cq-earlier' });
    undoImport(ws.db, a.importId!);
    const b = await commit(path, { measure: 'caict-broad', allowDuplicate: true });
    expect(b.problems).toContainEqual(expect.objectContaining({ code: 'measure.note-overridden' }));
    expect(measures(b.importId!)).toEqual({ '甲指标 2020': 'nbs-core', '甲指标 2021': 'caict-broad' });
    expect(listImports(ws.db)[0]).toMatchObject({ id: b.importId, measure: 'caict-broad', measureName: '信通院广义口径', measureNameEn: 'CAICT broad measure', measureColumn: true });
  });

  it('without the column, option or note, rows have none of their own (their indicator\'s)', async () => {
    const s = await commit(file('none.csv', ['指标,地区,年份,数值', '甲指标,重庆,2020,1']));
    expect(measures(s.importId!)).toEqual({ '甲指标 2020': null });
    const preview = await previewImport(ws.db, file('none2.csv', ['指标,地区,年份,数值', '甲指标,重庆,2021,1']));
    expect(preview.measure).toEqual({ code: null, from: null });
    expect(preview.sample[0]).toMatchObject({ measure: 'standard', measureFrom: 'indicator' });
  });

  it('an indicator the import creates takes the measure the import assigned; one it already knows keeps its own', async () => {
    await commit(file('known.csv', ['指标,地区,年份,数值', '甲指标,重庆,2019,1']));
    await commit(file('new.csv', ['口径：信通院广义口径', '指标,地区,年份,数值', '新指标,重庆,2020,1', '甲指标,重庆,2020,2']));
    const measureOf = (name: string) => ws.db.prepare('SELECT measure FROM indicators WHERE name_zh = ?').pluck().get(name);
    expect(measureOf('新指标')).toBe('caict-broad');
    expect(measureOf('甲指标')).toBe('standard');
  });

  it('an unknown option is refused by the preview as by the commit', async () => {
    await expect(previewImport(ws.db, file('x.csv', ['指标,地区,年份,数值', '甲指标,重庆,2020,1']), { measure: 'broad' })).rejects.toMatchObject({ code: 'import.unknown-measure' });
  });
});

describe('the import history', () => {
  it('records the measure, the release and the conflict choice of each import; old-style imports say nothing; undo restores the revised rows with their measure', async () => {
    seedSampleData(ws.db);
    const before = everything();
    const revised = file('revise.csv', ['口径：统计部门常规口径', '指标,地区,年份,数值,单位', '地区生产总值,重庆,2018,21600.5,亿元', '地区生产总值,重庆,2019,23605.77,亿元', '新指标,重庆,2019,1,亿元']);
    const s = await commit(revised, { onConflict: 'revise', measure: 'caict-broad', released: '2024-01-19', releaseLabel: '最终核实' });
    // 2019's number is the one held, but the import puts it on another measure: a reclassification, so a new release too.
    expect(s).toMatchObject({ status: 'committed', rowsReplaced: 2, rowsUnchanged: 0, rowsWritten: 3 });
    const gdp2018 = ws.db.prepare("SELECT id, value, measure, released, release_label FROM observations WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2018'").get() as { id: number };
    expect(gdp2018).toMatchObject({ value: 21600.5, measure: 'caict-broad', released: '2024-01-19', release_label: '最终核实' });
    const added = ws.db.prepare("SELECT measure, released, release_label FROM observations WHERE indicator = (SELECT code FROM indicators WHERE name_zh = '新指标')").get();
    expect(added).toEqual({ measure: 'caict-broad', released: '2024-01-19', release_label: '最终核实' });

    const plain = await commit(file('plain.csv', ['指标,地区,年份,数值', '另一指标,重庆,2020,1']), { onConflict: 'keep' });
    const list = listImports(ws.db);
    expect(list.map((r) => [r.id, r.measure, r.measureName, r.released, r.releaseLabel, r.onConflict, r.measureColumn])).toEqual([
      [plain.importId, null, '', '', '', 'keep', false],
      [s.importId, 'caict-broad', '信通院广义口径', '2024-01-19', '最终核实', 'revise', false],
      [1, null, '', '', '', '', false],
    ]);
    for (const r of list) expect(importRecordSchema.strict().safeParse(Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'mapping'))).success).toBe(true);

    undoImport(ws.db, plain.importId!);
    undoImport(ws.db, s.importId!);
    const after = everything();
    expect(after.observations).toEqual(before.observations);
    expect(after.releases).toEqual(before.releases);
    // Undone imports stay in the history with what they said.
    expect(listImports(ws.db)[1]).toMatchObject({ id: s.importId, measure: 'caict-broad', released: '2024-01-19', onConflict: 'revise', undoneAt: expect.any(String) });
  });

  it('imports.list over the contract carries them, and imports.preview takes the measure option', async () => {
    const { service, dataDir } = tempService();
    try {
      const call = async <T>(method: string, input: unknown): Promise<T> => {
        const r = await dispatch(service, method, input);
        if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
        return r.result as T;
      };
      const finished = async (id: string): Promise<JobStatus> => {
        for (;;) {
          const st = await call<JobStatus>('jobs.get', { id });
          if (st.state !== 'running') return st;
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const path = join(dataDir, 'api.csv');
      writeFileSync(path, '口径：重庆市此前口径\n指标,地区,年份,数值,单位\n地区生产总值,重庆,2018,21600.5,亿元\n');
      const { stagingId } = stagingArea(dataDir).register(path);
      const preview = await finished((await call<JobStatus>('imports.preview', { stagingId, options: { measure: 'standard' } })).id);
      expect(preview.state).toBe('done');
      const parsed = importPreviewSchema.parse(preview.result);
      expect(parsed.measure).toEqual({ code: 'standard', from: 'option' });
      expect(parsed.problems).toContainEqual(expect.objectContaining({ code: 'measure.note-overridden', row: 1 }));
      expect(parsed.sample[0]).toMatchObject({ measure: 'standard', measureFrom: 'option', conflict: true });
      const done = await finished(
        (await call<JobStatus>('imports.commit', { stagingId, options: { measure: 'standard', released: '2021-12-30', releaseLabel: '再修订' }, onConflict: 'revise', skipBadRows: false, allowDuplicate: false })).id,
      );
      expect(done).toMatchObject({ state: 'done', result: { status: 'committed', rowsReplaced: 1 } });
      const list = await call<Array<Record<string, unknown>>>('imports.list', {});
      expect(list[0]).toMatchObject({ measure: 'standard', measureName: '统计部门常规口径', released: '2021-12-30', releaseLabel: '再修订', onConflict: 'revise', measureColumn: false });
      expect(list[0]).not.toHaveProperty('mapping');
    } finally {
      service.close();
    }
  });
});

describe('a large file with a measure column', () => {
  it('takes the deferred-key path with each row\'s measure, and a conflict found in memory gets its row\'s', async () => {
    seedSampleData(ws.db);
    const lines = ['指标,地区,时期,数值,口径'];
    for (let i = 0; i < 60_000; i++) lines.push(`大表指标${i % 30},地区${Math.floor(i / 30) % 40},${1900 + Math.floor(i / 1200)},${i},${i % 3 === 0 ? 'caict-broad' : i % 3 === 1 ? '' : '统计局核心产业口径'}`);
    lines.push('地区生产总值,重庆,2018,21600.5,nbs-core');
    const s = await commit(file('big.csv', lines), { onConflict: 'replace' }, true);
    expect(s).toMatchObject({ status: 'committed', rowsWritten: 60_001, rowsReplaced: 1 });
    const counts = ws.db.prepare("SELECT coalesce(measure, '-') AS m, count(*) AS n FROM observations WHERE import_id = ? GROUP BY 1 ORDER BY 1").all(s.importId);
    expect(counts).toEqual([
      { m: '-', n: 20_000 },
      { m: 'caict-broad', n: 20_000 },
      { m: 'nbs-core', n: 20_001 },
    ]);
    expect(ws.db.prepare("SELECT measure FROM observations WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2018'").pluck().get()).toBe('nbs-core');
    expect(ws.db.prepare("SELECT measure FROM observations WHERE indicator = (SELECT code FROM indicators WHERE name_zh = '大表指标5') AND region = '地区0' AND period = '1900'").pluck().get()).toBe('nbs-core');
  });
});

describe('workbench import and imports list', () => {
  it('the CLI takes --measure over a 口径 note row (warning on stderr) and lists the measure, release and conflict choice', () => {
    const dataDir = tempDir();
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const path = join(dataDir, 'cli.csv');
    writeFileSync(path, '口径：重庆市此前口径\n指标,地区,年份,数值,单位\n数字经济规模,重庆,2022,10500,亿元\n数字经济规模,重庆,2023,11500,亿元\n');
    const done = runCli(['import', path, '--measure', 'caict-broad', '--on-conflict', 'revise', '--released', '2024-01-19', '--release-label', '最终核实', '--lang', 'en'], dataDir);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('1 revised');
    expect(done.stderr).toContain('cli.csv, row 1, column 1: The file\'s note row gives the measure as "重庆市此前口径", but "信通院广义口径 (caict-broad)" was chosen');
    const zh = runCli(['imports', 'list'], dataDir);
    expect(zh.stdout.split('\n')[0]).toMatch(/^ {3}2 .* cli\.csv {2}读 2 · 写 2 · 跳过 0 · 记为新发布 1 {2}utf-8 · 统计网站导出 {2}信通院广义口径 · 2024-01-19 最终核实 · 记为新发布$/);
    expect(zh.stdout.split('\n')[1]).toMatch(/observations\.json {2}读 61 · 写 61 · 跳过 0 · 替换 0 {2}utf-8 · 随应用提供的样例数据$/);
  }, 120_000);
});
