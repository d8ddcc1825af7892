// The observations API the service calls: the grid's datasource and value lists, edits with their
// audit trail, an observation's releases, and export of a view.
export { EDITABLE_FIELDS, editObservation, listEdits, undoEdit, type EditableField, type EditRecord, type EditResult } from './observation-edits';
export { listReleases } from './observation-releases';
export { COLUMNS, checkVintage, filterModelSchema, sortModelSchema, type ColumnId, type FilterModel, type SortModel, type ViewSpec } from './observation-view';
export { DEFAULT_EXPORT_COLUMNS, XLSX_MAX_ROWS, exportObservations, exportObservationsTo, writeObservationsExport, type ExportControl, type ExportFormat, type ExportOptions } from './observations-export';
export {
  VALUE_LIST_COLUMNS,
  countObservations,
  distinctValues,
  gridRequestSchema,
  queryObservations,
  type GridPage,
  type GridRequest,
  type GridRow,
  type ValueListColumn,
  type ValueOption,
} from './observations-query';
