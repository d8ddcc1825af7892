// A chart saved before sizes under 240×160 px were refused still lists and opens (at the smallest
// size in its own unit), and a new one that small is refused with the field named.
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import type { ChartSummary } from '../../../shared/api/charts-contract';
import type { ChartSpec } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';

const { service } = tempService();
afterAll(() => service.close());

const spec = (size: object) => ({ template: 'indicator-series', title: '小图', bindings: { indicators: ['gdp'], regions: ['CQ'] }, size });

describe('chart sizes under the minimum', () => {
  it('opens a chart saved that small at the minimum, keeping its unit, and lists the others', async () => {
    const now = '2025-01-01T00:00:00Z';
    const id = Number(
      service.db
        .prepare('INSERT INTO charts (name, spec, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run('小图', JSON.stringify(spec({ preset: 'custom', width: 5, height: 3, unit: 'cm', dpi: 300 })), now, now).lastInsertRowid,
    );
    const list = await dispatch(service, 'charts.list', {});
    expect(list.ok).toBe(true);
    expect((list.ok ? (list.result as ChartSummary[]) : []).map((c) => c.id)).toContain(id);
    const got = await dispatch(service, 'charts.get', { id });
    if (!got.ok) throw new Error(got.error.message);
    expect((got.result as { spec: ChartSpec }).spec.size).toEqual({ preset: 'custom', width: 6.35, height: 4.24, unit: 'cm', dpi: 300 });
  });

  it('refuses to save a new chart that small, naming the field', async () => {
    const saved = await dispatch(service, 'charts.save', { spec: spec({ preset: 'custom', width: 200, height: 120, unit: 'px', dpi: 96 }) });
    expect(saved).toMatchObject({ ok: false, error: { code: 'chart.invalidSpec', params: { path: 'size.width' } } });
  });
});
