import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPreviewSchema, type ImportPreview, type ImportRecord } from '../../shared/api/data-contract';
import type { JobStatus } from '../../shared/api/jobs-contract';
import { importJobProgress } from '../../electron/backend/import/handlers';
import { dispatch } from '../../electron/backend/dispatch';
import { previewImport } from '../../electron/backend/import/preview';
import { stagingArea } from '../../electron/backend/import/staging';
import type { ImportProgress } from '../../electron/backend/import/types';
import type { WorkbenchService } from '../../electron/backend/service';
import { repoRoot } from '../helpers/cli';
import { tempService } from '../helpers/temp';

const portalSample = path.join(repoRoot, 'data', 'sample', 'gdp-portal-gbk.csv');

describe('observations.query over the contract', () => {
  it('pages, sorts and filters the seeded figures in SQLite', async () => {
    const { service } = tempService();
    const all = await dispatch(service, 'observations.query', { startRow: 0, endRow: 100, sortModel: [{ colId: 'value', sort: 'desc' }], filterModel: {} });
    expect(all.ok).toBe(true);
    const page = (all as { result: { rows: Array<{ value: number | null }>; lastRow: number } }).result;
    expect(page.lastRow).toBeGreaterThan(30);
    const values = page.rows.map((r) => r.value).filter((v): v is number => v !== null);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const cq = await dispatch(service, 'observations.query', {
      startRow: 0,
      endRow: 100,
      filterModel: { region: { filterType: 'set-values', values: ['CQ'] }, period: { filterType: 'text', type: 'equals', filter: '2020' } },
    });
    const rows = (cq as { result: { rows: Array<{ region: string; period: string; value: number | null; unit: string }> } }).result.rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.region === 'CQ' && r.period === '2020')).toBe(true);
    expect(rows).toContainEqual(expect.objectContaining({ value: 25002.79, unit: '亿元' }));
    service.close();
  });

  it('refuses a column outside the whitelist with a typed error', async () => {
    const { service } = tempService();
    const bad = await dispatch(service, 'observations.query', { startRow: 0, endRow: 10, sortModel: [{ colId: 'value; DROP TABLE observations', sort: 'asc' }] });
    expect(bad.ok).toBe(false);
    expect((bad as { error: { code: string } }).error.code).not.toBe('error.internal');
    expect(service.db.prepare('SELECT count(*) AS n FROM observations').get()).not.toEqual({ n: 0 });
    service.close();
  });
});

