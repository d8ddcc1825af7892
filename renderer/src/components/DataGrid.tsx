import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef, type GetRowIdParams, type IDatasource, type SortModelItem } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useApp } from '../app-context';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', 'sans-serif'],
  headerFontWeight: 600,
  spacing: 6,
});

/** One page of a server-side view: AG Grid's sort and filter models go to the backend as they are. */
export type PageFetcher<Row> = (request: {
  startRow: number;
  endRow: number;
  sortModel: SortModelItem[];
  filterModel: Record<string, unknown>;
}) => Promise<{ rows: Row[]; lastRow: number }>;

export interface DataGridProps<Row> {
  /** Client-side rows; or give `fetchPage` for the infinite row model backed by the workspace. */
  rows?: Row[] | null;
  fetchPage?: PageFetcher<Row>;
  columns: ColDef<Row>[];
  rowId: (row: Row) => string;
  height?: number | string;
  testId?: string;
}

/** The one wrapper around AG Grid: features pass rows and column definitions, never grid instances. */
export function DataGrid<Row>({ rows, fetchPage, columns, rowId, height = '100%', testId }: DataGridProps<Row>) {
  const { locale, t } = useApp();
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
      />
    </div>
  );
}
