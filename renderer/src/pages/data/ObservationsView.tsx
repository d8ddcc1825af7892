import type { ColDef } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EditRecord, ObservationRow, ValueListColumn } from '../../../../shared/api/data-contract';
import type { JobStatus } from '../../../../shared/api/jobs-contract';
import { formatPlain } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { DataGrid, valueListFilter, type GridView, type PageFetcher, type ValueListOption } from '../../components/DataGrid';
import { JobProgress } from '../../components/JobProgress';
import { saveFile } from '../../download';

/**
 * The workspace's observations in the infinite-row grid: sorted and filtered by SQLite, value-list
 * filters for indicator, region, status and import, value and note editable (validated, audited,
 * undoable), and the current view exported to CSV or XLSX.
 */
/** `#/data?indicator=de_scale&region=CQ` (a target's drill-down link) opens the grid filtered to that series. */
function filtersFromHash(): Record<string, unknown> | undefined {
  const query = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const model: Record<string, unknown> = {};
  for (const column of ['indicator', 'region'] as const) {
    const value = query.get(column);
    if (value) model[column] = { filterType: 'set-values', values: [value] };
  }
  return Object.keys(model).length > 0 ? model : undefined;
}

export function ObservationsView({ version }: { version: number }) {
  const { client, locale, t, describeError } = useApp();
  const [refresh, setRefresh] = useState(0);
  const [initialFilters] = useState(filtersFromHash);
  const [view, setView] = useState<GridView>({ sortModel: [], filterModel: {} });
  const [edits, setEdits] = useState<EditRecord[]>([]);
  const [showEdits, setShowEdits] = useState(false);
  const [exportJob, setExportJob] = useState<JobStatus | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const fetchPage = useCallback<PageFetcher<ObservationRow>>((request) => client.call('observations.query', request), [client]);
  const loadEdits = useCallback(() => client.call('observations.edits', { limit: 50 }).then(setEdits, (e: unknown) => setMessage({ text: describeError(e), error: true })), [client, describeError]);

  useEffect(() => {
    void loadEdits();
  }, [loadEdits]);

  const columns = useMemo<ColDef<ObservationRow>[]>(() => {
    const text = { filter: 'agTextColumnFilter', filterParams: { filterOptions: ['contains', 'equals', 'startsWith'], maxNumConditions: 1 } };
    const number = { filter: 'agNumberColumnFilter', filterParams: { filterOptions: ['equals', 'greaterThan', 'lessThan', 'inRange'], maxNumConditions: 1 } };
    const list = (column: ValueListColumn, describe?: (o: ValueListOption) => string) =>
      valueListFilter({ load: (filterModel) => client.call('observations.values', { column, filterModel }), describe });
    const named = (o: ValueListOption) => (o.label && o.label !== o.value ? `${o.label} (${String(o.value)})` : String(o.value ?? ''));
    return [
      // Value lists filter by code; sorting is by code too, which groups the rows the same way.
      { colId: 'indicator', field: locale === 'en' ? 'indicatorNameEn' : 'indicatorName', headerName: t('data.indicator'), width: 230, ...list('indicator', named) },
      { colId: 'region', field: locale === 'en' ? 'regionNameEn' : 'regionName', headerName: t('data.region'), width: 120, ...list('region', named) },
      { field: 'period', headerName: t('data.period'), width: 100, ...text },
      {
        field: 'value',
        headerName: t('data.value'),
        width: 140,
        type: 'rightAligned',
        ...number,
        editable: true,
        cellClass: 'editable-cell',
        // The typed text goes to the backend as it is: it reads "1.2万亿" or "(35)" like an imported cell.
        valueParser: (p) => (typeof p.newValue === 'string' ? p.newValue.trim() : p.newValue),
        valueFormatter: (p) => (typeof p.value === 'string' ? p.value : formatPlain(p.value as number | null, locale, 4, true)),
      },
      { field: 'unit', headerName: t('col.unit'), width: 80, ...text },
      {
        field: 'status',
        headerName: t('data.status'),
        width: 110,
        ...list('status', (o) => t(`status.${String(o.value)}`)),
        valueFormatter: (p) => (p.value ? t(`status.${String(p.value)}`) : ''),
      },
      { field: 'importId', headerName: t('data.import'), width: 100, ...list('importId', (o) => (o.value === null ? t('data.filter.manual') : `#${String(o.value)} ${o.label}`)) },
      { field: 'source', headerName: t('data.source'), flex: 1, minWidth: 240, ...text, tooltipField: 'source' },
      { field: 'note', headerName: t('data.note'), width: 180, ...text, editable: true, cellClass: 'editable-cell', tooltipField: 'note' },
    ];
  }, [client, locale, t]);

  const onCellEdit = useCallback(
    async (row: ObservationRow, field: string, value: unknown) => {
      const result = await client.call('observations.edit', {
        id: row.id,
        field: field === 'note' ? 'note' : 'value',
        value: typeof value === 'number' || typeof value === 'string' ? value : null,
      });
      setMessage({ text: t('data.edit.saved', { field: t(`data.${result.edit.field}`), value: result.edit.newValue ?? '—' }), error: false });
      void loadEdits();
      return result.row;
    },
    [client, loadEdits, t],
  );

  const undoEdit = async (editId: number) => {
    try {
      const result = await client.call('observations.undoEdit', { editId });
      setMessage({ text: t('data.edit.undone', { value: result.edit.oldValue ?? '—' }), error: false });
      setRefresh((n) => n + 1);
      await loadEdits();
    } catch (e) {
      setMessage({ text: describeError(e), error: true });
    }
  };

  const startExport = async (format: 'csv' | 'xlsx') => {
    setMessage(null);
    try {
      setExportJob(await client.call('observations.export', { format, sortModel: view.sortModel, filterModel: view.filterModel }));
    } catch (e) {
      setMessage({ text: describeError(e), error: true });
    }
  };

  const exportFinished = useCallback(
    (status: JobStatus) => {
      setExportJob(null);
      if (status.state === 'done') {
        client.call('jobs.file', { id: status.id }).then(
          (file) => {
            saveFile(file);
            setMessage({ text: t('data.export.saved', { file: file.fileName }), error: false });
          },
          (e: unknown) => setMessage({ text: describeError(e), error: true }),
        );
      } else if (status.state === 'failed' && status.error) setMessage({ text: t(status.error.code, status.error.params), error: true });
    },
    [client, describeError, t],
  );

  const lastEdit = edits.find((e) => !e.undoneAt);
  const filtered = Object.keys(view.filterModel).length > 0;

  return (
    <div className="observations-view">
      <div className="toolbar">
        <button type="button" onClick={() => void startExport('csv')} disabled={exportJob !== null} data-testid="export-csv">{t('data.export.csv')}</button>
        <button type="button" onClick={() => void startExport('xlsx')} disabled={exportJob !== null} data-testid="export-xlsx">{t('data.export.xlsx')}</button>
        <span className="muted">{filtered ? t('data.export.filtered') : t('data.export.all')}</span>
        <span className="spacer" />
        <button type="button" disabled={!lastEdit} onClick={() => lastEdit && void undoEdit(lastEdit.id)} data-testid="undo-edit">{t('data.edit.undoLast')}</button>
        <button type="button" aria-pressed={showEdits} onClick={() => setShowEdits((s) => !s)}>{t('data.edit.history')}</button>
      </div>
      {exportJob && <JobProgress job={exportJob} onFinished={exportFinished} />}
      {message && (
        <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'} data-testid="data-message">
          {message.text}
        </p>
      )}
      {showEdits && (
        <div className="table-scroll edit-history">
          <table className="data-table" data-testid="edit-history">
            <thead>
              <tr>
                <th>{t('data.edit.when')}</th>
                <th>{t('data.edit.row')}</th>
                <th>{t('data.edit.field')}</th>
                <th>{t('data.edit.old')}</th>
                <th>{t('data.edit.new')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {edits.map((e) => (
                <tr key={e.id} className={e.undoneAt ? 'undone' : undefined}>
                  <td>{e.editedAt.slice(0, 19).replace('T', ' ')}</td>
                  <td>#{e.observationId}</td>
                  <td>{t(`data.${e.field}`)}</td>
                  <td>{e.oldValue ?? '—'}</td>
                  <td>{e.newValue ?? '—'}</td>
                  <td>{e.undoneAt ? <span className="tag">{t('data.edit.wasUndone')}</span> : <button type="button" onClick={() => void undoEdit(e.id)}>{t('data.edit.undo')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {edits.length === 0 && <p className="muted">{t('data.edit.none')}</p>}
        </div>
      )}
      <DataGrid
        fetchPage={fetchPage}
        columns={columns}
        rowId={(r) => String(r.id)}
        testId="observations-grid"
        onCellEdit={onCellEdit}
        onEditError={(e) => setMessage({ text: describeError(e), error: true })}
        refreshToken={refresh + version}
        onViewChange={setView}
        initialFilterModel={initialFilters}
      />
    </div>
  );
}
