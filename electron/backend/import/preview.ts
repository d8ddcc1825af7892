// The preview: everything the user needs to decide before committing, from one full read of the file
// and no write: encoding guess, sheets, detected layout and mapping, note rows, the first 50 parsed
// observations, every problem (first 200 listed), conflicts with the workspace and an earlier import
// of the same file.

import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { allIndicators } from '../db/access';
import { Catalogue } from './catalogue';
import { CodeTables } from './code-tables';
import { boundAt, checkMeasureOption, HELD_FIGURE_SQL, measureRefs, sameFigure, sourceFromNotes, sourceNoteOf, type HeldFigure } from './commit';
import { findDuplicate, hashFile } from './history';
import { parseEvents } from './parse-source';
import { clipText, PROBLEM_SEVERITY, ProblemList } from './problems';
import type { ParsedBatch } from './row-mapper';
import { STATUSES, type ImportOptions, type ImportPreview, type RunControl, type SampleObservation, type Status } from './types';

const SAMPLE_SIZE = 50;
const PROGRESS_MS = 100;
const LIST_NAMES = 50;
/** Longest text the preview shows of a name, note or source (the commit stores the whole of it). */
const SHOWN_TEXT = 1000;
const SHOWN_SOURCE_NOTE = 10_000;

/** Keys seen so far in the file, without a string per row: (indicator, region) → period × 8 + status index. */
class KeySet {
  private readonly sets = new Map<number, Set<number>>();
  addIsNew(indicator: number, region: number, period: number, status: number): boolean {
    const outer = indicator * 0x200000 + region;
    let inner = this.sets.get(outer);
    if (!inner) {
      inner = new Set();
      this.sets.set(outer, inner);
    }
    const key = period * 8 + status;
    if (inner.has(key)) return false;
    inner.add(key);
    return true;
  }
}

