// The Monte Carlo worker's messages and the handler behind them, kept apart from the Worker global
// so the protocol is tested in Node: run → progress… → done | cancelled | error, cancel by run id.
import { EngineError, monteCarloSteps, type MonteCarloResult, type ResolvedScenario } from '../../../../shared/engine';

export type McRequest = { type: 'run'; runId: number; scenario: ResolvedScenario; draws: number; seed: number } | { type: 'cancel'; runId: number };

export type McReply =
  | { type: 'progress'; runId: number; done: number; total: number }
  | { type: 'done'; runId: number; result: MonteCarloResult; ms: number }
  | { type: 'cancelled'; runId: number; done: number; total: number }
  | { type: 'error'; runId: number; code: string; params: Record<string, string | number | null> };

/** About fifty progress reports per run, in whole blocks of 1,024 draws. */
export function chunkFor(draws: number): number {
  return Math.max(1024, Math.ceil(draws / 50 / 1024) * 1024);
}

/**
 * Handles requests: a run steps `monteCarloSteps` and, between chunks, awaits `pause` (a macrotask in
 * the worker) so a cancel message can arrive; a cancelled run stops at the next chunk.
 */
export function createMcHandler(post: (reply: McReply) => void, pause: () => Promise<void>, now: () => number = () => performance.now()) {
  const cancelled = new Set<number>();
  return async (request: McRequest): Promise<void> => {
    if (request.type === 'cancel') {
      cancelled.add(request.runId);
      return;
    }
    const { runId } = request;
    const started = now();
    try {
      // Each target's own histogram too: the page draws the one picked with its threshold marked.
      const steps = monteCarloSteps(request.scenario, { draws: request.draws, seed: request.seed, chunkSize: chunkFor(request.draws), targetHistograms: true });
      for (;;) {
        const step = steps.next();
        if (step.done) {
          post({ type: 'done', runId, result: step.value, ms: now() - started });
          return;
        }
        post({ type: 'progress', runId, ...step.value });
        await pause();
        if (cancelled.has(runId)) {
          post({ type: 'cancelled', runId, ...step.value });
          return;
        }
      }
    } catch (error) {
      if (error instanceof EngineError) post({ type: 'error', runId, code: `engine.${error.code}`, params: error.params });
      else post({ type: 'error', runId, code: 'scenario.mcFailed', params: { detail: error instanceof Error ? error.message : String(error) } });
    } finally {
      cancelled.delete(runId);
    }
  };
}
