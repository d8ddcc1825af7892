// Plans and targets in the workspace: list, create, edit and retire, each change of a field audited
// in `edits` (old value, new value, when) in the same transaction as the change.
import { WorkbenchError } from '../../../shared/api/errors';
import { planInputSchema, targetInputSchema, type Plan, type Target } from '../../../shared/api/targets-contract';
import type { z } from 'zod';
import { exists, type PlanRow, type TargetRow } from '../db/access';
import type { Db } from '../db/workspace';
import { checkMeasure } from '../series/figures';
import type { Bound } from '../../../shared/series/bound';

export function planFromRow(r: PlanRow): Plan {
  return { code: r.code, nameZh: r.name_zh, nameEn: r.name_en, issuer: r.issuer, issued: r.issued, horizon: r.horizon, source: r.source };
}

export function targetFromRow(r: TargetRow): Target {
  return {
    code: r.code,
    plan: r.plan,
    titleZh: r.title_zh,
    titleEn: r.title_en,
    area: r.area,
    comparator: r.comparator,
    value: r.value,
    unit: r.unit,
    deadline: r.deadline,
    indicator: r.indicator,
    region: r.region,
    quote: r.quote,
    note: r.note,
    assessment: r.assessment,
    assessmentNote: r.assessment_note,
    measure: r.measure,
  };
}

export function listPlans(db: Db): Plan[] {
  return (db.prepare('SELECT * FROM plans WHERE retired_at IS NULL ORDER BY code').all() as PlanRow[]).map(planFromRow);
}

export function listTargets(db: Db, plan?: string): Target[] {
  const rows = (
    plan === undefined
      ? db.prepare('SELECT t.* FROM targets t JOIN plans p ON p.code = t.plan WHERE t.retired_at IS NULL AND p.retired_at IS NULL ORDER BY t.plan, t.sort, t.code').all()
      : db.prepare('SELECT * FROM targets WHERE retired_at IS NULL AND plan = ? ORDER BY sort, code').all(plan)
  ) as TargetRow[];
  return rows.map(targetFromRow);
}

export function getTarget(db: Db, code: string): Target {
  const row = db.prepare('SELECT * FROM targets WHERE code = ? AND retired_at IS NULL').get(code) as TargetRow | undefined;
  if (!row) throw new WorkbenchError('monitor.targetNotFound', { code });
  return targetFromRow(row);
}

function audit(db: Db, entity: 'plan' | 'target', id: string, before: Record<string, unknown> | null, after: Record<string, unknown>): void {
  const insert = db.prepare('INSERT INTO edits (entity, entity_id, field, old_value, new_value, edited_at) VALUES (?, ?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  for (const [field, value] of Object.entries(after)) {
    const old = before ? before[field] : null;
    if (before && text(old) === text(value)) continue;
    insert.run(entity, id, field, text(old), text(value), now);
  }
}

/** Creates or edits a target; refuses unknown plans, indicators and regions by name. */
export function saveTarget(db: Db, input: z.output<typeof targetInputSchema>, create: boolean): Target {
  return db.transaction(() => {
    const row = db.prepare('SELECT * FROM targets WHERE code = ?').get(input.code) as TargetRow | undefined;
    if (create && row) throw new WorkbenchError('monitor.targetExists', { code: input.code });
    if (!create && (!row || db.prepare('SELECT retired_at FROM targets WHERE code = ?').pluck().get(input.code))) {
      throw new WorkbenchError('monitor.targetNotFound', { code: input.code });
    }
    if (!exists(db, 'plans', input.plan)) throw new WorkbenchError('monitor.planNotFound', { code: input.plan });
    if (input.indicator && !exists(db, 'indicators', input.indicator)) throw new WorkbenchError('monitor.unknownIndicator', { code: input.indicator });
    if (input.region && !exists(db, 'regions', input.region)) throw new WorkbenchError('monitor.unknownRegion', { code: input.region });
    if (input.measure) checkMeasure(db, input.measure);
    const values = {
      plan: input.plan,
      title_zh: input.titleZh,
      title_en: input.titleEn,
      area: input.area,
      comparator: input.comparator,
      value: input.value,
      unit: input.unit,
      deadline: input.deadline,
      indicator: input.indicator,
      region: input.region,
      quote: input.quote,
      note: input.note,
      assessment: input.assessment,
      assessment_note: input.assessmentNote,
      measure: input.measure,
    };
    if (row) {
      db.prepare(
        `UPDATE targets SET plan = @plan, title_zh = @title_zh, title_en = @title_en, area = @area, comparator = @comparator, value = @value,
         unit = @unit, deadline = @deadline, indicator = @indicator, region = @region, quote = @quote, note = @note,
         assessment = @assessment, assessment_note = @assessment_note, measure = @measure WHERE code = @code`,
      ).run({ ...values, code: input.code });
    } else {
      const sort = (db.prepare('SELECT coalesce(max(sort), -1) + 1 FROM targets WHERE plan = ?').pluck().get(input.plan) as number) ?? 0;
      db.prepare(
        `INSERT INTO targets (code, plan, title_zh, title_en, area, comparator, value, unit, deadline, indicator, region, quote, note, assessment, assessment_note, measure, sort)
         VALUES (@code, @plan, @title_zh, @title_en, @area, @comparator, @value, @unit, @deadline, @indicator, @region, @quote, @note, @assessment, @assessment_note, @measure, @sort)`,
      ).run({ ...values, code: input.code, sort });
    }
    audit(db, 'target', input.code, row ? { ...row } : null, values);
    return getTarget(db, input.code);
  })();
}

