import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellValueChangedEvent,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
  type IDatasource,
  type SortModelItem,
} from 'ag-grid-community';
import { AgGridReact, useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../app-context';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', 'sans-serif'],
  headerFontWeight: 600,
  spacing: 6,
});

/** A sort and filter as AG Grid describes them; the backend compiles them to SQL against its whitelist. */
export interface GridView {
  sortModel: SortModelItem[];
  filterModel: Record<string, unknown>;
}

/** One page of a server-side view: AG Grid's sort and filter models go to the backend as they are. */
export type PageFetcher<Row> = (request: GridView & { startRow: number; endRow: number }) => Promise<{ rows: Row[]; lastRow: number }>;

export interface DataGridProps<Row> {
  /** Client-side rows; or give `fetchPage` for the infinite row model backed by the workspace. */
  rows?: Row[] | null;
  fetchPage?: PageFetcher<Row>;
  columns: ColDef<Row>[];
  rowId: (row: Row) => string;
  height?: number | string;
  testId?: string;
  /** Saves an edited cell; resolves with the row as stored. On failure the cell goes back and `onEditError` hears why. */
  onCellEdit?: (row: Row, field: string, value: unknown) => Promise<Row>;
  onEditError?: (error: unknown) => void;
  /** Change it to fetch the rows again (after an import, an undo). */
  refreshToken?: number;
  /** Hears the view whenever the sort or a filter changes (for exporting what is shown). */
  onViewChange?: (view: GridView) => void;
  /** Filters applied when the grid opens (e.g. from a link on another page). */
  initialFilterModel?: Record<string, unknown>;
}

