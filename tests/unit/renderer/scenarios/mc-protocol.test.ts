import { describe, expect, it } from 'vitest';
import seeds from '../../../../data/seed/scenarios.json';
import { chunkFor, createMcHandler, type McReply } from '../../../../renderer/src/pages/scenarios/mc-protocol';
import { monteCarlo, parseResolvedScenario } from '../../../../shared/engine';

const scenario = parseResolvedScenario(seeds[0]);
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('Monte Carlo worker protocol', () => {
  it('reports progress, then the same result as monteCarlo with the same seed', async () => {
    const replies: McReply[] = [];
    const handle = createMcHandler((r) => replies.push(r), tick);
    await handle({ type: 'run', runId: 1, scenario, draws: 20_000, seed: 42 });
    const progress = replies.filter((r) => r.type === 'progress');
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.map((r) => (r.type === 'progress' ? r.done : 0))).toEqual([...progress.map((r) => (r.type === 'progress' ? r.done : 0))].sort((a, b) => a - b));
    const last = replies.at(-1)!;
    expect(last.type).toBe('done');
    if (last.type !== 'done') return;
    expect(last.result).toEqual(monteCarlo(scenario, { draws: 20_000, seed: 42, targetHistograms: true }));
    expect(last.result.targetHistograms?.map((h) => [h.id, h.year, h.unit])).toEqual([
      ['A1', 2022, '亿元'],
      ['A2', 2022, '%'],
      ['P2027', 2027, '%'],
    ]);
    expect(last.result.targets.map((t) => t.id)).toEqual(['A1', 'A2', 'P2027']);
  });

  it('stops a run at the next chunk when it is cancelled, and sends no result', async () => {
    const replies: McReply[] = [];
    const handle = createMcHandler((r) => replies.push(r), tick);
    const running = handle({ type: 'run', runId: 7, scenario, draws: 200_000, seed: 1 });
    while (!replies.some((r) => r.type === 'progress')) await tick();
    await handle({ type: 'cancel', runId: 7 });
    await running;
    const last = replies.at(-1)!;
    expect(last.type).toBe('cancelled');
    if (last.type === 'cancelled') expect(last.done).toBeLessThan(200_000);
    expect(replies.some((r) => r.type === 'done')).toBe(false);
  });

  it('a cancel for another run leaves this one alone', async () => {
    const replies: McReply[] = [];
    const handle = createMcHandler((r) => replies.push(r), tick);
    const running = handle({ type: 'run', runId: 2, scenario, draws: 10_000, seed: 3 });
    await handle({ type: 'cancel', runId: 1 });
    await running;
    expect(replies.at(-1)!.type).toBe('done');
  });

  it('sends an engine error as a translatable code', async () => {
    const replies: McReply[] = [];
    await createMcHandler((r) => replies.push(r), tick)({ type: 'run', runId: 3, scenario, draws: 0, seed: 1 });
    expect(replies).toEqual([{ type: 'error', runId: 3, code: 'engine.invalid_argument', params: { name: 'draws', reason: expect.any(String) } }]);
  });

  it('reports about fifty times a run, in whole blocks', () => {
    expect(chunkFor(1000)).toBe(1024);
    expect(chunkFor(1_000_000)).toBe(20_480);
    expect(chunkFor(1_000_000) % 1024).toBe(0);
  });
});
