// The workspace figures the Scenarios page reads beside the scenario it edits: what the saved
// scenario's bases are as figures (scenarios.run), the latest actuals its bases written
// {indicator, region} resolve to (with bound and measure), and the plan targets on its measure in
// its years with the published figures they rest on (scenarios.evidence), for its charts.
import { useEffect, useState } from 'react';
import type { ScenarioEvidence } from '../../../../shared/api/scenarios-contract';
import { noBases, type ResolvedScenario, type ScenarioBases } from '../../../../shared/engine';
import { useApp } from '../../app-context';
import type { Draft } from './assumptions';
import { baseRefs, refKey, type LatestActuals } from './live-model';

/** What scenarios.evidence is asked for a scenario: its measure, its years and its regions; null when it names no measure. */
export function evidenceQuery(scenarios: readonly ResolvedScenario[]): { measure: string; from: number; to: number; regions: string[] } | null {
  const measure = scenarios[0]?.measure;
  if (measure === undefined) return null;
  const regions = scenarios.flatMap((s) => [s.gdp.baseSource?.region, ...s.components.map((c) => c.baseSource?.region), ...(s.backtest?.sources ?? []).map((src) => src.region)]);
  return {
    measure,
    from: Math.min(...scenarios.map((s) => s.baseYear)),
    to: Math.max(...scenarios.map((s) => s.horizon)),
    regions: [...new Set(regions.filter((r): r is string => r !== undefined))].sort(),
  };
}

/** Evidence for the query, refetched only when the query changes; null until it is in, or when there is no query. */
export function useEvidence(query: ReturnType<typeof evidenceQuery>, onError: (e: unknown) => void): ScenarioEvidence | null {
  const { client } = useApp();
  const key = query === null ? '' : JSON.stringify(query);
  const [got, setGot] = useState<{ key: string; evidence: ScenarioEvidence } | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    client.call('scenarios.evidence', JSON.parse(key) as NonNullable<typeof query>).then(
      (evidence) => live && setGot({ key, evidence }),
      (e: unknown) => live && onError(e),
    );
    return () => {
      live = false;
    };
  }, [key, client, onError]);
  return got && got.key === key ? got.evidence : null;
}

/** The saved scenario's bases as figures (超6000亿元 a lower bound, 45.4% × GDP derived), from the service. */
export function useSavedBases(selected: number | null, savedVersion: number | undefined, onError: (e: unknown) => void): ScenarioBases {
  const { client } = useApp();
  const [saved, setSaved] = useState<{ id: number | null; bases: ScenarioBases }>({ id: null, bases: noBases });
  useEffect(() => {
    if (selected === null || savedVersion === undefined) return;
    let live = true;
    client.call('scenarios.run', { id: selected }).then(
      (run) => live && setSaved({ id: selected, bases: run.projection.bases ?? noBases }),
      (e: unknown) => live && onError(e),
    );
    return () => {
      live = false;
    };
  }, [selected, savedVersion, client, onError]);
  return saved.id === selected ? saved.bases : noBases;
}

/** The latest actuals the draft's bases written {indicator, region} resolve to, each looked up once. */
export function useLatestActuals(draft: Draft | null, onError: (e: unknown) => void): LatestActuals {
  const { client } = useApp();
  const [latest, setLatest] = useState<LatestActuals>(new Map());
  const refsKey = JSON.stringify(draft ? baseRefs(draft) : []);
  useEffect(() => {
    const missing = (JSON.parse(refsKey) as Array<{ indicator: string; region: string }>).filter((r) => !latest.has(refKey(r)));
    if (!missing.length) return;
    client.call('scenarios.latestActuals', { refs: missing }).then(
      (found) => setLatest((cur) => new Map([...cur, ...missing.map((r, i) => [refKey(r), found[i] ?? null] as const)])),
      (e: unknown) => onError(e),
    );
  }, [refsKey, latest, client, onError]);
  return latest;
}
