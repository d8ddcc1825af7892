import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import type { ObservationRow } from '../../../shared/api/data-contract';
import { formatPlain } from '../../../shared/format/number';
import { useApp } from '../app-context';
import { DataGrid, type PageFetcher } from '../components/DataGrid';

/** Observations of the workspace, paged, sorted and filtered by SQLite (AG Grid's infinite row model). */
export function DataPage() {
  const { client, locale, t } = useApp();
  const fetchPage = useCallback<PageFetcher<ObservationRow>>((request) => client.call('observations.query', request), [client]);

  const columns = useMemo<ColDef<ObservationRow>[]>(() => {
    const text = { filter: 'agTextColumnFilter', filterParams: { filterOptions: ['contains', 'equals', 'startsWith'], maxNumConditions: 1 } };
    const number = { filter: 'agNumberColumnFilter', filterParams: { filterOptions: ['equals', 'greaterThan', 'lessThan', 'inRange'], maxNumConditions: 1 } };
    return [
      // Sorting and filtering run in SQLite on the name column of the UI language.
      { field: locale === 'en' ? 'indicatorNameEn' : 'indicatorName', headerName: t('data.indicator'), width: 220, ...text },
      { field: locale === 'en' ? 'regionNameEn' : 'regionName', headerName: t('data.region'), width: 110, ...text },
      { field: 'period', headerName: t('data.period'), width: 100, ...text },
      { field: 'value', headerName: t('data.value'), width: 140, type: 'rightAligned', ...number, valueFormatter: (p) => formatPlain(p.value as number | null, locale, 4, true) },
      { field: 'unit', headerName: t('col.unit'), width: 80, ...text },
      { field: 'status', headerName: t('data.status'), width: 110, ...text, valueFormatter: (p) => (p.value ? t(`status.${p.value}`) : '') },
      { field: 'importId', headerName: t('data.import'), width: 90, ...number },
      { field: 'source', headerName: t('data.source'), flex: 1, minWidth: 260, ...text, tooltipField: 'source' },
    ];
  }, [locale, t]);

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('page.data.title')}</h1>
        <p className="muted">{t('data.intro')}</p>
      </header>
      <DataGrid fetchPage={fetchPage} columns={columns} rowId={(r) => String(r.id)} testId="observations-grid" />
    </section>
  );
}
