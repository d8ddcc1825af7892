import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { tempService } from '../helpers/temp';

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
