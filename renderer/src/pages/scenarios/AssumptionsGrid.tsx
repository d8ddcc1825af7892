import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellEditRequestEvent, type ColDef, type ICellEditorParams } from 'ag-grid-community';
import { AgGridReact, type CustomCellEditorProps } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import { formatPlain } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import type { AssumptionRow } from './assumptions';

ModuleRegistry.registerModules([AllCommunityModule]);

// Same look as the shared DataGrid (which shows read-only rows); this sheet edits, so it sets up its own grid.
const theme = themeQuartz.withParams({
  fontFamily: ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', 'sans-serif'],
  headerFontWeight: 600,
  spacing: 5,
});

interface GridContext {
  onLive: (row: AssumptionRow, text: string) => void;
}

/** A text editor that reports every keystroke, so the results follow the typing before the value is committed. */
function LiveEditor(props: CustomCellEditorProps<AssumptionRow, string, GridContext>) {
  const [text, setText] = useState(props.value ?? '');
  return (
    <input
      className="live-editor"
      autoFocus
      value={text}
      aria-label={props.data.path}
      onChange={(e) => {
        setText(e.target.value);
        props.onValueChange(e.target.value);
        props.context.onLive(props.data, e.target.value);
      }}
    />
  );
}

export interface AssumptionsGridProps {
  rows: AssumptionRow[];
  /** Translated problems by row path. */
  issues: Map<string, string[]>;
  onCommit: (row: AssumptionRow, text: string) => void;
  onLive: (row: AssumptionRow, text: string) => void;
}

/** The scenario's assumptions as an editable sheet: value, unit and, where the engine's schema objects, why. */
export function AssumptionsGrid({ rows, issues, onCommit, onLive }: AssumptionsGridProps) {
  const { locale, t } = useApp();
  const issueText = useMemo(() => (path: string) => (issues.get(path) ?? []).join('；'), [issues]);
  const columns = useMemo<ColDef<AssumptionRow>[]>(
    () => [
      { colId: 'group', headerName: t('scenario.col.group'), valueGetter: (p) => (p.data ? t(p.data.group.key, p.data.group.params) : ''), width: 170 },
      { colId: 'field', headerName: t('scenario.col.field'), valueGetter: (p) => (p.data ? t(p.data.field) : ''), width: 150 },
      {
        colId: 'value',
        field: 'value',
        headerName: t('scenario.col.value'),
        editable: true,
        flex: 1,
        minWidth: 140,
        valueFormatter: (p) => {
          const row = p.data;
          if (!row) return '';
          if (row.editor === 'select') return t(`${row.optionPrefix}${row.value}`);
          if (row.editor === 'number' && row.unit !== '年' && row.value !== '' && Number.isFinite(Number(row.value))) return formatPlain(Number(row.value), locale, 4);
          return row.value;
        },
        cellEditorSelector: (p: ICellEditorParams<AssumptionRow>) =>
          p.data.editor === 'select'
            ? { component: 'agSelectCellEditor', params: { values: p.data.options }, popup: false }
            : { component: LiveEditor },
        cellClassRules: { 'cell-error': (p) => Boolean(p.data && issues.has(p.data.path)) },
      },
      { colId: 'unit', headerName: t('scenario.col.unit'), valueGetter: (p) => (p.data?.unit ? t(`scenario.unit.${p.data.unit}`) : ''), width: 90 },
      {
        colId: 'issue',
        headerName: t('scenario.col.issue'),
        valueGetter: (p) => (p.data ? issueText(p.data.path) : ''),
        flex: 1,
        minWidth: 160,
        cellClass: 'issue-cell',
        tooltipValueGetter: (p) => (p.data ? issueText(p.data.path) : ''),
      },
    ],
    [issues, issueText, locale, t],
  );
  const context = useMemo<GridContext>(() => ({ onLive }), [onLive]);
  return (
    <div className="assumptions-grid" data-testid="assumptions-grid">
      <AgGridReact<AssumptionRow>
        key={locale}
        theme={theme}
        rowData={rows}
        columnDefs={columns}
        context={context}
        getRowId={(p) => p.data.path}
        readOnlyEdit
        singleClickEdit
        stopEditingWhenCellsLoseFocus
        onCellEditRequest={(e: CellEditRequestEvent<AssumptionRow>) => onCommit(e.data, String(e.newValue ?? ''))}
        localeText={locale === 'zh' ? AG_GRID_LOCALE_CN : undefined}
        defaultColDef={{ sortable: false, resizable: true, suppressMovable: true }}
        rowClassRules={{ 'row-error': (p) => Boolean(p.data && issues.has(p.data.path)) }}
        domLayout="normal"
      />
    </div>
  );
}
