// Hostile text in the data: markup, SQL and spreadsheet formulas in indicator names, notes, titles and
// file contents are stored verbatim, drawn as text in exports, and defused in CSV so a spreadsheet
// does not run them.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { exportObservations } from '../../../electron/backend/data/observations-export';
import { commitImport } from '../../../electron/backend/import/commit';
import type { WorkbenchService } from '../../../electron/backend/service';
import { tempService } from '../../helpers/temp';

const markup = '<img src=x onerror=alert(1)>';
const script = '<script>alert(1)</script>';
const sql = "'; DROP TABLE observations;--";
const formula = '=HYPERLINK("http://evil.example","点我")';

async function ok<T>(service: WorkbenchService, method: string, input: unknown): Promise<T> {
  const outcome = await dispatch(service, method, input);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.result as T;
}

async function hostileWorkspace() {
  const { service, dataDir } = tempService();
  const file = path.join(dataDir, 'hostile.csv');
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
  fs.writeFileSync(file, `指标,地区,年份,数值,单位,备注\n${quoted(markup)},重庆,2021,1.5,亿元,${quoted(formula)}\n${quoted(sql)},重庆,2022,2.5,亿元,${quoted(script)}\n`);
  const summary = await commitImport(service.db, file, { onConflict: 'fail' });
  expect(summary.status).toBe('committed');
  return service;
}

describe('hostile text', () => {
  it('is stored and returned verbatim, and SQL in it does nothing', async () => {
    const service = await hostileWorkspace();
    const page = await ok<{ rows: Array<{ indicatorName: string; note: string }> }>(service, 'observations.query', {
      startRow: 0,
      endRow: 100,
      filterModel: { note: { filterType: 'text', type: 'contains', filter: 'HYPERLINK' } },
    });
    expect(page.rows.map((r) => [r.indicatorName, r.note])).toEqual([[markup, formula]]);
    const names = service.db.prepare('SELECT name_zh FROM indicators').pluck().all();
    expect(names).toEqual(expect.arrayContaining([markup, sql]));
    expect(service.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBeGreaterThan(2);
    service.close();
  });

  it('is defused in CSV exports and kept as text, never a formula, in XLSX', async () => {
    const service = await hostileWorkspace();
    const csv = Buffer.from(await exportObservations(service.db, { format: 'csv', filterModel: { note: { filterType: 'text', type: 'contains', filter: 'HYPERLINK' } } })).toString('utf8');
    expect(csv).toContain(`'${formula.replaceAll('"', '""')}`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);

    await ok(service, 'targets.save', {
      target: { code: 'X1', plan: 'A', titleZh: formula, comparator: '>=', value: 1, quote: markup, note: sql },
      create: true,
    });
    const file = await ok<{ base64: string }>(service, 'register.export', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('目标')!;
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'X1')!;
    expect(row.getCell(3).value).toBe(formula);
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    service.close();
  });

  it('is drawn as text in an exported SVG, never as markup', async () => {
    const service = await hostileWorkspace();
    const code = service.db.prepare('SELECT code FROM indicators WHERE name_zh = ?').pluck().get(markup) as string;
    const svg = await ok<{ base64: string }>(service, 'export.chart', {
      format: 'svg',
      spec: { template: 'indicator-series', title: script, subtitle: markup, sourceNote: formula, bindings: { indicators: [code], regions: ['CQ'] } },
    });
    const text = Buffer.from(svg.base64, 'base64').toString('utf8');
    expect(text).not.toMatch(/<script|<img/i);
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).toMatch(/&lt;script&gt;|&#60;script&#62;/);
    service.close();
  });
});
