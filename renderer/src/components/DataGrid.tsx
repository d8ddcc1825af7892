import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef, type GetRowIdParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useApp } from '../app-context';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', 'sans-serif'],
  headerFontWeight: 600,
  spacing: 6,
});

export interface DataGridProps<Row> {
  rows: Row[] | null;
  columns: ColDef<Row>[];
  rowId: (row: Row) => string;
  height?: number | string;
  testId?: string;
}

/** The one wrapper around AG Grid: features pass rows and column definitions, never grid instances. */
export function DataGrid<Row>({ rows, columns, rowId, height = '100%', testId }: DataGridProps<Row>) {
  const { locale, t } = useApp();
  const localeText = useMemo(() => (locale === 'zh' ? AG_GRID_LOCALE_CN : undefined), [locale]);
  const defaultColDef = useMemo<ColDef<Row>>(() => ({ sortable: true, filter: true, resizable: true }), []);
  return (
    <div className="grid-host" style={{ height }} data-testid={testId}>
      <AgGridReact<Row>
        key={locale}
        theme={theme}
        rowData={rows}
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
