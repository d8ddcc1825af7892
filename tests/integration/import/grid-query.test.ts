import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editObservation } from '../../../electron/backend/data/observation-edits';
import type { FilterModel, SortModel } from '../../../electron/backend/data/observation-view';
import { ROW_SELECT, countObservations, distinctValues, queryObservations, type GridRow } from '../../../electron/backend/data/observations-query';
import { DataError } from '../../../electron/backend/import/problems';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

// A 100k-row workspace: 40 indicators × 25 regions × 100 years, some values missing, mixed statuses,
// three imports and rows entered by hand (import_id NULL).
let ws: TestWorkspace;
let all: GridRow[];

const STATUSES = ['actual', 'estimate', 'target', 'illustrative', 'derived'];

beforeAll(() => {
  ws = createTestWorkspace();
  const db = ws.db;
  db.transaction(() => {
    for (let i = 1; i <= 3; i++) db.prepare("INSERT INTO imports (id, file_name, sha256, size_bytes, imported_at) VALUES (?, ?, 'x', 0, 'now')").run(i, `file${i}.csv`);
    for (let i = 0; i < 40; i++) db.prepare("INSERT INTO indicators (code, name_zh, name_en) VALUES (?, ?, ?)").run(`ind${String(i).padStart(3, '0')}`, i % 2 ? `GDP指标${i}` : `数字经济${i}`, `Indicator ${i}`);
    for (let r = 0; r < 25; r++) db.prepare('INSERT INTO regions (code, name_zh, name_en) VALUES (?, ?, ?)').run(`R${String(r).padStart(2, '0')}`, `地区${r}`, `Region ${r}`);
    const ins = db.prepare('INSERT INTO observations (indicator, region, period, year, value, unit, original, status, import_id, source, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 40; i++)
      for (let r = 0; r < 25; r++)
        for (let y = 0; y < 100; y++) {
          const v = rnd() < 0.05 ? null : Math.round(rnd() * 1e6) / 100 - 1000;
          const status = STATUSES[Math.floor(rnd() * 10) % 5 === 0 ? Math.floor(rnd() * 5) : 0]!;
          const imp = rnd() < 0.1 ? null : 1 + Math.floor(rnd() * 3);
          ins.run(`ind${String(i).padStart(3, '0')}`, `R${String(r).padStart(2, '0')}`, String(2000 + y), 2000 + y, v, i % 3 ? '亿元' : '%', v === null ? '—' : String(v), status, imp, `src${(i + r) % 7}`, y % 10 ? '' : 'Note 十年');
        }
  })();
  all = ws.db.prepare(`${ROW_SELECT} FROM observations o LEFT JOIN indicators i ON i.code = o.indicator LEFT JOIN regions r ON r.code = o.region`).all() as GridRow[];
});
afterAll(() => ws.close());

type Col = keyof GridRow;

function cmp(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return -1; // SQLite: NULL sorts first ascending
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

type Cond = { type: string; filter?: string | number | null; filterTo?: number | null };
function matchText(v: string, c: Cond): boolean {
  const f = lower(String(c.filter ?? ''));
  const x = lower(v);
  switch (c.type) {
    case 'contains': return x.includes(f);
    case 'notContains': return !x.includes(f);
    case 'startsWith': return x.startsWith(f);
    case 'endsWith': return x.endsWith(f);
    case 'equals': return x === f;
    case 'notEqual': return x !== f;
    case 'blank': return v === '';
    case 'notBlank': return v !== '';
  }
  throw new Error(c.type);
}
function matchNumber(v: number | null, c: Cond): boolean {
  if (c.type === 'blank') return v === null;
  if (c.type === 'notBlank') return v !== null;
  if (v === null) return false;
  const f = c.filter as number;
  switch (c.type) {
    case 'equals': return v === f;
    case 'notEqual': return v !== f;
    case 'lessThan': return v < f;
    case 'lessThanOrEqual': return v <= f;
    case 'greaterThan': return v > f;
    case 'greaterThanOrEqual': return v >= f;
    case 'inRange': return v > Math.min(f, c.filterTo!) && v < Math.max(f, c.filterTo!);
  }
  throw new Error(c.type);
}

function reference(sortModel: SortModel, filterModel: FilterModel): GridRow[] {
  const rows = all.filter((row) =>
    Object.entries(filterModel).every(([col, m]) => {
      const v = row[col as Col];
      if (m.filterType === 'set-values') return m.values.includes(v as string | number | null);
      const conds: Cond[] = 'conditions' in m ? (m.conditions as Cond[]) : [m as Cond];
      const op = 'operator' in m ? m.operator : 'AND';
      const test = (c: Cond) => (m.filterType === 'text' ? matchText(String(v), c) : matchNumber(v as number | null, c));
      return op === 'OR' ? conds.some(test) : conds.every(test);
    }),
  );
  return rows.sort((a, b) => {
    for (const s of sortModel) {
      const d = cmp(a[s.colId as Col], b[s.colId as Col]);
      if (d) return s.sort === 'desc' ? -d : d;
    }
    return a.id - b.id;
  });
}

function check(sortModel: SortModel, filterModel: FilterModel, starts: number[]): void {
  const ref = reference(sortModel, filterModel);
  for (const start of starts) {
    const page = queryObservations(ws.db, { startRow: start, endRow: start + 100, sortModel, filterModel });
    expect(page.lastRow).toBe(ref.length);
    expect(page.rows.map((r) => r.id)).toEqual(ref.slice(start, start + 100).map((r) => r.id));
  }
  expect(countObservations(ws.db, filterModel)).toBe(ref.length);
}

describe('grid datasource on 100k rows, against a JavaScript reference', () => {
  it('holds the whole table', () => {
    expect(all).toHaveLength(100_000);
    expect(all[0]).toMatchObject({ id: 1, indicator: 'ind000', indicatorName: '数字经济0', region: 'R00', regionName: '地区0', period: '2000', unit: '%' });
  });

  it('sorted pages deep in the table (value desc, NULLs last)', () => check([{ colId: 'value', sort: 'desc' }], {}, [0, 50_000, 99_900, 99_950, 100_000]));

  it('multi-column sort with a value-list filter', () =>
    check([{ colId: 'region', sort: 'asc' }, { colId: 'indicator', sort: 'desc' }], { status: { filterType: 'set-values', values: ['actual', 'target'] } }, [0, 30_000, 79_000]));

  it('number range filter, sorted by period', () =>
    check([{ colId: 'period', sort: 'desc' }], { value: { filterType: 'number', type: 'inRange', filter: 0, filterTo: 5000 } }, [0, 20_000, 40_000]));

  it('text filter on a catalogue name, sorted by import (NULLs first)', () =>
    check([{ colId: 'importId', sort: 'asc' }], { indicatorName: { filterType: 'text', type: 'contains', filter: 'gdp' } }, [0, 5_000, 49_900]));

  it('OR of conditions, blank values, English and snake-case column ids', () => {
    check([{ colId: 'year', sort: 'asc' }], { year: { filterType: 'number', operator: 'OR', conditions: [{ type: 'lessThan', filter: 2003 }, { type: 'greaterThanOrEqual', filter: 2098 }] } }, [0, 19_900]);
    check([{ colId: 'id', sort: 'desc' }], { value: { filterType: 'number', type: 'blank' } }, [0, 4_900]);
    const snake = queryObservations(ws.db, { startRow: 0, endRow: 10, filterModel: { import_id: { filterType: 'set-values', values: [null] } } });
    expect(snake.rows.every((r) => r.importId === null)).toBe(true);
  });

  it('random sorts and filters agree with the reference', () => {
    const sortCol = fc.constantFrom('id', 'indicator', 'indicatorName', 'region', 'regionName', 'period', 'year', 'value', 'unit', 'status', 'importId', 'source', 'note', 'original');
    const sort = fc.array(fc.record({ colId: sortCol, sort: fc.constantFrom('asc' as const, 'desc' as const) }), { maxLength: 2 });
    const textCond = fc.record({ type: fc.constantFrom('contains', 'notContains', 'startsWith', 'endsWith', 'equals', 'notEqual'), filter: fc.constantFrom('1', 'ind00', 'SRC1', 'r0', '亿', 'note 十年', '') });
    const numCond = fc.record({
      type: fc.constantFrom('equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank'),
      filter: fc.integer({ min: -1000, max: 9000 }),
      filterTo: fc.integer({ min: -1000, max: 9000 }),
    });
    const filter = fc.record(
      {
        indicator: fc.record({ filterType: fc.constant('text' as const), operator: fc.constantFrom('AND' as const, 'OR' as const), conditions: fc.array(textCond, { minLength: 1, maxLength: 2 }) }),
        source: textCond.map((c) => ({ filterType: 'text' as const, ...c })),
        value: numCond.map((c) => ({ filterType: 'number' as const, ...c })),
        region: fc.subarray(['R00', 'R01', 'R07', 'R24', 'R99']).map((values) => ({ filterType: 'set-values' as const, values })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(sort, filter, fc.double({ min: 0, max: 1, noNaN: true }), (s, f, at) => {
        const total = reference(s, f as FilterModel).length;
        check(s, f as FilterModel, [0, Math.floor(at * total)]);
      }),
      { numRuns: 25 },
    );
  });

  it('a page reflects edits made since the view was first read', () => {
    const view = { sortModel: [{ colId: 'value', sort: 'desc' as const }] };
    const top = queryObservations(ws.db, { startRow: 0, endRow: 1, ...view }).rows[0]!;
    const bottomId = queryObservations(ws.db, { startRow: 90_000, endRow: 90_001, ...view }).rows[0]!.id;
    editObservation(ws.db, { id: bottomId, field: 'value', value: top.value! + 1 });
    expect(queryObservations(ws.db, { startRow: 0, endRow: 1, ...view }).rows[0]!.id).toBe(bottomId);
  });

  it('value lists for the set filters, narrowed by the other filters', () => {
    expect(distinctValues(ws.db, 'status').map((v) => v.value)).toEqual(['actual', 'derived', 'estimate', 'illustrative', 'target']);
    expect(distinctValues(ws.db, 'importId').map((v) => v.value)).toEqual([null, 1, 2, 3]);
    expect(distinctValues(ws.db, 'indicator')).toHaveLength(40);
    expect(distinctValues(ws.db, 'region', { region: { filterType: 'set-values', values: ['R01'] } })).toHaveLength(25);
    const narrowed = distinctValues(ws.db, 'region', { indicatorName: { filterType: 'text', type: 'equals', filter: 'gdp指标1' } });
    expect(narrowed[0]).toEqual({ value: 'R00', label: '地区0' });
    expect(distinctValues(ws.db, 'unit').map((v) => v.value)).toEqual(['%', '亿元']);
  });

  it('only whitelisted columns and well-formed filters reach SQL', () => {
    expect(() => queryObservations(ws.db, { startRow: 0, endRow: 10, sortModel: [{ colId: 'value; DROP TABLE observations', sort: 'asc' }] })).toThrow(DataError);
    expect(() => queryObservations(ws.db, { startRow: 0, endRow: 10, filterModel: { 'o.id) OR (1': { filterType: 'set-values', values: [] } } })).toThrow(DataError);
    expect(() => queryObservations(ws.db, { startRow: 0, endRow: 10, filterModel: { value: { filterType: 'text', type: 'contains', filter: '1' } } })).toThrow(/query.filter/);
    expect(() => distinctValues(ws.db, 'note')).toThrow(/query.column/);
    const quote = queryObservations(ws.db, { startRow: 0, endRow: 10, filterModel: { source: { filterType: 'text', type: 'contains', filter: "%' OR 1=1 --" } } });
    expect(quote).toEqual({ rows: [], lastRow: 0 });
    const like = queryObservations(ws.db, { startRow: 0, endRow: 10, filterModel: { source: { filterType: 'text', type: 'contains', filter: '_' } } });
    expect(like.lastRow).toBe(0);
  });
});
