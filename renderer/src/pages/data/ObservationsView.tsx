import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditRecord, ObservationRow, Releases, ValueListColumn } from '../../../../shared/api/data-contract';
import type { JobStatus } from '../../../../shared/api/jobs-contract';
import { formatPlain } from '../../../../shared/format/number';
import { releaseDateText, releaseText } from '../../../../shared/format/release';
import { sourceInLocale } from '../../../../shared/format/source-text';
import { unitLabel, unitName } from '../../../../shared/format/unit-name';
import { seedLabel } from '../../../../shared/i18n/seed-labels';
import { boundSign, boundWord, type Bound } from '../../../../shared/series/bound';
import { useApp } from '../../app-context';
import { DataGrid, valueListFilter, type GridView, type PageFetcher, type ValueListOption } from '../../components/DataGrid';
import { DateField } from '../../components/DateField';
import { JobProgress } from '../../components/JobProgress';
import { saveFile } from '../../download';

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

/** The 修订 cell: how many other releases a row has, a button that lists them. */
function RevisionsCell(props: ICellRendererParams<ObservationRow, number> & { onOpen: (row: ObservationRow) => void; label: (count: number) => string; hint: string }) {
  const { data, value, onOpen, label, hint } = props;
  if (!data || !value) return null;
  return (
    <button type="button" className="link-button" title={hint} onClick={() => onOpen(data)} data-testid="open-releases">
      {label(value)}
    </button>
  );
}

/**
 * The release column's width: its longest seeded text, "初步核算数（第四次经济普查修订前） · 日期不详",
 * "preliminary, before census revision · undated".
 */
const RELEASED_WIDTH = { zh: 342, en: 340 } as const;
/** The indicator column's width when the window has room (its longest seeded name), and the least it is given. */
const INDICATOR_WIDTH = { zh: 252, en: 174 } as const;
const INDICATOR_MIN = { zh: 150, en: 100 } as const;
/** The columns after the release (修订, 性质, 导入号), in order. */
const AFTER_RELEASE = { zh: [90, 96, 96], en: [116, 96, 96] } as const;
/** Room a desktop window's vertical scrollbar and the grid's border take beside the columns. */
const GRID_CHROME = 17;

/**
 * The workspace's observations in the infinite-row grid: sorted and filtered by SQLite, value-list
 * filters for indicator, region, measure, bound, status and import, value and note editable
 * (validated, audited, undoable), each value with its bound and measure and release, a row's
 * releases on demand, the data as known on a date, and the current view exported to CSV or XLSX.
 */
