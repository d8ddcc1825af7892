// The parse worker: runs the parsing pipeline off the writing thread, so that reading, decoding and
// validating a large file overlaps with SQLite inserting the previous batches. Batches are sent with
// their typed arrays transferred, and only while the writer has granted credit, so memory stays flat
// when parsing is faster than writing.

import { parentPort, workerData } from 'node:worker_threads';
import { parseFile, type PipelineInput } from './parse-pipeline';
import { DataError } from './problems';
import type { ParsedBatch } from './row-mapper';

/** Batches the worker may have in flight before the writer acknowledges one. */
const WORKER_CREDITS = 3;

function transferables(b: ParsedBatch): ArrayBuffer[] {
  return [b.indicator, b.region, b.period, b.unit, b.status, b.source, b.note, b.measure, b.value, b.originalEnd, b.row, b.column].map((a) => a.buffer as ArrayBuffer);
}

async function run(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const abort = new AbortController();
  let credits = WORKER_CREDITS;
  let wake: (() => void) | null = null;
  port.on('message', (m: { type: string }) => {
    if (m.type === 'credit') {
      credits++;
      wake?.();
    } else if (m.type === 'abort') {
      abort.abort();
      wake?.();
    }
  });
  try {
    for await (const ev of parseFile(workerData as PipelineInput, abort.signal)) {
      if (ev.type === 'batch') {
        while (credits <= 0 && !abort.signal.aborted) await new Promise<void>((r) => (wake = r));
        if (abort.signal.aborted) break;
        credits--;
        port.postMessage(ev, transferables(ev.batch));
      } else port.postMessage(ev);
    }
  } catch (e) {
    port.postMessage({
      type: 'error',
      code: e instanceof DataError ? e.code : null,
      params: e instanceof DataError ? e.params : {},
      message: e instanceof Error ? e.message : String(e),
    });
  }
  port.close();
}

void run();