export function retireTarget(db: Db, code: string): void {
  db.transaction(() => {
    getTarget(db, code);
    const now = new Date().toISOString();
    db.prepare('UPDATE targets SET retired_at = ? WHERE code = ?').run(now, code);
    audit(db, 'target', code, { retired_at: null }, { retired_at: now });
  })();
}

export function savePlan(db: Db, input: z.output<typeof planInputSchema>, create: boolean): Plan {
  return db.transaction(() => {
    const row = db.prepare('SELECT * FROM plans WHERE code = ?').get(input.code) as PlanRow | undefined;
    if (create && row) throw new WorkbenchError('monitor.planExists', { code: input.code });
    if (!create && !exists(db, 'plans', input.code)) throw new WorkbenchError('monitor.planNotFound', { code: input.code });
    const values = { name_zh: input.nameZh, name_en: input.nameEn, issuer: input.issuer, issued: input.issued, horizon: input.horizon, source: input.source };
    if (row) {
      db.prepare('UPDATE plans SET name_zh = @name_zh, name_en = @name_en, issuer = @issuer, issued = @issued, horizon = @horizon, source = @source WHERE code = @code').run({
        ...values,
        code: input.code,
      });
    } else {
      db.prepare('INSERT INTO plans (code, name_zh, name_en, issuer, issued, horizon, source) VALUES (@code, @name_zh, @name_en, @issuer, @issued, @horizon, @source)').run({
        ...values,
        code: input.code,
      });
    }
    audit(db, 'plan', input.code, row ? { ...row } : null, values);
    return planFromRow(db.prepare('SELECT * FROM plans WHERE code = ?').get(input.code) as PlanRow);
  })();
}

export function retirePlan(db: Db, code: string): void {
  db.transaction(() => {
    if (!exists(db, 'plans', code)) throw new WorkbenchError('monitor.planNotFound', { code });
    const now = new Date().toISOString();
    db.prepare('UPDATE plans SET retired_at = ? WHERE code = ?').run(now, code);
    audit(db, 'plan', code, { retired_at: null }, { retired_at: now });
  })();
}

export function targetHistory(db: Db, code: string) {
  const rows = db
    .prepare("SELECT id, field, old_value, new_value, edited_at FROM edits WHERE entity = 'target' AND entity_id = ? ORDER BY id DESC LIMIT 500")
    .all(code) as Array<{ id: number; field: string; old_value: string | null; new_value: string | null; edited_at: string }>;
  return rows.map((r) => ({ id: r.id, field: r.field, oldValue: r.old_value, newValue: r.new_value, editedAt: r.edited_at }));
}

/** A value recorded on a target: exact unless its bound says otherwise, known from its release date. */
export interface ActualInput {
  code: string;
  year: number;
  value: number;
  bound?: Bound;
  released?: string;
  source: string;
  note: string;
}

export function recordActual(db: Db, input: ActualInput): void {
  const bound = input.bound ?? 'exact';
  const released = input.released ?? '';
  db.transaction(() => {
    getTarget(db, input.code);
    const before = db.prepare('SELECT value, bound, released FROM target_actuals WHERE target = ? AND year = ?').get(input.code, input.year) as
      | { value: number; bound: Bound; released: string }
      | undefined;
    db.prepare(
      `INSERT INTO target_actuals (target, year, value, bound, released, source, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (target, year) DO UPDATE SET value = excluded.value, bound = excluded.bound, released = excluded.released,
         source = excluded.source, note = excluded.note, recorded_at = excluded.recorded_at`,
    ).run(input.code, input.year, input.value, bound, released, input.source, input.note, new Date().toISOString());
    // The change log names the value and, when they change, its bound and release date.
    const key = `actual.${input.year}`;
    const fields = (value: number | null, b: Bound, r: string) => ({ [key]: value, [`${key}.bound`]: b, [`${key}.released`]: r });
    audit(db, 'target', input.code, before ? fields(before.value, before.bound, before.released) : fields(null, 'exact', ''), fields(input.value, bound, released));
  })();
}

export function deleteActual(db: Db, code: string, year: number): void {
  db.transaction(() => {
    const before = db.prepare('SELECT value FROM target_actuals WHERE target = ? AND year = ?').pluck().get(code, year) as number | undefined;
    if (before === undefined) throw new WorkbenchError('monitor.actualNotFound', { code, year });
    db.prepare('DELETE FROM target_actuals WHERE target = ? AND year = ?').run(code, year);
    audit(db, 'target', code, { [`actual.${year}`]: before }, { [`actual.${year}`]: null });
  })();
}
