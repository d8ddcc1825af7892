// The targets register as one XLSX workbook: targets, recorded actuals and tasks, one sheet each, with
// Chinese headers (English ones are read too). Import is all or nothing: every problem is reported
// with its sheet, row and column, and nothing is written unless the whole workbook is good.
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { WorkbenchError } from '../../../shared/api/errors';
import { taskInputSchema, taskStatuses, targetInputSchema } from '../../../shared/api/targets-contract';
import { translate, type Locale } from '../../../shared/i18n';
import { parseDateText } from '../../../shared/parse/date';
import { parseNumber } from '../../../shared/parse/number';
import { BOUNDS, boundOfQualifier, boundOfWord, boundWord, type Bound } from '../../../shared/series/bound';
import { isIsoDate } from '../../../shared/series/vintage';
import type { Db } from '../db/workspace';
import { listTargets, recordActual, saveTarget } from './store';
import { listTasks, saveTask } from './tasks';

interface Column {
  key: string;
  /** A sheet without this column is refused; the others may be left out. */
  required?: boolean;
  zh: string;
  en: string;
  width: number;
}

const targetColumns: Column[] = [
  { key: 'code', zh: '编号', en: 'code', width: 8, required: true },
  { key: 'plan', zh: '方案', en: 'plan', width: 30, required: true },
  { key: 'titleZh', zh: '目标', en: 'title', width: 36, required: true },
  { key: 'titleEn', zh: '英文名称', en: 'title (English)', width: 36 },
  { key: 'area', zh: '领域', en: 'area', width: 10 },
  { key: 'comparator', zh: '比较', en: 'comparator', width: 8, required: true },
  { key: 'value', zh: '目标值', en: 'value', width: 10, required: true },
  { key: 'unit', zh: '单位', en: 'unit', width: 8 },
  { key: 'deadline', zh: '期限', en: 'deadline', width: 8 },
  { key: 'indicator', zh: '指标', en: 'indicator', width: 24 },
  { key: 'region', zh: '地区', en: 'region', width: 8 },
  { key: 'measure', zh: '口径', en: 'measure', width: 16 },
  { key: 'quote', zh: '原文', en: 'quote', width: 40 },
  { key: 'note', zh: '备注', en: 'note', width: 24 },
  { key: 'assessment', zh: '评估', en: 'assessment', width: 10 },
  { key: 'assessmentNote', zh: '评估说明', en: 'assessment note', width: 24 },
];

const actualColumns: Column[] = [
  { key: 'code', zh: '目标编号', en: 'target', width: 10, required: true },
  { key: 'year', zh: '年份', en: 'year', width: 8, required: true },
  { key: 'value', zh: '数值', en: 'value', width: 12, required: true },
  { key: 'bound', zh: '数值界限', en: 'bound', width: 12 },
  { key: 'released', zh: '发布日期', en: 'released', width: 12 },
  { key: 'source', zh: '来源', en: 'source', width: 36 },
  { key: 'note', zh: '备注', en: 'note', width: 36 },
];

/** A recorded value's bound as the sheet writes it (the shared words); a code, a sign or the English word is read too. */
function boundOfCell(cell: string): Bound | string {
  if (cell === '') return 'exact';
  return boundOfWord(cell) ?? cell;
}

/**
 * A value cell: a number, or a figure as a source writes it ("约296", "超过1万亿" read as the number
 * with its bound, which a bound column, when filled, overrides).
 */
function figureOfCell(v: unknown): { value: number | null; bound: Bound } {
  if (typeof v === 'number') return { value: v, bound: 'exact' };
  const cell = text(v);
  if (cell === '') return { value: null, bound: 'exact' };
  const parsed = parseNumber(cell);
  return parsed.kind === 'number' ? { value: parsed.value, bound: boundOfQualifier(parsed.qualifier) } : { value: Number.NaN, bound: 'exact' };
}

const taskColumns: Column[] = [
  { key: 'id', zh: '序号', en: 'id', width: 6 },
  { key: 'plan', zh: '方案', en: 'plan', width: 30, required: true },
  { key: 'area', zh: '领域编号', en: 'area', width: 10, required: true },
  { key: 'title', zh: '任务', en: 'task', width: 40, required: true },
  { key: 'owner', zh: '责任单位', en: 'owner', width: 16 },
  { key: 'status', zh: '状态', en: 'status', width: 10 },
  { key: 'due', zh: '完成时限', en: 'due', width: 12 },
  { key: 'notes', zh: '备注', en: 'notes', width: 30 },
];

const sheets = { targets: { zh: '目标', en: 'Targets' }, actuals: { zh: '进展', en: 'Actuals' }, tasks: { zh: '任务', en: 'Tasks' } } as const;

/** Task statuses as the sheet writes them; the codes are read as well. */
const statusZh: Record<(typeof taskStatuses)[number], string> = {
  'not-started': '未开始',
  'in-progress': '进行中',
  done: '已完成',
  delayed: '滞后',
  cancelled: '已取消',
};

