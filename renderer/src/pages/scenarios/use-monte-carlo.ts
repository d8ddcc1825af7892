import { useCallback, useEffect, useRef, useState } from 'react';
import type { MonteCarloResult, ResolvedScenario } from '../../../../shared/engine';
import type { McReply, McRequest } from './mc-protocol';

export type McState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  /** `scenario`: the one the run drew from, for its targets' thresholds (the draft may have moved on since). */
  | { status: 'done'; result: MonteCarloResult; ms: number; scenario: ResolvedScenario }
  | { status: 'cancelled'; done: number; total: number }
  | { status: 'error'; code: string; params: Record<string, string | number | null> };

/** One Monte Carlo worker per page; a new run supersedes the one before (its replies are ignored). */
export function useMonteCarlo() {
  const worker = useRef<Worker | null>(null);
  const runId = useRef(0);
  const running = useRef<ResolvedScenario | null>(null);
  const [state, setState] = useState<McState>({ status: 'idle' });

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const start = useCallback((scenario: ResolvedScenario, draws: number, seed: number) => {
    if (!worker.current) {
      worker.current = new Worker(new URL('./mc.worker.ts', import.meta.url), { type: 'module' });
      worker.current.onmessage = (event: MessageEvent<McReply>) => {
        const reply = event.data;
        if (reply.runId !== runId.current) return;
        if (reply.type === 'progress') setState({ status: 'running', done: reply.done, total: reply.total });
        else if (reply.type === 'done') setState({ status: 'done', result: reply.result, ms: reply.ms, scenario: running.current! });
        else if (reply.type === 'cancelled') setState({ status: 'cancelled', done: reply.done, total: reply.total });
        else setState({ status: 'error', code: reply.code, params: reply.params });
      };
    }
    runId.current += 1;
    running.current = scenario;
    setState({ status: 'running', done: 0, total: draws });
    worker.current.postMessage({ type: 'run', runId: runId.current, scenario, draws, seed } satisfies McRequest);
  }, []);

  const cancel = useCallback(() => {
    worker.current?.postMessage({ type: 'cancel', runId: runId.current } satisfies McRequest);
  }, []);

  const reset = useCallback(() => {
    runId.current += 1;
    setState({ status: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}