/** The one wrapper around AG Grid: features pass rows and column definitions, never grid instances. */
export function DataGrid<Row>({ rows, fetchPage, columns, rowId, height = '100%', testId, onCellEdit, onEditError, refreshToken, onViewChange, initialFilterModel }: DataGridProps<Row>) {
  const { locale, t } = useApp();
  const api = useRef<GridApi<Row> | null>(null);
  const localeText = useMemo(() => (locale === 'zh' ? AG_GRID_LOCALE_CN : undefined), [locale]);
  const defaultColDef = useMemo<ColDef<Row>>(() => ({ sortable: true, filter: true, resizable: true }), []);
  const datasource = useMemo<IDatasource | undefined>(
    () =>
      fetchPage && {
        getRows: (params) => {
          fetchPage({ startRow: params.startRow, endRow: params.endRow, sortModel: params.sortModel, filterModel: params.filterModel as Record<string, unknown> }).then(
            (page) => params.successCallback(page.rows, page.lastRow),
            () => params.failCallback(),
          );
        },
      },
    [fetchPage],
  );

  useEffect(() => {
    if (refreshToken !== undefined) api.current?.refreshInfiniteCache();
  }, [refreshToken]);

  const reportView = useCallback(() => {
    const grid = api.current;
    if (!grid || !onViewChange) return;
    const sortModel = grid
      .getColumnState()
      .filter((c) => c.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
    onViewChange({ sortModel, filterModel: grid.getFilterModel() as Record<string, unknown> });
  }, [onViewChange]);

  const onCellValueChanged = useCallback(
    (event: CellValueChangedEvent<Row>) => {
      const field = event.colDef.field;
      if (!onCellEdit || !field || !event.data || event.newValue === event.oldValue) return;
      const before = { ...event.data, [field]: event.oldValue } as Row;
      onCellEdit(event.data, field, event.newValue).then(
        (stored) => event.node.setData(stored),
        (error: unknown) => {
          event.node.setData(before);
          onEditError?.(error);
        },
      );
    },
    [onCellEdit, onEditError],
  );

  return (
    <div className="grid-host" style={{ height }} data-testid={testId}>
      <AgGridReact<Row>
        key={locale}
        theme={theme}
        {...(datasource ? { rowModelType: 'infinite' as const, datasource, cacheBlockSize: 100, maxBlocksInCache: 50 } : { rowData: rows ?? null })}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        getRowId={(p: GetRowIdParams<Row>) => rowId(p.data)}
        localeText={localeText}
        overlayNoRowsTemplate={t('common.noRows')}
        enableCellTextSelection
        ensureDomOrder
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        onGridReady={(e: GridReadyEvent<Row>) => {
          api.current = e.api;
          if (initialFilterModel) e.api.setFilterModel(initialFilterModel);
          reportView();
        }}
        onSortChanged={reportView}
        onFilterChanged={reportView}
        onCellValueChanged={onCellValueChanged}
      />
    </div>
  );
}

/** One choice of a value-list filter: the stored value and what the user reads. */
export interface ValueListOption {
  value: string | number | null;
  label: string;
}

interface ValueListParams {
  /** The values present under the other columns' filters (the grid's whole filter model is passed). */
  load: (filterModel: Record<string, unknown>) => Promise<ValueListOption[]>;
  /** How an option reads; defaults to its label. */
  describe?: (option: ValueListOption) => string;
}

interface SetValuesModel {
  filterType: 'set-values';
  values: Array<string | number | null>;
}

const keyOf = (v: string | number | null) => JSON.stringify(v);
const MAX_SHOWN = 500;

/**
 * A value-list filter (AG Grid's Set Filter is Enterprise-only): the column's values from the
 * backend, ticked on or off, applied as `{ filterType: 'set-values', values }`, which the backend
 * turns into `IN (SELECT value FROM json_each(?))`.
 */
function ValueListFilter(props: CustomFilterProps<unknown, unknown, SetValuesModel> & ValueListParams) {
  const { model, onModelChange, api: grid, load, describe, getValue } = props;
  const { t } = useApp();
  const [options, setOptions] = useState<ValueListOption[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [search, setSearch] = useState('');
  const [draft, setDraft] = useState<Set<string> | null>(null);

  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    load(grid.getFilterModel() as Record<string, unknown>).then(
      (values) => {
        if (!live) return;
        setFailed(false);
        setOptions(values);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [grid, load, reloads]);

  useGridFilter({
    doesFilterPass: ({ node }) => !model || model.values.some((v) => keyOf(v) === keyOf((getValue(node) ?? null) as string | number | null)),
    // The other columns' filters may have changed since: read the list again each time it opens.
    afterGuiAttached: () => {
      setDraft(null);
      setReloads((n) => n + 1);
    },
  });

  const all = options ?? [];
  const chosen = draft ?? new Set(model ? model.values.map(keyOf) : all.map((o) => keyOf(o.value)));
  const text = (o: ValueListOption) => (describe ? describe(o) : o.label || String(o.value ?? ''));
  const needle = search.trim().toLowerCase();
  const shown = (needle ? all.filter((o) => `${text(o)} ${String(o.value ?? '')}`.toLowerCase().includes(needle)) : all).slice(0, MAX_SHOWN);

  const toggle = (key: string) => {
    const next = new Set(chosen);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setDraft(next);
  };
  const apply = () => {
    const values = all.filter((o) => chosen.has(keyOf(o.value))).map((o) => o.value);
    onModelChange(values.length === all.length ? null : { filterType: 'set-values', values });
  };

  return (
    <div className="value-list-filter" data-testid="value-list-filter">
      <input type="search" value={search} placeholder={t('data.filter.search')} onChange={(e) => setSearch(e.target.value)} />
      <div className="value-list-actions">
        <button type="button" onClick={() => setDraft(new Set(all.map((o) => keyOf(o.value))))}>{t('data.filter.all')}</button>
        <button type="button" onClick={() => setDraft(new Set())}>{t('data.filter.none')}</button>
      </div>
      {failed && <p className="error">{t('data.filter.failed')}</p>}
      {options === null && !failed && <p className="muted">{t('common.loading')}</p>}
      <ul className="value-list">
        {shown.map((o) => {
          const key = keyOf(o.value);
          return (
            <li key={key}>
              <label>
                <input type="checkbox" checked={chosen.has(key)} onChange={() => toggle(key)} />
                <span>{text(o)}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {all.length > shown.length && <p className="muted">{t('data.filter.more', { count: all.length - shown.length })}</p>}
      <div className="value-list-actions">
        <button type="button" onClick={() => onModelChange(null)}>{t('data.filter.reset')}</button>
        <button type="button" className="primary" onClick={apply} disabled={options === null}>{t('data.filter.apply')}</button>
      </div>
    </div>
  );
}

/** The column settings for a value-list filter: spread them into a column definition. */
export function valueListFilter(params: ValueListParams): Pick<ColDef, 'filter' | 'filterParams'> {
  return { filter: ValueListFilter, filterParams: params };
}
