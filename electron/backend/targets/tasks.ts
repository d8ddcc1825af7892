// The plans' task registers: tasks recorded under the headings the plans give (the seven areas of the
// digital-economy plan, the AI plan's 4+1 actions), with owner, status, due date and notes.
import { WorkbenchError } from '../../../shared/api/errors';
import type { Task, taskInputSchema } from '../../../shared/api/targets-contract';
import type { z } from 'zod';
import type { Db } from '../db/workspace';

interface TaskRow {
  id: number;
  plan: string;
  area: string;
  title: string;
  owner: string;
  status: Task['status'];
  due: string | null;
  notes: string;
  updated_at: string;
}

const toTask = (r: TaskRow): Task => ({ id: r.id, plan: r.plan, area: r.area, title: r.title, owner: r.owner, status: r.status, due: r.due, notes: r.notes, updatedAt: r.updated_at });

export function listTaskAreas(db: Db, plan?: string) {
  const rows = (
    plan === undefined
      ? db.prepare('SELECT plan, code, name_zh, name_en FROM task_areas ORDER BY plan, sort, code').all()
      : db.prepare('SELECT plan, code, name_zh, name_en FROM task_areas WHERE plan = ? ORDER BY sort, code').all(plan)
  ) as Array<{ plan: string; code: string; name_zh: string; name_en: string }>;
  return rows.map((r) => ({ plan: r.plan, code: r.code, nameZh: r.name_zh, nameEn: r.name_en }));
}

export function listTasks(db: Db, plan?: string): Task[] {
  const rows = (
    plan === undefined
      ? db.prepare('SELECT t.* FROM tasks t JOIN task_areas a ON a.plan = t.plan AND a.code = t.area ORDER BY t.plan, a.sort, t.id').all()
      : db.prepare('SELECT t.* FROM tasks t JOIN task_areas a ON a.plan = t.plan AND a.code = t.area WHERE t.plan = ? ORDER BY a.sort, t.id').all(plan)
  ) as TaskRow[];
  return rows.map(toTask);
}

/** Creates (no id) or updates a task; the heading must exist for the task's plan. Runs inside the caller's transaction when there is one. */
export function saveTask(db: Db, input: z.output<typeof taskInputSchema>): Task {
  const area = db.prepare('SELECT 1 FROM task_areas WHERE plan = ? AND code = ?').get(input.plan, input.area);
  if (!area) throw new WorkbenchError('monitor.unknownArea', { plan: input.plan, area: input.area });
  const now = new Date().toISOString();
  const values = { plan: input.plan, area: input.area, title: input.title, owner: input.owner, status: input.status, due: input.due, notes: input.notes, now };
  let id = input.id;
  if (id === undefined) {
    id = Number(
      db
        .prepare('INSERT INTO tasks (plan, area, title, owner, status, due, notes, created_at, updated_at) VALUES (@plan, @area, @title, @owner, @status, @due, @notes, @now, @now)')
        .run(values).lastInsertRowid,
    );
  } else {
    const changed = db
      .prepare('UPDATE tasks SET plan = @plan, area = @area, title = @title, owner = @owner, status = @status, due = @due, notes = @notes, updated_at = @now WHERE id = @id')
      .run({ ...values, id }).changes;
    if (changed === 0) throw new WorkbenchError('monitor.taskNotFound', { id });
  }
  return toTask(db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow);
}

export function deleteTask(db: Db, id: number): void {
  if (db.prepare('DELETE FROM tasks WHERE id = ?').run(id).changes === 0) throw new WorkbenchError('monitor.taskNotFound', { id });
}
