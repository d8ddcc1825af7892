import type { ColDef } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import type { Plan, Target } from '../../../shared/api/targets-contract';
import { formatPlain } from '../../../shared/format/number';
import { useApp } from '../app-context';
import { DataGrid } from '../components/DataGrid';

interface TargetRow extends Target {
  planName: string;
}

export function TargetsPage() {
  const { client, locale, t, describeError } = useApp();
  const [rows, setRows] = useState<TargetRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([client.call('plans.list', {}), client.call('targets.list', {})])
      .then(([plans, targets]) => {
        if (!live) return;
        const names = new Map(plans.map((p: Plan) => [p.code, locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh]));
        setRows(targets.map((target) => ({ ...target, planName: names.get(target.plan) ?? target.plan })));
      })
      .catch((e: unknown) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, [client, locale, describeError]);

  const columns = useMemo<ColDef<TargetRow>[]>(
    () => [
      { field: 'planName', headerName: t('col.plan'), width: 240, tooltipField: 'planName' },
      { field: 'code', headerName: t('col.code'), width: 80 },
      {
        colId: 'title',
        headerName: t('col.target'),
        valueGetter: (p) => (p.data ? (locale === 'zh' ? p.data.titleZh : p.data.titleEn || p.data.titleZh) : ''),
        flex: 1,
        minWidth: 220,
      },
      {
        field: 'value',
        headerName: t('col.value'),
        width: 130,
        type: 'rightAligned',
        filter: 'agNumberColumnFilter',
        valueFormatter: (p) => (p.value === null || p.value === undefined ? '—' : `${p.data?.comparator === '>' ? '>' : ''}${formatPlain(p.value as number, locale, 2, true)}`),
      },
      { field: 'unit', headerName: t('col.unit'), width: 90 },
      { field: 'deadline', headerName: t('col.deadline'), width: 100, filter: 'agNumberColumnFilter' },
      { field: 'quote', headerName: t('col.quote'), flex: 1.4, minWidth: 280, tooltipField: 'quote', wrapText: true, autoHeight: true },
    ],
    [locale, t],
  );

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('page.targets.title')}</h1>
        <p className="muted">{t('page.targets.intro')}</p>
      </header>
      {error ? <div role="alert" className="error">{error}</div> : <DataGrid rows={rows} columns={columns} rowId={(r) => r.code} testId="targets-grid" />}
    </section>
  );
}