/** Assessments as the sheet writes them (the monitor's status names); the codes are read as well. */
const assessmentZh: Record<'met' | 'on-track' | 'at-risk' | 'missed', string> = {
  met: translate('zh', 'monitor.status.met'),
  'on-track': translate('zh', 'monitor.status.on-track'),
  'at-risk': translate('zh', 'monitor.status.at-risk'),
  missed: translate('zh', 'monitor.status.missed'),
};

type Named = 'plans' | 'indicators' | 'regions' | 'measures';

/**
 * Plans, indicators, regions and measures are written by name (重庆, 信通院广义口径), never by code; a
 * cell is read back by its code, its Chinese or its English name. A name two entries share is left as
 * written, so the row is refused as naming no known one rather than matched to the wrong one.
 */
function names(db: Db) {
  const tables = Object.fromEntries(
    (['plans', 'indicators', 'regions', 'measures'] as const).map((table) => [
      table,
      db.prepare(`SELECT code, name_zh AS nameZh, name_en AS nameEn FROM ${table}`).all() as Array<{ code: string; nameZh: string; nameEn: string }>,
    ]),
  ) as Record<Named, Array<{ code: string; nameZh: string; nameEn: string }>>;
  return {
    name: (table: Named, code: string | null) => (code === null ? null : (tables[table].find((e) => e.code === code)?.nameZh ?? code)),
    code: (table: Named, cell: string) => {
      if (cell === '' || tables[table].some((e) => e.code === cell)) return cell;
      const matches = tables[table].filter((e) => e.nameZh === cell || (e.nameEn !== '' && e.nameEn.toLowerCase() === cell.toLowerCase()));
      return matches.length === 1 ? matches[0]!.code : cell;
    },
  };
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Array<Record<string, unknown>>): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.zh, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row);
}

export async function exportRegister(db: Db): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Digital Economy Scenario Workbench';
  wb.title = '规划目标登记表';
  const named = names(db);
  addSheet(
    wb,
    sheets.targets.zh,
    targetColumns,
    listTargets(db).map((t) => ({
      ...t,
      plan: named.name('plans', t.plan),
      indicator: named.name('indicators', t.indicator),
      region: named.name('regions', t.region),
      measure: named.name('measures', t.measure),
      assessment: t.assessment === null ? null : assessmentZh[t.assessment],
    })),
  );
  const actuals = db.prepare('SELECT target AS code, year, value, bound, released, source, note FROM target_actuals ORDER BY target, year').all() as Array<
    Record<string, unknown> & { bound: Bound }
  >;
  addSheet(wb, sheets.actuals.zh, actualColumns, actuals.map((a) => ({ ...a, bound: boundWord(a.bound, 'zh') })));
  addSheet(wb, sheets.tasks.zh, taskColumns, listTasks(db).map((t) => ({ ...t, plan: named.name('plans', t.plan), status: statusZh[t.status] })));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface RegisterProblem {
  sheet: string;
  row: number;
  column: string;
  reason: string;
}

/** A cell as plain data: numbers stay numbers, rich text and formulas give their text or result. */
function cellValue(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('result' in v) return v.result ?? null;
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return v.text;
    return null;
  }
  return v;
}

function readSheet(wb: ExcelJS.Workbook, names: { zh: string; en: string }, columns: Column[], problems: RegisterProblem[], locale: Locale) {
  const ws = wb.getWorksheet(names.zh) ?? wb.getWorksheet(names.en);
  if (!ws) return [];
  const header = ws.getRow(1);
  const index = new Map<string, number>();
  header.eachCell((cell, col) => {
    const text = String(cellValue(cell) ?? '').trim();
    const column = columns.find((c) => c.zh === text || c.en.toLowerCase() === text.toLowerCase());
    if (column) index.set(column.key, col);
  });
  const rows: Array<{ row: number; data: Record<string, unknown> }> = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const data: Record<string, unknown> = {};
    for (const [key, col] of index) data[key] = cellValue(row.getCell(col));
    if (Object.values(data).every((v) => v === null || v === '')) return;
    rows.push({ row: rowNumber, data });
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key));
  for (const c of missing.slice(0, 3)) problems.push({ sheet: ws.name, row: 1, column: c.zh, reason: translate(locale, 'register.missingColumn') });
  return rows.map((r) => ({ ...r, sheet: ws.name }));
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
/** A date cell as ISO: a real date (read as YYYY-MM-DD) or a typed one (2023/12/13, 2023年12月13日); null when it is neither. */
const cellDate = (v: unknown) => parseDateText(text(v));
const numberOrNull = (v: unknown) => (v === null || v === undefined || v === '' ? null : typeof v === 'number' ? v : Number(String(v).replace(/,/g, '')));

function check<T extends z.ZodType>(schema: T, value: unknown, where: { sheet: string; row: number }, columns: Column[], problems: RegisterProblem[]): z.output<T> | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues.slice(0, 5)) {
    const key = String(issue.path[0] ?? '');
    problems.push({ ...where, column: columns.find((c) => c.key === key)?.zh ?? key, reason: issue.message });
  }
  return null;
}

