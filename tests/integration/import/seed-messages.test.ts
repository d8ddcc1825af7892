import { describe, expect, it } from 'vitest';
import { importPanelMessagesEn, importPanelMessagesZh, importProblemMessagesEn, importProblemMessagesZh } from '../../../shared/i18n/import-messages';
import { undoImport } from '../../../electron/backend/import/history';
import { FAILURE_CODES, PROBLEM_SEVERITY } from '../../../electron/backend/import/problems';
import { seedSampleData } from '../../../electron/backend/import/seed-sample';
import seed from '../../../data/sample/observations.json';
import { createTestWorkspace } from './test-workspace';

describe('seed of published figures', () => {
  it('loads in one transaction, once, as an undoable import', () => {
    const ws = createTestWorkspace();
    try {
      const first = seedSampleData(ws.db);
      expect(first).toMatchObject({ created: true, observations: seed.observations.length });
      expect(seedSampleData(ws.db)).toEqual({ importId: first.importId, created: false, observations: 0 });
      expect(ws.db.prepare('SELECT code FROM regions ORDER BY code').pluck().all()).toEqual(['CD', 'CN', 'CQ', 'SC']);
      expect(ws.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(seed.observations.length);
      const cq = ws.db.prepare("SELECT period, value, note FROM observations WHERE indicator = 'de_va_share_gdp' AND region = 'CQ' AND status = 'actual' ORDER BY period").all() as Array<{ period: string; value: number; note: string }>;
      expect(cq.map((r) => [r.period, r.value])).toEqual([['2020', 25], ['2021', 27.2], ['2022', 45.4]]);
      expect(cq[1]!.note).toContain('不可比');
      expect(cq[2]!.note).toContain('口径断点');
      expect(ws.db.prepare("SELECT value FROM observations WHERE indicator = 'de_scale' AND region = 'CN' AND period = '2023'").pluck().get()).toBe(539000);
      expect(ws.db.prepare("SELECT DISTINCT status FROM observations ORDER BY 1").pluck().all()).toEqual(['actual', 'derived']);
      expect(ws.db.prepare("SELECT count(*) FROM observations WHERE source NOT LIKE '%可信度%'").pluck().get()).toBe(0);
      undoImport(ws.db, first.importId);
      expect(ws.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(0);
      expect(seedSampleData(ws.db).created).toBe(true);
    } finally {
      ws.close();
    }
  });

  it('derived rows are computed from published rows, and say so', () => {
    const rows = seed.observations;
    for (const d of rows.filter((r) => r.status === 'derived')) {
      const share = rows.find((r) => r.indicator === 'de_va_share_gdp' && r.region === d.region && r.period === d.period)!;
      const gdp = rows.find((r) => r.indicator === 'gdp' && r.region === d.region && r.period === d.period)!;
      expect(d.value).toBeCloseTo((share.value! * gdp.value!) / 100, 2);
      expect(d.note).toContain('推算值');
    }
  });
});

describe('problem messages', () => {
  const codes = [...Object.keys(PROBLEM_SEVERITY), ...FAILURE_CODES];
  it('every code has a zh and an en text, and nothing else is there', () => {
    expect(Object.keys(importProblemMessagesZh).sort()).toEqual([...codes].sort());
    expect(Object.keys(importProblemMessagesEn).sort()).toEqual([...codes].sort());
    expect(Object.keys(importPanelMessagesEn).sort()).toEqual(Object.keys(importPanelMessagesZh).sort());
  });

  it('placeholders match between the languages', () => {
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const c of codes) expect(names(importProblemMessagesEn[c]!)).toEqual(names(importProblemMessagesZh[c]!));
    for (const k of Object.keys(importPanelMessagesZh)) expect(names(importPanelMessagesEn[k]!)).toEqual(names(importPanelMessagesZh[k]!));
  });
});