export function ObservationsView({ version }: { version: number }) {
  const { client, locale, t, describeError } = useApp();
  const [refresh, setRefresh] = useState(0);
  const [initialFilters] = useState(filtersFromHash);
  const [view, setView] = useState<GridView>({ sortModel: [], filterModel: {} });
  const [edits, setEdits] = useState<EditRecord[]>([]);
  const [showEdits, setShowEdits] = useState(false);
  const [exportJob, setExportJob] = useState<JobStatus | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  /** The date the data is shown as known on ('' for the latest releases). */
  const [vintage, setVintage] = useState('');
  const [releases, setReleases] = useState<{ row: ObservationRow; list: Releases } | null>(null);
  /** The grid's width for its columns (0 until measured): the indicator column takes what the others leave. */
  const [room, setRoom] = useState(0);
  const viewRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const observer = new ResizeObserver(() => setRoom(view.clientWidth - GRID_CHROME));
    observer.observe(view);
    return () => observer.disconnect();
  }, []);

  const fetchPage = useCallback<PageFetcher<ObservationRow>>((request) => client.call('observations.query', { ...request, vintage: vintage || null }), [client, vintage]);
  const loadEdits = useCallback(() => client.call('observations.edits', { limit: 50 }).then(setEdits, (e: unknown) => setMessage({ text: describeError(e), error: true })), [client, describeError]);

  useEffect(() => {
    void loadEdits();
  }, [loadEdits]);

  const openReleases = useCallback(
    (row: ObservationRow) => {
      client.call('observations.releases', { id: row.id }).then(
        (list) => setReleases({ row, list }),
        (e: unknown) => setMessage({ text: describeError(e), error: true }),
      );
    },
    [client, describeError],
  );

  const columns = useMemo<ColDef<ObservationRow>[]>(() => {
    const text = { filter: 'agTextColumnFilter', filterParams: { filterOptions: ['contains', 'equals', 'startsWith'], maxNumConditions: 1 } };
    const number = { filter: 'agNumberColumnFilter', filterParams: { filterOptions: ['equals', 'greaterThan', 'lessThan', 'inRange'], maxNumConditions: 1 } };
    const list = (column: ValueListColumn, describe?: (o: ValueListOption) => string) =>
      valueListFilter({ load: (filterModel) => client.call('observations.values', { column, filterModel }), describe });
    const named = (o: ValueListOption) => (o.label && o.label !== o.value ? `${o.label} (${String(o.value)})` : String(o.value ?? ''));
    // Widths: the columns that say what a figure is (indicator to release) come first and fit side by
    // side in a 1280 px window in Chinese (about 1090 px of grid beside its scrollbar) and a 1366 px one
    // in English (about 1175 px), unit to release each as wide as its longest seeded text or its header
    // (统计局核心产业口径, 初步核算数（第四次经济普查修订前） · 日期不详; in English "100 million yuan",
    // "approximate (≈)", "NBS core-industries measure", "preliminary, before census revision · undated").
    // The indicator takes the room they leave, down to its minimum, and the columns after the release
    // that fit whole: a column never shows half at the right edge, the others scroll, the source taking
    // what is left. A cell cut anyway (a longer imported name, the long indicator names in a narrow
    // window) shows its full text on hover.
    const after = AFTER_RELEASE[locale];
    const fixed = locale === 'en' ? [94, 84, 92, 128, 124, 208, RELEASED_WIDTH.en] : [76, 76, 94, 68, 96, 152, RELEASED_WIDTH.zh];
    let indicatorWidth = room - fixed.reduce((a, b) => a + b, 0);
    for (const next of after) {
      if (indicatorWidth - next < INDICATOR_WIDTH[locale]) break;
      indicatorWidth -= next;
    }
    indicatorWidth = Math.max(INDICATOR_MIN[locale], room > 0 ? indicatorWidth : INDICATOR_WIDTH[locale]);
    const [region, period, value, unit, bound, measure, released] = fixed as [number, number, number, number, number, number, number];
    return [
      // Value lists filter by code; sorting is by code too, which groups the rows the same way.
      { colId: 'indicator', field: locale === 'en' ? 'indicatorNameEn' : 'indicatorName', headerName: t('data.indicator'), width: indicatorWidth, minWidth: INDICATOR_MIN[locale], ...list('indicator', named), tooltipField: locale === 'en' ? 'indicatorNameEn' : 'indicatorName' },
      { colId: 'region', field: locale === 'en' ? 'regionNameEn' : 'regionName', headerName: t('data.region'), width: region, minWidth: 72, ...list('region', named) },
      { field: 'period', headerName: t('data.period'), width: period, minWidth: 72, ...text },
      {
        field: 'value',
        headerName: t('data.value'),
        width: value,
        minWidth: 80,
        type: 'rightAligned',
        ...number,
        // A vintage shows earlier releases: an edit would change the latest one, unseen.
        editable: !vintage,
        // A cellClass replaces the one the rightAligned type sets: keep the alignment.
        cellClass: vintage ? 'ag-right-aligned-cell' : ['ag-right-aligned-cell', 'editable-cell'],
        // The typed text goes to the backend as it is: it reads "1.2万亿", "超6000" (a lower bound) or "(35)" like an imported cell.
        valueParser: (p) => (typeof p.newValue === 'string' ? p.newValue.trim() : p.newValue),
        // The bound is part of the value: ≥10,000 is not 10,000.
        valueFormatter: (p) => {
          if (typeof p.value === 'string') return p.value;
          const value = (p.value as number | null | undefined) ?? null;
          return `${value !== null && p.data ? boundSign(p.data.bound) : ''}${formatPlain(value, locale, 4, true)}`;
        },
      },
      // Stored as published (亿元, 家); English names it (100 million yuan, firms, count). The filter reads the stored text.
      {
        field: 'unit',
        headerName: t('col.unit'),
        width: unit,
        minWidth: 60,
        ...text,
        valueFormatter: (p) => unitLabel(String(p.value ?? ''), locale),
        tooltipValueGetter: (p) => (p.value && locale === 'en' ? `${unitLabel(String(p.value), locale)} (${String(p.value)})` : undefined),
      },
      {
        field: 'bound',
        headerName: t('data.bound'),
        width: bound,
        minWidth: 72,
        // In the words of the one table every screen and file writes (确数, 下限（≥）; exact, lower bound (≥)).
        ...list('bound', (o) => boundWord(o.value as Bound, locale)),
        // Only a bound or an approximation is worth a word; exact is the rule.
        valueFormatter: (p) => (p.value && p.value !== 'exact' ? boundWord(p.value as Bound, locale) : ''),
      },
      {
        // Like indicator and region: filtered and sorted by code, shown by name (the catalogue tab describes each).
        colId: 'measure',
        field: locale === 'en' ? 'measureNameEn' : 'measureName',
        headerName: t('data.measure'),
        width: measure,
        minWidth: 100,
        ...list('measure', named),
        tooltipValueGetter: (p) => (p.data ? `${locale === 'en' ? p.data.measureNameEn : p.data.measureName} (${p.data.measure})` : undefined),
      },
      {
        colId: 'released',
        field: 'released',
        headerName: t('data.released'),
        width: released,
        minWidth: 120,
        ...text,
        // Label and date of the release shown (the date sorts); a release without a date says so and
        // from when it is counted as known, in short (the tooltip has the long form).
        valueFormatter: (p) => (p.data ? releaseText(p.data, locale, true) : ''),
        tooltipValueGetter: (p) => (p.data ? releaseText(p.data, locale) : undefined),
      },
      {
        field: 'revisions',
        headerName: t('data.revisions'),
        width: after[0],
        minWidth: 72,
        ...number,
        cellRenderer: RevisionsCell,
        cellRendererParams: { onOpen: openReleases, label: (count: number) => t('data.revisions.count', { count }), hint: t('data.revisions.hint') },
      },
      {
        field: 'status',
        headerName: t('data.status'),
        width: after[1],
        minWidth: 72,
        ...list('status', (o) => t(`status.${String(o.value)}`)),
        valueFormatter: (p) => (p.value ? t(`status.${String(p.value)}`) : ''),
      },
      { field: 'importId', headerName: t('data.import'), width: after[2], minWidth: 72, ...list('importId', (o) => (o.value === null ? t('data.filter.manual') : `#${String(o.value)} ${o.label}`)) },
      {
        field: 'source',
        headerName: t('data.source'),
        flex: 1,
        minWidth: 240,
        ...text,
        // As recorded, with the workbench's own words in it (可信度 M, 推算) in the locale; the filter reads the recorded text.
        valueFormatter: (p) => sourceInLocale(String(p.value ?? ''), locale),
        tooltipValueGetter: (p) => (p.value ? sourceInLocale(String(p.value), locale) : undefined),
      },
      { field: 'note', headerName: t('data.note'), width: 180, minWidth: 100, ...text, editable: true, cellClass: 'editable-cell', tooltipField: 'note' },
    ];
  }, [client, locale, t, vintage, openReleases, room]);

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
      setExportJob(await client.call('observations.export', { format, sortModel: view.sortModel, filterModel: view.filterModel, vintage: vintage || null }));
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
    <div className="observations-view" ref={viewRef}>
      <div className="toolbar">
        <button type="button" onClick={() => void startExport('csv')} disabled={exportJob !== null} data-testid="export-csv">{t('data.export.csv')}</button>
        <button type="button" onClick={() => void startExport('xlsx')} disabled={exportJob !== null} data-testid="export-xlsx">{t('data.export.xlsx')}</button>
        <span className="muted">{filtered ? t('data.export.filtered') : t('data.export.all')}</span>
        <span className="spacer" />
        <label className="vintage">
          {t('data.vintage.label')}
          <DateField className="medium" value={vintage} onChange={setVintage} releases testId="vintage" />
        </label>
        {vintage && <button type="button" onClick={() => setVintage('')}>{t('data.vintage.latest')}</button>}
        <button type="button" disabled={!lastEdit} onClick={() => lastEdit && void undoEdit(lastEdit.id)} data-testid="undo-edit">{t('data.edit.undoLast')}</button>
        <button type="button" aria-pressed={showEdits} onClick={() => setShowEdits((s) => !s)}>{t('data.edit.history')}</button>
      </div>
      {vintage && <p className="muted" role="status">{t('data.vintage.active', { date: vintage })}</p>}
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
      {releases && (
        <div className="table-scroll releases-panel" data-testid="releases-panel">
          <div className="toolbar">
            <strong>
              {t('data.releases.title', {
                indicator: locale === 'en' ? releases.row.indicatorNameEn || releases.row.indicatorName : releases.row.indicatorName,
                region: locale === 'en' ? releases.row.regionNameEn || releases.row.regionName : releases.row.regionName,
                period: releases.row.period,
              })}
            </strong>
            <span className="spacer" />
            <button type="button" onClick={() => setReleases(null)}>{t('data.releases.close')}</button>
          </div>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('data.releases.date')}</th>
                <th>{t('data.releases.label')}</th>
                <th>{t('data.value')}</th>
                <th>{t('data.measure')}</th>
                <th>{t('data.original')}</th>
                <th>{t('data.source')}</th>
                <th>{t('data.note')}</th>
              </tr>
            </thead>
            <tbody>
              {releases.list.releases.map((r, i) => (
                <tr key={i}>
                  <td>
                    {releaseDateText(r.released, releases.row.year, locale)}
                    {r.latest && <span className="tag">{t('data.releases.latest')}</span>}
                  </td>
                  <td>{seedLabel(r.releaseLabel, locale)}</td>
                  {/* Every digit, in the row's unit as the grid shows it: releases differ in the last ones. */}
                  <td className="num">{r.value === null ? '—' : [`${boundSign(r.bound)}${formatPlain(r.value, locale, 4, true)}`, unitName(releases.list.unit, locale)].filter(Boolean).join(' ')}</td>
                  <td>{locale === 'en' ? r.measureNameEn : r.measureName}</td>
                  <td>{r.original}</td>
                  <td className="source-cell" title={sourceInLocale(r.source, locale)}>{sourceInLocale(r.source, locale)}</td>
                  <td title={r.note}>{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