export async function previewImport(db: Database.Database, filePath: string, options: ImportOptions = {}, control: RunControl = {}): Promise<ImportPreview> {
  const fileName = options.fileName ?? basename(filePath);
  const size = await stat(filePath).then((s) => s.size, () => 0);
  checkMeasureOption(db, options.measure);
  const catalogue = new Catalogue(db);
  const events = parseEvents({ filePath, fileName, options, regionNames: catalogue.regionNames(), measures: measureRefs(db) }, size, control.useWorker, control.signal);
  // Parsing starts while this thread hashes the file.
  const firstEvent = events.next();
  firstEvent.catch(() => undefined);
  const sha256 = await hashFile(filePath).catch(() => '');
  const first = await firstEvent;
  if (first.done || first.value.type !== 'layout') throw new Error('parse pipeline gave no layout');
  const { meta, layout, head } = first.value;
  const problems = new ProblemList({ file: fileName, sheet: meta.sheet });
  if (meta.encoding && meta.encoding.confidence < 0.6 && !meta.encoding.override) {
    problems.add('encoding.uncertain', { encoding: meta.encoding.name, confidence: meta.encoding.confidence });
  }
  for (const p of layout.problems) problems.add(p.code, p.params, p.row, p.column);
  const duplicateOf = sha256 ? findDuplicate(db, sha256) : null;
  if (duplicateOf) problems.add('file.duplicate', { importId: duplicateOf.id, fileName: duplicateOf.fileName, importedAt: duplicateOf.importedAt });

  const preview: ImportPreview = {
    file: { name: fileName, sizeBytes: size, sha256, format: meta.format },
    encoding: meta.encoding,
    sheets: meta.sheets,
    sheet: meta.sheet,
    layout: layout.layout,
    mapping: layout.mapping,
    headerRow: layout.mapping.headerRow,
    notes: layout.notes,
    detected: layout.detected,
    measure: layout.measure,
    sourceNote: clipText(sourceNoteOf(layout, []), SHOWN_SOURCE_NOTE),
    rawRows: head,
    sample: [],
    rowsRead: 0,
    observations: 0,
    badObservations: 0,
    blankCells: 0,
    totalRows: 0,
    conflicts: 0,
    conflictsIdentical: 0,
    duplicatesInFile: 0,
    newIndicators: [],
    newRegions: [],
    newParents: [],
    duplicateOf,
    problems: problems.items,
    problemCount: 0,
    errorCount: 0,
  };

  if (!layout.problems.some((p) => PROBLEM_SEVERITY[p.code] === 'error')) {
    const codes = new CodeTables(catalogue);
    const keys = new KeySet();
    const held = db.prepare(`${HELD_FIGURE_SQL} WHERE o.indicator = ? AND o.region = ? AND o.period = ? AND o.status = ?`);
    // Only indicators the workspace holds rows for can conflict: skip the lookups for the others.
    const heldIndicators = new Set(db.prepare('SELECT code FROM indicators WHERE EXISTS (SELECT 1 FROM observations WHERE indicator = indicators.code)').pluck().all() as string[]);
    // The measure a row without one of its own takes from its indicator; a new indicator gets the column's default.
    const indicatorMeasure = new Map(allIndicators(db).map((r) => [r.code, r.measure]));
    const fileMeasure = layout.measure;
    const trailing: string[] = [];
    let unclosed = false;
    const started = performance.now();
    let lastProgress = 0;
    for await (const ev of events) {
      if (ev.type === 'end') {
        unclosed = ev.unclosedQuote;
        break;
      }
      if (ev.type !== 'batch') continue;
      const b = ev.batch;
      problems.merge(b.problems, b.problemTotal, b.errorTotal);
      trailing.push(...b.trailingNotes);
      await codes.absorb(b, problems);
      preview.rowsRead += b.rowsRead;
      preview.badObservations += b.badObservations;
      preview.blankCells += b.blankCells;
      preview.totalRows += b.totalRows;
      check(b);
      const now = performance.now();
      if (control.onProgress && now - lastProgress >= PROGRESS_MS) {
        lastProgress = now;
        const rate = Math.round(preview.observations / Math.max(0.001, (now - started) / 1000));
        control.onProgress({ phase: 'reading', rows: preview.observations, percent: size ? Math.min(100, (b.bytesRead / size) * 100) : 100, rate });
      }
    }
    if (unclosed) problems.add('csv.unclosed-quote');
    preview.sourceNote = clipText(sourceNoteOf(layout, trailing), SHOWN_SOURCE_NOTE);
    const fallbackSource = layout.mapping.fixed.source || layout.mapping.columns.some((c) => c.role === 'source') ? '' : sourceFromNotes(trailing);
    if (fallbackSource) for (const s of preview.sample) if (s.source === '') s.source = clipText(fallbackSource, SHOWN_TEXT);
    preview.newIndicators = codes.newIndicatorNames.slice(0, LIST_NAMES).map((n) => clipText(n, SHOWN_TEXT));
    preview.newRegions = codes.newRegionNames.slice(0, LIST_NAMES).map((n) => clipText(n, SHOWN_TEXT));
    preview.newParents = codes.newParentNames.slice(0, LIST_NAMES).map((l) => ({ name: clipText(l.name, SHOWN_TEXT), parent: clipText(l.parent, SHOWN_TEXT) }));

    function check(b: ParsedBatch): void {
      const { indicatorCode, regionCode, strings } = codes;
      let prevEnd = 0;
      for (let i = 0; i < b.count; i++) {
        const end = b.originalEnd[i]!;
        const ind = b.indicator[i]!;
        const reg = b.region[i]!;
        const indicator = indicatorCode[ind]!;
        const region = regionCode[reg]!;
        const period = strings[b.period[i]!]!;
        const status = strings[b.status[i]!]!;
        if (!keys.addIsNew(codes.indicatorKey[ind]!, codes.regionKey[reg]!, b.period[i]!, STATUSES.indexOf(status as Status))) {
          preview.duplicatesInFile++;
          preview.badObservations++;
          problems.add('row.duplicate-key', { indicator: codes.indicatorName[ind]!, region: codes.regionName[reg]!, period, status }, b.row[i]!, b.column[i]!);
          prevEnd = end;
          continue;
        }
        preview.observations++;
        const figure = heldIndicators.has(indicator) ? (held.get(indicator, region, period, status) as HeldFigure | undefined) : undefined;
        const conflict = figure !== undefined;
        if (conflict) {
          preview.conflicts++;
          const measure = (b.measure.length ? strings[b.measure[i]!]! : '') || fileMeasure.code || null;
          if (sameFigure(figure, b.value[i]!, boundAt(b, i), measure)) preview.conflictsIdentical++;
        }
        if (preview.sample.length < SAMPLE_SIZE) {
          const own = b.measure.length ? strings[b.measure[i]!]! : '';
          const sample: SampleObservation = {
            row: b.row[i]!,
            column: b.column[i]!,
            indicator: clipText(indicator, SHOWN_TEXT),
            indicatorName: clipText(codes.indicatorName[ind]!, SHOWN_TEXT),
            parent: clipText(codes.indicatorParent[ind]!, SHOWN_TEXT),
            parentName: clipText(codes.indicatorParentName[ind]!, SHOWN_TEXT),
            region: clipText(region, SHOWN_TEXT),
            regionName: clipText(codes.regionName[reg]!, SHOWN_TEXT),
            period,
            year: codes.year[b.period[i]!]!,
            value: b.value[i]!,
            unit: strings[b.unit[i]!]!,
            original: clipText(b.original.substring(prevEnd, end), SHOWN_TEXT),
            status: status as Status,
            source: clipText(strings[b.source[i]!]!, SHOWN_TEXT),
            note: clipText(strings[b.note[i]!]!, SHOWN_TEXT),
            measure: own || fileMeasure.code || (indicatorMeasure.get(indicator) ?? 'standard'),
            measureFrom: own ? 'column' : fileMeasure.code ? fileMeasure.from! : 'indicator',
            conflict,
          };
          preview.sample.push(sample);
        }
        prevEnd = end;
      }
    }
  } else {
    await events.return(undefined);
  }
  preview.problemCount = problems.total;
  preview.errorCount = problems.errors;
  return preview;
}
