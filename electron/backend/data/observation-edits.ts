// Editing one field of one observation from the grid: validated like an imported cell, saved in a
// transaction together with its audit row in `edits` (old and new value, when), and undoable.
// `original` keeps the text the row was imported from; the audit trail records what changed since.
// A value's bound is part of it ("超6000" is ≥ 6000): read from the text typed, and kept in the audit
// as the sign before the number ("≥6000"), so undo restores the bound with the value.

import type Database from 'better-sqlite3';
import { parseNumber } from '../../../shared/parse/number';
import { parsePeriod } from '../../../shared/parse/period';
import { parseUnit, toStoredValue, withMagnitude } from '../../../shared/parse/unit';
import { boundOfText, boundSign, type Bound } from '../../../shared/series/bound';
import { assertIdle } from '../import/busy';
import { parseStatus } from '../import/layout';
import { DataError } from '../import/problems';
import { rowsByIds, type GridRow } from './observations-query';

export const EDITABLE_FIELDS = ['value', 'unit', 'status', 'period', 'source', 'note'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface EditRecord {
  id: number;
  observationId: number;
  field: EditableField;
  oldValue: string | null;
  newValue: string | null;
  editedAt: string;
  undoneAt: string | null;
}

export interface EditResult {
  edit: EditRecord;
  row: GridRow;
}

interface ObservationRow {
  id: number;
  indicator: string;
  region: string;
  period: string;
  year: number;
  value: number | null;
  bound: Bound;
  unit: string;
  status: string;
  source: string;
  note: string;
}

/** A value with its bound, as an undo restores it from the audit. */
interface BoundedValue {
  value: number | null;
  bound: Bound;
}

interface EditRow {
  id: number;
  entity: string;
  entity_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  edited_at: string;
  undone_at: string | null;
}

const MAX_TEXT = 2000;

function toRecord(r: EditRow): EditRecord {
  return {
    id: r.id,
    observationId: Number(r.entity_id),
    field: r.field as EditableField,
    oldValue: r.old_value,
    newValue: r.new_value,
    editedAt: r.edited_at,
    undoneAt: r.undone_at,
  };
}

function load(db: Database.Database, id: number): ObservationRow {
  const row = db.prepare('SELECT id, indicator, region, period, year, value, bound, unit, status, source, note FROM observations WHERE id = ?').get(id) as ObservationRow | undefined;
  if (!row) throw new DataError('edit.not-found', { id });
  return row;
}

function gridRow(db: Database.Database, id: number): GridRow {
  return rowsByIds(db, [id])[0]!;
}

/** The stored text of a field, as the audit keeps it: a value with its bound's sign ("≥6000"). */
function fieldText(row: ObservationRow, field: EditableField): string | null {
  const v = row[field];
  if (v === null) return null;
  return field === 'value' ? `${boundSign(row.bound)}${String(v)}` : String(v);
}

const SIGNS: Readonly<Record<string, Bound>> = { '≥': 'lower', '≤': 'upper', '≈': 'approx' };

/** A value as the audit wrote it (fieldText), read back exactly. */
function auditValue(text: string): BoundedValue {
  const bound = SIGNS[text.charAt(0)];
  return bound ? { value: Number(text.slice(1)), bound } : { value: Number(text), bound: 'exact' };
}

/** A value typed by the user, read like an imported cell in the row's unit ("1.2万亿" in 亿元 → 12000). */
function parseValue(input: string | number | null, unit: string): number | null {
  if (input === null) return null;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new DataError('edit.value', { text: String(input) });
    return input;
  }
  const p = parseNumber(input);
  if (p.kind === 'missing') return null;
  if (p.kind === 'invalid') throw new DataError('edit.value', { text: input });
  const context = parseUnit(unit);
  if (p.percent && context && context.kind !== 'percent') throw new DataError('edit.value', { text: input });
  if (!p.unit) return p.value;
  const given = withMagnitude(p.unit, context);
  if (context && given.unit !== context.unit) throw new DataError('edit.value', { text: input });
  return toStoredValue(p.value, given);
}

function checkKeyFree(db: Database.Database, row: ObservationRow, period: string, status: string): void {
  const other = db.prepare('SELECT id FROM observations WHERE indicator = ? AND region = ? AND period = ? AND status = ? AND id <> ?').get(row.indicator, row.region, period, status, row.id);
  if (other) throw new DataError('edit.conflict', { indicator: row.indicator, region: row.region, period, status });
}