describe('imports over the contract', () => {
  const call = async <T>(service: WorkbenchService, method: string, input: unknown): Promise<T> => {
    const r = await dispatch(service, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.result as T;
  };
  const finished = async (service: WorkbenchService, id: string): Promise<JobStatus> => {
    for (;;) {
      const s = await call<JobStatus>(service, 'jobs.get', { id });
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const count = (service: WorkbenchService, sql: string, ...params: unknown[]) => service.db.prepare(sql).pluck().get(...params) as number;
  /** A preview as the UI gets it: a job started by `imports.preview` whose result, once done, is an ImportPreview. */
  const preview = async (service: WorkbenchService, stagingId: string, options: object): Promise<ImportPreview> => {
    const job = await call<JobStatus>(service, 'imports.preview', { stagingId, options });
    expect(job).toMatchObject({ kind: 'import.preview', state: 'running' });
    const done = await finished(service, job.id);
    expect(done).toMatchObject({ state: 'done', error: null });
    return importPreviewSchema.parse(done.result);
  };
  /** A CSV of `rows` long-layout observations, none of them in the seeded workspace. */
  const bigCsv = (dir: string, name: string, rows: number): string => {
    const file = path.join(dir, name);
    const lines = ['indicator,region,period,value,unit'];
    for (let i = 0; i < rows; i++) lines.push(`指标${i % 200},地区${Math.floor(i / 200) % 50},${1900 + Math.floor(i / 10_000)},${i}.5,亿元`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };

  it('previews a staged GBK portal file, commits it as a job, lists it and undoes it', async () => {
    const { service, dataDir } = tempService();
    const before = count(service, 'SELECT count(*) FROM observations');
    const staged = stagingArea(dataDir).register(portalSample);
    const read = await preview(service, staged.stagingId, {});
    expect(read).toMatchObject({ encoding: { name: 'gb18030' }, layout: { kind: 'portal' }, headerRow: 4, observations: 23, blankCells: 1, conflicts: 23, errorCount: 0 });
    expect(read.rawRows[3]).toEqual({ row: 4, cells: ['地区', '2023年', '2022年', '2021年', '2020年', '2019年', '2018年'] });
    expect(read.sample[0]).toMatchObject({ indicatorName: '地区生产总值', regionName: '重庆', period: '2023', value: 30145.79, conflict: true });

    // Under 'fail' the conflicts reject the import: nothing written.
    const failJob = await call<JobStatus>(service, 'imports.commit', { stagingId: staged.stagingId, options: {}, onConflict: 'fail', skipBadRows: false, allowDuplicate: false });
    const failed = await finished(service, failJob.id);
    expect(failed.state).toBe('done');
    expect(failed.result).toMatchObject({ status: 'rejected', importId: null, problems: [expect.objectContaining({ code: 'conflict.exists', row: 5 })] });
    expect(count(service, 'SELECT count(*) FROM imports')).toBe(1);

    const job = await call<JobStatus>(service, 'imports.commit', { stagingId: staged.stagingId, options: {}, onConflict: 'replace', skipBadRows: false, allowDuplicate: false });
    expect(job).toMatchObject({ kind: 'import', state: 'running' });
    const done = await finished(service, job.id);
    // 成都 2022 is blank in the file: no row written for it (the 23 others replace the seed's).
    expect(done.result).toMatchObject({ status: 'committed', importId: 2, rowsWritten: 23, rowsReplaced: 23, blankCells: 1 });
    expect(count(service, 'SELECT count(*) FROM observations')).toBe(before);
    expect(count(service, 'SELECT count(*) FROM observations WHERE import_id = 2')).toBe(23);
    // A committed staging entry is forgotten: the preview refuses it before any job starts.
    const again = await dispatch(service, 'imports.preview', { stagingId: staged.stagingId, options: {} });
    expect(again).toMatchObject({ ok: false, error: { code: 'import.staging-not-found' } });

    const list = await call<ImportRecord[]>(service, 'imports.list', {});
    expect(list[0]).toMatchObject({ id: 2, fileName: 'gdp-portal-gbk.csv', encoding: 'gb18030', layout: 'portal', rowsWritten: 23, blankCells: 1, undoneAt: null });
    expect(list[0]!.sourceNote).toContain('数据来源：');
    const values = await call<Array<{ value: unknown; label: string }>>(service, 'observations.values', { column: 'importId' });
    expect(values).toContainEqual({ value: 2, label: 'gdp-portal-gbk.csv' });

    const undo = await call<{ rowsDeleted: number; rowsRestored: number }>(service, 'imports.undo', { id: 2 });
    expect(undo).toMatchObject({ rowsDeleted: 23, rowsRestored: 23, removedIndicators: [], removedRegions: [] });
    expect(count(service, 'SELECT count(*) FROM observations WHERE import_id = 2')).toBe(0);
    expect(count(service, 'SELECT count(*) FROM observations')).toBe(before);
    const twice = await dispatch(service, 'imports.undo', { id: 2 });
    expect(twice).toMatchObject({ ok: false, error: { code: 'import.already-undone' } });
    service.close();
  });

  it('applies the user overrides: encoding, and a mapping with a fixed status', async () => {
    const { service, dataDir } = tempService();
    const staged = stagingArea(dataDir).register(portalSample);
    const wrong = await preview(service, staged.stagingId, { encoding: 'utf-8' });
    expect(wrong.encoding).toMatchObject({ name: 'utf-8', override: true });
    expect(wrong.problems.some((p) => p.code === 'encoding.replacement-char')).toBe(true);
    const right = await preview(service, staged.stagingId, { encoding: 'gbk' });
    const mapping = { ...right.mapping, fixed: { ...right.mapping.fixed, status: 'estimate' as const } };
    const corrected = await preview(service, staged.stagingId, { encoding: 'gbk', mapping });
    expect(corrected.conflicts).toBe(0);
    expect(corrected.sample.every((s) => s.status === 'estimate')).toBe(true);
    service.close();
  });

  it('previews a large file as a job with progress, and cancels it leaving nothing behind', async () => {
    const { service, dataDir } = tempService();
    const file = bigCsv(dataDir, 'big-preview.csv', 300_000);
    const before = { rows: count(service, 'SELECT count(*) FROM observations'), imports: count(service, 'SELECT count(*) FROM imports'), indicators: count(service, 'SELECT count(*) FROM indicators') };
    const staged = stagingArea(dataDir).register(file);
    const job = await call<JobStatus>(service, 'imports.preview', { stagingId: staged.stagingId, options: {} });
    let s = job;
    while (s.done === 0) {
      expect(s.state).toBe('running');
      await new Promise((r) => setTimeout(r, 10));
      s = await call<JobStatus>(service, 'jobs.get', { id: job.id });
    }
    // Rows so far of the rows the bytes read predict: under way, not finished.
    expect(s).toMatchObject({ state: 'running', step: 'data.step.preview' });
    expect(s.total).toBeGreaterThan(s.done);
    const cancelled = await call<JobStatus>(service, 'jobs.cancel', { id: job.id });
    expect(cancelled).toMatchObject({ state: 'cancelled', error: null });
    expect(cancelled.result).toBeUndefined();
    // The read ends at its next batch (next test); its end never turns the cancelled job into a result.
    await new Promise((r) => setTimeout(r, 300));
    expect(await call<JobStatus>(service, 'jobs.get', { id: job.id })).toMatchObject({ state: 'cancelled', done: cancelled.done });
    expect(count(service, 'SELECT count(*) FROM observations')).toBe(before.rows);
    expect(count(service, 'SELECT count(*) FROM imports')).toBe(before.imports);
    expect(count(service, 'SELECT count(*) FROM indicators')).toBe(before.indicators);
    service.close();
  });

  it('fails a preview job refused by an import limit, with the error code and params for the UI to translate', async () => {
    const { service, dataDir } = tempService();
    const file = path.join(dataDir, 'wide.csv');
    fs.writeFileSync(file, `${Array.from({ length: 16_385 }, (_, i) => `c${i}`).join(',')}\n`);
    const job = await call<JobStatus>(service, 'imports.preview', { stagingId: stagingArea(dataDir).register(file).stagingId, options: {} });
    const failed = await finished(service, job.id);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'table.too-many-columns', params: { file: 'wide.csv', row: 1, max: 16_384 } } });
    expect(failed.result).toBeUndefined();
    service.close();
  });

  it('stops reading a preview once its signal is aborted', async () => {
    const { service, dataDir } = tempService();
    const file = bigCsv(dataDir, 'abort.csv', 300_000);
    const abort = new AbortController();
    const seen: ImportProgress[] = [];
    const reading = previewImport(service.db, file, {}, {
      signal: abort.signal,
      onProgress: (p) => {
        seen.push(p);
        abort.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ code: 'import.cancelled' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.rows).toBeLessThan(300_000);
    service.close();
  });

  it('cancels a running import and leaves nothing behind', async () => {
    const { service, dataDir } = tempService();
    const file = bigCsv(dataDir, 'big.csv', 300_000);
    const before = { rows: count(service, 'SELECT count(*) FROM observations'), imports: count(service, 'SELECT count(*) FROM imports'), indicators: count(service, 'SELECT count(*) FROM indicators') };
    const staged = stagingArea(dataDir).register(file);
    const job = await call<JobStatus>(service, 'imports.commit', { stagingId: staged.stagingId, options: {}, onConflict: 'fail', skipBadRows: false, allowDuplicate: false });
    for (let s = job; s.done === 0; s = await call<JobStatus>(service, 'jobs.get', { id: job.id })) {
      expect(s.state).toBe('running');
      await new Promise((r) => setTimeout(r, 10));
    }
    const cancelled = await call<JobStatus>(service, 'jobs.cancel', { id: job.id });
    expect(cancelled.state).toBe('cancelled');
    // The rollback runs at the import's next batch: wait for the workspace to be free again.
    await expect.poll(() => dispatch(service, 'observations.edit', { id: 1, field: 'note', value: 'x' }).then((r) => (r.ok ? 'free' : r.error.code)), { timeout: 10_000 }).toBe('free');
    expect(count(service, 'SELECT count(*) FROM observations')).toBe(before.rows);
    expect(count(service, 'SELECT count(*) FROM imports')).toBe(before.imports);
    expect(count(service, 'SELECT count(*) FROM indicators')).toBe(before.indicators);
    expect(service.db.pragma('integrity_check', { simple: true })).toBe('ok');
    service.close();
  });

  it('refuses a second import while one writes, with a translated busy error', async () => {
    const { service, dataDir } = tempService();
    const area = stagingArea(dataDir);
    const file = path.join(dataDir, 'mid.csv');
    const lines = ['indicator,region,period,value'];
    for (let i = 0; i < 100_000; i++) lines.push(`指标${i % 100},地区${Math.floor(i / 100) % 100},${1900 + Math.floor(i / 10_000)},${i}`);
    fs.writeFileSync(file, lines.join('\n'));
    const first = await call<JobStatus>(service, 'imports.commit', { stagingId: area.register(file).stagingId, options: {}, onConflict: 'fail', skipBadRows: false, allowDuplicate: false });
    await new Promise((r) => setTimeout(r, 50));
    const second = await dispatch(service, 'imports.commit', { stagingId: area.register(portalSample).stagingId, options: {}, onConflict: 'replace', skipBadRows: false, allowDuplicate: false });
    expect(second).toMatchObject({ ok: false, error: { code: 'import.running', message: '正在导入数据：导入完成或取消后才能进行此操作。' } });
    // Nothing else may read half-imported rows or write into the import's transaction meanwhile.
    const save = await dispatch(service, 'scenarios.save', { id: 1, definition: {}, note: 'during import' });
    expect(save).toMatchObject({ ok: false, error: { code: 'import.running' } });
    expect((await dispatch(service, 'jobs.get', { id: first.id })).ok).toBe(true);
    expect((await finished(service, first.id)).result).toMatchObject({ status: 'committed', rowsWritten: 100_000 });
    service.close();
  });

  it('maps import progress to a job: rows done of the rows the bytes read predict', () => {
    expect(importJobProgress({ phase: 'writing', rows: 250, percent: 25, rate: 1000 })).toEqual({ done: 250, total: 1000 });
    expect(importJobProgress({ phase: 'writing', rows: 999, percent: 100, rate: 1000 })).toEqual({ done: 999, total: 999 });
    expect(importJobProgress({ phase: 'reading', rows: 0, percent: 0, rate: 0 })).toEqual({ done: 0, total: 1 });
    // Never done before the end: the total stays above the rows so far.
    expect(importJobProgress({ phase: 'writing', rows: 100, percent: 99.99, rate: 1 }).total).toBeGreaterThan(100);
  });
});

describe('browsing over the contract', () => {
  const call = async <T>(service: WorkbenchService, method: string, input: unknown): Promise<T> => {
    const r = await dispatch(service, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.result as T;
  };

  it('offers value lists narrowed by the other filters', async () => {
    const { service } = tempService();
    const regions = await call<Array<{ value: string; label: string }>>(service, 'observations.values', { column: 'region' });
    expect(regions).toContainEqual({ value: 'CQ', label: '重庆' });
    const statuses = await call<Array<{ value: string }>>(service, 'observations.values', { column: 'status', filterModel: { region: { filterType: 'set-values', values: ['SC'] } } });
    expect(statuses.map((s) => s.value)).toEqual(['actual']);
    const bad = await dispatch(service, 'observations.values', { column: 'source' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'error.badRequest' } });
    service.close();
  });

  it('edits a value and a note with an audit trail, refuses a bad value, and undoes', async () => {
    const { service } = tempService();
    const id = service.db.prepare("SELECT id FROM observations WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2020'").pluck().get() as number;
    const note = service.db.prepare('SELECT note FROM observations WHERE id = ?').pluck().get(id);
    const edited = await call<{ edit: { id: number; oldValue: string; newValue: string }; row: { value: number } }>(service, 'observations.edit', { id, field: 'value', value: '2.5万亿' });
    expect(edited.row.value).toBe(25000);
    expect(edited.edit).toMatchObject({ oldValue: '25002.79', newValue: '25000' });
    const bad = await dispatch(service, 'observations.edit', { id, field: 'value', value: '两万' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'edit.value', message: '无法识别的数值“两万”。' } });
    const noted = await call<{ edit: { id: number } }>(service, 'observations.edit', { id, field: 'note', value: '待核实' });
    const notEditable = await dispatch(service, 'observations.edit', { id, field: 'indicator', value: 'x' });
    expect(notEditable).toMatchObject({ ok: false, error: { code: 'error.badRequest' } });
    const edits = await call<Array<{ id: number; field: string }>>(service, 'observations.edits', { observationId: id });
    expect(edits.map((e) => e.field)).toEqual(['note', 'value']);
    await call(service, 'observations.undoEdit', { editId: noted.edit.id });
    const undone = await call<{ row: { value: number } }>(service, 'observations.undoEdit', { editId: edited.edit.id });
    expect(undone.row.value).toBe(25002.79);
    expect(service.db.prepare('SELECT note FROM observations WHERE id = ?').pluck().get(id)).toBe(note);
    service.close();
  });

  it('exports the filtered view as a job: CSV with a BOM, XLSX as a zip', async () => {
    const { service } = tempService();
    const view = { sortModel: [{ colId: 'period', sort: 'asc' }], filterModel: { region: { filterType: 'set-values', values: ['CQ'] }, indicator: { filterType: 'set-values', values: ['gdp'] } } };
    const expected = service.db.prepare("SELECT count(*) FROM observations WHERE region = 'CQ' AND indicator = 'gdp'").pluck().get() as number;
    for (const format of ['csv', 'xlsx'] as const) {
      const job = await call<JobStatus>(service, 'observations.export', { format, ...view });
      for (let s = job; s.state === 'running'; s = await call<JobStatus>(service, 'jobs.get', { id: job.id })) await new Promise((r) => setTimeout(r, 10));
      const file = await call<{ fileName: string; mime: string; base64: string }>(service, 'jobs.file', { id: job.id });
      const bytes = Buffer.from(file.base64, 'base64');
      expect(file.fileName.endsWith(`.${format}`)).toBe(true);
      if (format === 'csv') {
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const lines = bytes.toString('utf8').trim().split('\r\n');
        expect(lines).toHaveLength(expected + 1);
        expect(lines.slice(1).every((l) => l.startsWith('gdp,地区生产总值,CQ,重庆,'))).toBe(true);
        const periods = lines.slice(1).map((l) => l.split(',')[4]);
        expect(periods).toEqual([...periods].sort());
      } else expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    }
    const bad = await dispatch(service, 'observations.export', { format: 'csv', sortModel: [{ colId: 'evil', sort: 'asc' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'query.column' } });
    service.close();
  });

  it('lists the catalogue and the points of a quick look', async () => {
    const { service } = tempService();
    const indicators = await call<Array<{ code: string; nameZh: string; unit: string; observations: number }>>(service, 'catalogue.indicators', {});
    expect(indicators).toContainEqual(expect.objectContaining({ code: 'gdp', nameZh: '地区生产总值', unit: '亿元' }));
    const regions = await call<Array<{ code: string; nameZh: string; observations: number }>>(service, 'catalogue.regions', {});
    expect(regions.find((r) => r.code === 'CQ')?.observations).toBeGreaterThan(5);
    const points = await call<Array<{ indicator: string; region: string; period: string; value: number }>>(service, 'observations.series', { indicators: ['gdp'], regions: ['CQ', 'SC'] });
    expect(new Set(points.map((p) => p.region))).toEqual(new Set(['CQ', 'SC']));
    expect(points).toContainEqual(expect.objectContaining({ region: 'CQ', period: '2020', value: 25002.79 }));
    const many = await dispatch(service, 'observations.series', { indicators: Array.from({ length: 7 }, (_, i) => `i${i}`), regions: Array.from({ length: 7 }, (_, i) => `r${i}`) });
    expect(many).toMatchObject({ ok: false, error: { code: 'data.tooManySeries' } });
    service.close();
  });
});
