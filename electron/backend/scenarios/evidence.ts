// What a scenario's charts draw beside its own targets and backtest: the plan targets judged on its
// measure in its years, and the published figures of those targets' indicators on that measure. A
// broad-measure scenario from 2022 carries only its own 2027 share target and scores only the share,
// yet its 2022 start is where 万亿级 (A1) was judged and where CAICT published "超过1万亿元": the
// briefing chart of the same quantity draws both, and so does the scenario's own chart.
import type { ScenarioEvidence } from '../../../shared/api/scenarios-contract';
import { allIndicators, allRegions, indicatorMeasure } from '../db/access';
import type { Db } from '../db/workspace';
import { annualSeries } from '../series/figures';
import { listTargets } from '../targets/store';

/** A plan target's unit as the quantity a scenario projects and the factor to its unit (亿元, %). */
const QUANTITIES: Readonly<Record<string, { kind: 'total' | 'share'; factor: number }>> = {
  亿元: { kind: 'total', factor: 1 },
  万亿元: { kind: 'total', factor: 10_000 },
  '%': { kind: 'share', factor: 1 },
};

export interface EvidenceQuery {
  measure: string;
  from: number;
  to: number;
  /** The scenario's regions (its bases' and backtest sources'); none: every region. */
  regions: readonly string[];
  asOf: string | null;
}

export function scenarioEvidence(db: Db, query: EvidenceQuery): ScenarioEvidence {
  const inRegion = (region: string | null) => query.regions.length === 0 || (region !== null && query.regions.includes(region));
  const targets = listTargets(db).flatMap((t) => {
    const quantity = QUANTITIES[t.unit];
    const measure = t.measure ?? (t.indicator === null ? null : indicatorMeasure(db, t.indicator));
    if (!quantity || measure !== query.measure || t.value === null || t.deadline === null || t.comparator === 'qualitative') return [];
    if (t.deadline < query.from || t.deadline > query.to || !inRegion(t.region)) return [];
    const target = { code: t.code, titleZh: t.titleZh, titleEn: t.titleEn, kind: quantity.kind, value: t.value * quantity.factor, year: t.deadline, comparator: t.comparator, measure };
    return [{ target, indicator: t.indicator, region: t.region }];
  });
  const indicators = new Map(allIndicators(db).map((i) => [i.code, { code: i.code, nameZh: i.name_zh, nameEn: i.name_en }]));
  const regions = new Map(allRegions(db).map((r) => [r.code, { code: r.code, nameZh: r.name_zh, nameEn: r.name_en }]));
  const seen = new Set<string>();
  const figures = targets.flatMap(({ target, indicator, region }) => {
    const key = `${indicator}@${region}`;
    if (indicator === null || region === null || seen.has(key)) return [];
    seen.add(key);
    return annualSeries(db, indicator, region, { statuses: ['actual'], measure: query.measure, asOf: query.asOf })
      .filter((f) => f.value !== null && f.year >= query.from && f.year <= query.to && QUANTITIES[f.unit]?.kind === target.kind)
      .map((f) => ({
        target: target.code,
        kind: target.kind,
        indicator: indicators.get(indicator) ?? { code: indicator, nameZh: indicator, nameEn: '' },
        region: regions.get(region) ?? { code: region, nameZh: region, nameEn: '' },
        year: f.year,
        value: f.value! * QUANTITIES[f.unit]!.factor,
        bound: f.bound,
        measure: f.measure,
        source: f.source,
      }));
  });
  return { targets: targets.map((t) => t.target), figures };
}