/** Write a value and its bound; returns the audit's text. */
function setValue(db: Database.Database, row: ObservationRow, { value, bound }: BoundedValue): string | null {
  // A missing value bounds nothing.
  const stored: Bound = value === null ? 'exact' : bound;
  db.prepare('UPDATE observations SET value = ?, bound = ? WHERE id = ?').run(value, stored, row.id);
  return value === null ? null : `${boundSign(stored)}${String(value)}`;
}

/** Write `text` (the audit's form of a value) into a field, validating it. */
function apply(db: Database.Database, row: ObservationRow, field: EditableField, input: string | number | null): string | null {
  switch (field) {
    case 'value':
      // "超6000" stays a lower bound; a number typed alone is exact.
      return setValue(db, row, { value: parseValue(input, row.unit), bound: typeof input === 'string' ? boundOfText(input) : 'exact' });
    case 'status': {
      const s = parseStatus(String(input ?? ''));
      if (!s) throw new DataError('edit.status', { text: String(input ?? '') });
      checkKeyFree(db, row, row.period, s);
      db.prepare('UPDATE observations SET status = ? WHERE id = ?').run(s, row.id);
      return s;
    }
    case 'period': {
      const p = parsePeriod(String(input ?? ''));
      if (!p) throw new DataError('edit.period', { text: String(input ?? '') });
      checkKeyFree(db, row, p.period, row.status);
      db.prepare('UPDATE observations SET period = ?, year = ? WHERE id = ?').run(p.period, p.year, row.id);
      return p.period;
    }
    case 'unit':
    case 'source':
    case 'note': {
      const text = String(input ?? '').trim().slice(0, MAX_TEXT);
      db.prepare(`UPDATE observations SET ${field} = ? WHERE id = ?`).run(text, row.id);
      return text;
    }
  }
}

function checkField(field: string): EditableField {
  if (!(EDITABLE_FIELDS as readonly string[]).includes(field)) throw new DataError('edit.field', { field });
  return field as EditableField;
}

/** Change one field of one observation; returns the audit record and the row as the grid shows it. */
export function editObservation(db: Database.Database, input: { id: number; field: string; value: string | number | null }): EditResult {
  assertIdle(db);
  const field = checkField(input.field);
  return db
    .transaction((): EditResult => {
      const row = load(db, input.id);
      const oldValue = fieldText(row, field);
      const newValue = apply(db, row, field, input.value);
      const info = db
        .prepare("INSERT INTO edits (entity, entity_id, field, old_value, new_value, edited_at) VALUES ('observation', ?, ?, ?, ?, ?)")
        .run(String(row.id), field, oldValue, newValue, new Date().toISOString());
      const edit = toRecord(db.prepare('SELECT * FROM edits WHERE id = ?').get(info.lastInsertRowid) as EditRow);
      return { edit, row: gridRow(db, row.id) };
    })
    .immediate();
}

/**
 * Undo an edit: the field goes back to its old value, provided it still holds what the edit wrote
 * (a newer edit of the same field must be undone first).
 */
export function undoEdit(db: Database.Database, editId: number): EditResult {
  assertIdle(db);
  return db
    .transaction((): EditResult => {
      const e = db.prepare("SELECT * FROM edits WHERE id = ? AND entity = 'observation'").get(editId) as EditRow | undefined;
      if (!e) throw new DataError('edit.not-found', { id: editId });
      if (e.undone_at) throw new DataError('edit.already-undone', { id: editId });
      const field = checkField(e.field);
      const row = load(db, Number(e.entity_id));
      const current = fieldText(row, field);
      if (current !== e.new_value) throw new DataError('edit.stale', { id: editId, current: current ?? '' });
      if (field === 'value' && e.old_value !== null) setValue(db, row, auditValue(e.old_value));
      else apply(db, row, field, e.old_value);
      db.prepare('UPDATE edits SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), editId);
      return { edit: toRecord(db.prepare('SELECT * FROM edits WHERE id = ?').get(editId) as EditRow), row: gridRow(db, row.id) };
    })
    .immediate();
}

/** The audit trail of observation edits, newest first; for one observation when given. */
export function listEdits(db: Database.Database, options: { observationId?: number; limit?: number } = {}): EditRecord[] {
  const limit = Math.min(Math.max(options.limit ?? 200, 1), 10_000);
  const rows =
    options.observationId === undefined
      ? db.prepare("SELECT * FROM edits WHERE entity = 'observation' ORDER BY id DESC LIMIT ?").all(limit)
      : db.prepare("SELECT * FROM edits WHERE entity = 'observation' AND entity_id = ? ORDER BY id DESC LIMIT ?").all(String(options.observationId), limit);
  return (rows as EditRow[]).map(toRecord);
}
