import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellEditRequestEvent, type ColDef, type ICellRendererParams } from 'ag-grid-community';
import { AgGridReact, type CustomCellEditorProps } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatPlain, type Locale } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { groupHeading, type AssumptionRow, type ItemList } from './assumptions';

ModuleRegistry.registerModules([AllCommunityModule]);

// Same look as the shared DataGrid (which shows read-only rows); this sheet edits, so it sets up its own grid.
const theme = themeQuartz.withParams({
  fontFamily: ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', 'sans-serif'],
  headerFontWeight: 600,
  spacing: 5,
});

type Translate = (key: string, params?: Record<string, string | number>) => string;

interface GridContext {
  onLive: (row: AssumptionRow, text: string) => void;
  onRemove: (list: ItemList, index: number) => void;
}

/** How a select shows one of its options: a data label (a component's name) or a translated message. */
function optionLabel(row: AssumptionRow, option: string, t: Translate): string {
  return row.optionLabels?.[option] ?? (row.optionPrefix ? t(`${row.optionPrefix}${option}`) : option);
}

/** A number as the sheet shows it: grouped, up to four decimals; years and text as they are. */
function shown(row: AssumptionRow, text: string, locale: Locale): string {
  const numeric = row.editor === 'number' || row.editor === 'bound' || row.editor === 'optionalNumber';
  return numeric && row.unit !== '年' && text !== '' && Number.isFinite(Number(text)) ? formatPlain(Number(text), locale, 4) : text;
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

/** A native select with translated options; picking one commits it. */
function SelectEditor(props: CustomCellEditorProps<AssumptionRow, string, GridContext>) {
  const { t } = useApp();
  const row = props.data;
  const value = props.value ?? '';
  const options = row.options ?? [];
  return (
    <select
      className="select-editor"
      autoFocus
      value={value}
      aria-label={row.path}
      onChange={(e) => {
        props.onValueChange(e.target.value);
        props.stopEditing();
      }}
    >
      {!options.includes(value) && <option value={value}>{value}</option>}
      {options.map((option) => (
        <option key={option} value={option}>
          {optionLabel(row, option, t)}
        </option>
      ))}
    </select>
  );
}

/** The group's name; on a component's or a target's first row, with the button that removes it from the scenario. */
function GroupCell(props: ICellRendererParams<AssumptionRow, string, GridContext>) {
  const { t } = useApp();
  const row = props.data;
  const item = row?.item;
  return (
    <span className="group-cell">
      <span className="group-name">{props.value}</span>
      {item?.removable && (
        <button
          type="button"
          className="row-remove"
          aria-label={item.list === 'components' ? t('scenario.removeComponent', { name: row!.value }) : t('scenario.removeTarget', { label: row!.value })}
          onClick={() => props.context.onRemove(item.list, item.index)}
        >
          {t('scenario.remove')}
        </button>
      )}
    </span>
  );
}

export interface AssumptionsGridProps {
  rows: AssumptionRow[];
  /** Translated problems by row path. */
  issues: Map<string, string[]>;
  onCommit: (row: AssumptionRow, text: string) => void;
  onLive: (row: AssumptionRow, text: string) => void;
  onAdd: (list: ItemList) => void;
  onRemove: (list: ItemList, index: number) => void;
  /** A row to scroll into view (the first row of an item just added), once it is in the sheet; a new object each time. */
  reveal: { path: string } | null;
}

/** The scenario's assumptions as an editable sheet: value, unit and, where the engine's schema objects, why. */
export function AssumptionsGrid({ rows, issues, onCommit, onLive, onAdd, onRemove, reveal }: AssumptionsGridProps) {
  const { locale, t } = useApp();
  const grid = useRef<AgGridReact<AssumptionRow>>(null);
  const issueText = useMemo(() => (path: string) => (issues.get(path) ?? []).join('；'), [issues]);
  const columns = useMemo<ColDef<AssumptionRow>[]>(
    () => [
      {
        colId: 'group',
        headerName: t('scenario.col.group'),
        valueGetter: (p) => (p.data ? groupHeading(p.data.group, locale, t) : ''),
        cellRenderer: GroupCell,
        width: locale === 'en' ? 150 : 190,
        // A long name (Component: digital industrialization) takes more lines, the row growing to hold them.
        wrapText: true,
        autoHeight: true,
        tooltipValueGetter: (p) => (p.data ? groupHeading(p.data.group, locale, t) : ''),
      },
      {
        colId: 'field',
        headerName: t('scenario.col.field'),
        valueGetter: (p) => (p.data ? t(p.data.field) : ''),
        // English names are longer (Base (a value, or indicator@region)): a wider column, and the row grows to every line.
        width: locale === 'en' ? 170 : 150,
        wrapText: true,
        autoHeight: true,
        // A row with a hint (the persistence choices) explains itself on hover.
        tooltipValueGetter: (p) => (p.data ? (p.data.hint ? `${t(p.data.field)}：${t(p.data.hint)}` : t(p.data.field)) : ''),
      },
      {
        colId: 'value',
        field: 'value',
        headerName: t('scenario.col.value'),
        editable: true,
        flex: 1,
        minWidth: 120,
        // A choice's name (Constant growth rate) wraps rather than ending in "…".
        wrapText: true,
        autoHeight: true,
        valueFormatter: (p) => {
          const row = p.data;
          if (!row) return '';
          if (row.editor === 'select') return optionLabel(row, row.value, t);
          if (row.value === '' && row.fallback !== undefined) return t('scenario.defaultValue', { value: shown(row, row.fallback, locale) });
          return shown(row, row.value, locale);
        },
        cellEditorSelector: (p) => ({ component: p.data.editor === 'select' ? SelectEditor : LiveEditor }),
        cellClassRules: {
          'cell-error': (p) => Boolean(p.data && issues.has(p.data.path)),
          'cell-default': (p) => Boolean(p.data && p.data.value === '' && p.data.fallback !== undefined),
        },
      },
      // English units are longer (100 million yuan a year): they wrap rather than end in “…”, so every
      // column of the sheet fits beside the side column at 1366 px (group 150, assumption 170, value and check 120, unit 110).
      {
        colId: 'unit',
        headerName: t('scenario.col.unit'),
        valueGetter: (p) => (p.data?.unit ? t(`scenario.unit.${p.data.unit}`) : ''),
        width: locale === 'en' ? 110 : 90,
        wrapText: true,
        autoHeight: true,
      },
      {
        colId: 'issue',
        headerName: t('scenario.col.issue'),
        valueGetter: (p) => (p.data ? issueText(p.data.path) : ''),
        flex: 1,
        minWidth: 120,
        cellClass: 'issue-cell',
        tooltipValueGetter: (p) => (p.data ? issueText(p.data.path) : ''),
      },
    ],
    [issues, issueText, locale, t],
  );
  const context = useMemo<GridContext>(() => ({ onLive, onRemove }), [onLive, onRemove]);
  const revealed = useRef<{ path: string } | null>(null);
  const showReveal = useCallback(() => {
    const api = grid.current?.api;
    const node = reveal && reveal !== revealed.current ? api?.getRowNode(reveal.path) : undefined;
    if (!api || !node) return;
    revealed.current = reveal;
    api.ensureNodeVisible(node, 'top');
    api.flashCells({ rowNodes: [node] });
  }, [reveal]);
  useEffect(showReveal, [showReveal]);
  return (
    <div className="assumptions">
      <div className="toolbar sheet-actions">
        <button type="button" onClick={() => onAdd('components')} data-testid="add-component">
          {t('scenario.addComponent')}
        </button>
        <button type="button" onClick={() => onAdd('targets')} data-testid="add-target">
          {t('scenario.addTarget')}
        </button>
      </div>
      <div className="assumptions-grid" data-testid="assumptions-grid">
        <AgGridReact<AssumptionRow>
          key={locale}
          ref={grid}
          theme={theme}
          rowData={rows}
          columnDefs={columns}
          context={context}
          getRowId={(p) => p.data.path}
          readOnlyEdit
          singleClickEdit
          stopEditingWhenCellsLoseFocus
          onCellEditRequest={(e: CellEditRequestEvent<AssumptionRow>) => onCommit(e.data, String(e.newValue ?? ''))}
          onRowDataUpdated={showReveal}
          localeText={locale === 'zh' ? AG_GRID_LOCALE_CN : undefined}
          defaultColDef={{ sortable: false, resizable: true, suppressMovable: true }}
          rowClassRules={{ 'row-error': (p) => Boolean(p.data && issues.has(p.data.path)) }}
          domLayout="normal"
        />
      </div>
    </div>
  );
}