/** Reads and applies a register workbook in one transaction; throws `register.invalid` with every problem located. */
export async function importRegister(db: Db, buffer: Buffer, fileName: string, locale: Locale) {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbenchError('register.unreadable', { file: fileName, detail: error instanceof Error ? error.message : String(error) });
  }
  const problems: RegisterProblem[] = [];
  const named = names(db);
  const assessmentOf = (v: unknown) => {
    const s = text(v);
    return (Object.entries(assessmentZh).find(([, zh]) => zh === s)?.[0] ?? s) || null;
  };
  const targets = readSheet(wb, sheets.targets, targetColumns, problems, locale).flatMap(({ sheet, row, data }) => {
    const parsed = check(
      targetInputSchema,
      {
        ...Object.fromEntries(targetColumns.map((c) => [c.key, text(data[c.key])])),
        plan: named.code('plans', text(data.plan)),
        value: numberOrNull(data.value),
        deadline: numberOrNull(data.deadline),
        indicator: named.code('indicators', text(data.indicator)) || null,
        region: named.code('regions', text(data.region)) || null,
        measure: named.code('measures', text(data.measure)) || null,
        assessment: assessmentOf(data.assessment),
      },
      { sheet, row },
      targetColumns,
      problems,
    );
    return parsed ? [{ sheet, row, target: parsed }] : [];
  });
  const actualSchema = z.object({
    code: z.string().min(1),
    year: z.number().int().min(1949).max(2100),
    value: z.number().finite(),
    bound: z.enum(BOUNDS, { message: translate(locale, 'register.badBound') }),
    released: z.string().refine((d) => d === '' || isIsoDate(d), { message: translate(locale, 'register.badDate') }),
    source: z.string(),
    note: z.string(),
  });
  const actuals = readSheet(wb, sheets.actuals, actualColumns, problems, locale).flatMap(({ sheet, row, data }) => {
    const figure = figureOfCell(data.value);
    const released = cellDate(data.released);
    const parsed = check(
      actualSchema,
      {
        code: text(data.code),
        year: numberOrNull(data.year),
        value: figure.value,
        bound: text(data.bound) === '' ? figure.bound : boundOfCell(text(data.bound)),
        released: released ?? text(data.released),
        source: text(data.source),
        note: text(data.note),
      },
      { sheet, row },
      actualColumns,
      problems,
    );
    return parsed ? [{ sheet, row, actual: parsed }] : [];
  });
  const statusOf = (v: unknown) => {
    const s = text(v);
    return (Object.entries(statusZh).find(([, zh]) => zh === s)?.[0] ?? s) || undefined;
  };
  const tasks = readSheet(wb, sheets.tasks, taskColumns, problems, locale).flatMap(({ sheet, row, data }) => {
    const id = numberOrNull(data.id);
    const parsed = check(
      taskInputSchema,
      {
        ...(id === null ? {} : { id }),
        plan: named.code('plans', text(data.plan)),
        area: text(data.area),
        title: text(data.title),
        owner: text(data.owner),
        status: statusOf(data.status),
        due: text(data.due) || null,
        notes: text(data.notes),
      },
      { sheet, row },
      taskColumns,
      problems,
    );
    return parsed ? [{ sheet, row, task: parsed }] : [];
  });
  if (problems.length === 0 && targets.length + actuals.length + tasks.length === 0) throw new WorkbenchError('register.empty', { file: fileName });

  const apply = db.transaction(() => {
    const known = new Set((db.prepare('SELECT code FROM targets').pluck().all() as string[]).map(String));
    const located = <T>(where: { sheet: string; row: number }, column: string, fn: () => T): T | undefined => {
      try {
        return fn();
      } catch (error) {
        // A row's own problem is reported with its place; a storage failure (disk full …) aborts the whole import.
        if (!(error instanceof WorkbenchError)) throw error;
        problems.push({ ...where, column, reason: translate(locale, error.code, error.params) });
        return undefined;
      }
    };
    for (const { sheet, row, target } of targets) located({ sheet, row }, '编号', () => saveTarget(db, target, !known.has(target.code)));
    for (const { sheet, row, actual } of actuals) located({ sheet, row }, '目标编号', () => recordActual(db, actual));
    // A task id from another workspace's register names no task here: the row is added as new.
    const taskExists = db.prepare('SELECT 1 FROM tasks WHERE id = ?');
    for (const { sheet, row, task } of tasks) {
      const own = task.id !== undefined && taskExists.get(task.id) !== undefined;
      located({ sheet, row }, '序号', () => saveTask(db, own ? task : { ...task, id: undefined }));
    }
    if (problems.length > 0) throw new WorkbenchError('register.invalid', registerParams(fileName, problems), problems.slice(0, 200));
  });
  if (problems.length > 0) throw new WorkbenchError('register.invalid', registerParams(fileName, problems), problems.slice(0, 200));
  apply();
  return { targets: targets.length, actuals: actuals.length, tasks: tasks.length };
}

function registerParams(file: string, problems: RegisterProblem[]) {
  const first = problems[0]!;
  return { file, count: problems.length, sheet: first.sheet, row: first.row, column: first.column, reason: first.reason };
}
