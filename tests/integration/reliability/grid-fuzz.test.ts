// The observations grid's query builder under random sort and filter models: no SQL error reaches the
// user (a bad model is a typed error), and no column name outside the whitelist reaches SQL.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { COLUMNS } from '../../../electron/backend/data/observation-view';
import { tempService } from '../../helpers/temp';

const soak = process.env.npm_lifecycle_event === 'soak';
const { service } = tempService();
afterAll(() => service.close());

const whitelisted = Object.keys(COLUMNS);
const hostile = ['x', 'value; DROP TABLE observations', 'o.id) --', '"value"', 'sqlite_master', 'name_zh', '__proto__', 'constructor'];
const colId = fc.oneof(fc.constantFrom(...whitelisted), fc.constantFrom(...hostile), fc.string({ maxLength: 12 }));
const text = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom("'; DROP TABLE observations;--", '%', '_', '\\', '重庆', '<script>'));
const type = fc.oneof(
  fc.constantFrom('contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank', 'lessThan', 'greaterThan', 'inRange'),
  fc.string({ maxLength: 8 }),
);
const condition = fc.oneof(
  fc.record({ filterType: fc.constant('text'), type, filter: fc.option(text) }),
  fc.record({ filterType: fc.constant('number'), type, filter: fc.option(fc.double({ noNaN: true })), filterTo: fc.option(fc.double({ noNaN: true })) }),
  fc.record({ filterType: fc.constant('set-values'), values: fc.array(fc.oneof(text, fc.integer(), fc.constant(null)), { maxLength: 5 }) }),
  fc.record({ filterType: fc.constant('text'), operator: fc.constantFrom('AND', 'OR'), conditions: fc.array(fc.record({ type, filter: fc.option(text) }), { maxLength: 3 }) }),
);
const request = fc.record({
  startRow: fc.nat({ max: 200 }),
  endRow: fc.nat({ max: 400 }),
  sortModel: fc.array(fc.record({ colId, sort: fc.constantFrom('asc', 'desc') }), { maxLength: 3 }),
  filterModel: fc.dictionary(colId, condition, { maxKeys: 3 }),
});

describe('grid query builder under random models', () => {
  it('answers with rows or a typed error, and SQL only ever names whitelisted columns', async () => {
    const seen: string[] = [];
    const prepare = service.db.prepare.bind(service.db);
    service.db.prepare = ((sql: string) => {
      seen.push(sql);
      return prepare(sql);
    }) as typeof service.db.prepare;
    try {
      // The SQL the builder writes for legitimate views: a hostile id that is part of it anyway (a
      // table's column name such as name_zh) proves nothing by appearing.
      for (const c of whitelisted) await dispatch(service, 'observations.query', { startRow: 0, endRow: 10, sortModel: [{ colId: c, sort: 'desc' }] });
      const legitimate = seen.join('\n');
      await fc.assert(
        fc.asyncProperty(request, async (req) => {
          seen.length = 0;
          const outcome = await dispatch(service, 'observations.query', req);
          if (!outcome.ok) expect(outcome.error.code, outcome.error.message).not.toBe('error.internal');
          const named = [...req.sortModel.map((s) => s.colId), ...Object.keys(req.filterModel)].filter((c) => !whitelisted.includes(c) && c.length > 2 && !legitimate.includes(c));
          for (const sql of seen) for (const c of named) expect(sql.includes(c), `${c} reached SQL: ${sql}`).toBe(false);
        }),
        {
          numRuns: soak ? 5000 : 300,
          // A hostile id that is also a real column name of a joined table, first thing in a fresh process.
          examples: [[{ startRow: 0, endRow: 10, sortModel: [], filterModel: { name_zh: { filterType: 'set-values', values: [1] } } }]],
        },
      );
    } finally {
      service.db.prepare = prepare;
    }
  });
});
