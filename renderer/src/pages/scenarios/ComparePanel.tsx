import { useEffect, useMemo, useState } from 'react';
import { localName, scenarioName, type NamedCode, type ScenarioEvidence, type ScenarioSummary } from '../../../../shared/api/scenarios-contract';
import { noBases, targetVerdict, type BacktestResult, type ScenarioBases } from '../../../../shared/engine';
import { projectionBound } from '../../../../shared/engine/backtest';
import type { Locale } from '../../../../shared/format/number';
import { baseWriter, chartValues, noValues, pageStyle, projectionValues, writeValue } from '../../../../shared/format/scenario-units';
import { baseNote, verdictText } from '../../../../shared/i18n/scenario-base-text';
import { useApp } from '../../app-context';
import { overlayChart } from '../scenario-charts';
import { diffAssumptions, groupHeading, type Draft } from './assumptions';
import { ChartCard } from './ChartCard';
import { groupByMeasure, outcomeRows, type Outcome } from './compare';
import { baseRefs, liveModel, refKey, type LatestActuals } from './live-model';
import { evidenceQuery } from './use-scenario-figures';
import { measureLabel, type PlanMeasures } from '../../../../shared/monitor/scenario-targets';

/**
 * 2–4 scenarios side by side: each target's outcome, the totals drawn and the assumptions that differ
 * highlighted. Scenarios on different measures (口径) are not comparable: each measure has its own
 * chart, a target row names the measure it is judged on (a plan target's, else its scenarios') and is
 * compared only with the scenarios on it.
 */
/** A target's label with its year, unless the label says it already (2027年占GDP比重50%以上, not …（2027）). */
function withYear(label: string, year: number, locale: Locale): string {
  if (label.includes(String(year))) return label;
  return locale === 'en' ? `${label} (${year})` : `${label}（${year}）`;
}

export function ComparePanel({ list, initial, backtest, plan }: { list: ScenarioSummary[]; initial: number[]; backtest: BacktestResult | null; plan: PlanMeasures }) {
  const { client, locale, t, describeError } = useApp();
  const [chosen, setChosen] = useState<number[]>(initial.slice(0, 4));
  const [drafts, setDrafts] = useState<Map<number, Draft>>(new Map());
  // What each saved scenario's bases are as figures (a lower bound, a derived value), from the service.
  const [bases, setBases] = useState<Map<number, ScenarioBases>>(new Map());
  const [latest, setLatest] = useState<LatestActuals>(new Map());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const missing = chosen.filter((id) => !drafts.has(id));
    if (!missing.length) return;
    Promise.all(missing.map((id) => client.call('scenarios.get', { id }))).then(
      async (got) => {
        const refs = got.flatMap((g) => baseRefs(g.definition as Draft));
        const found = refs.length ? await client.call('scenarios.latestActuals', { refs }) : [];
        const runs = await Promise.all(missing.map((id) => client.call('scenarios.run', { id })));
        if (!live) return;
        setBases((cur) => new Map([...cur, ...missing.map((id, i) => [id, runs[i]!.projection.bases ?? noBases] as const)]));
        setLatest((cur) => new Map([...cur, ...refs.map((r, i) => [refKey(r), found[i] ?? null] as const)]));
        setDrafts((cur) => new Map([...cur, ...got.map((g) => [g.id, g.definition as Draft] as const)]));
      },
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [chosen, drafts, client, describeError]);

  const groups = useMemo(
    () =>
      groupByMeasure(
        chosen.flatMap((id) => {
          const draft = drafts.get(id);
          const summary = list.find((s) => s.id === id);
          if (!draft || !summary) return [];
          const live = liveModel(draft, latest);
          return [{ id, name: scenarioName(summary, locale), measure: summary.measure, draft, projection: live.projection, resolved: live.resolved }];
        }),
      ),
    [chosen, drafts, latest, locale, list],
  );
  // Columns go measure by measure, so that the scenarios a target is compared with stand together.
  const runs = useMemo(() => groups.flatMap((g) => g.runs), [groups]);
  const diff = useMemo(() => diffAssumptions(runs.map((r) => r.draft)), [runs]);
  const measureName = (measure: NamedCode | null) => (measure ? localName(measure, locale) : t('scenario.measureUnstated'));
  // Per measure, the plan targets on it in the scenarios' years and their published figures, drawn on its chart.
  const queries = useMemo(
    () => groups.flatMap((g) => (g.measure ? [evidenceQuery(g.runs.flatMap((r) => (r.resolved ? [r.resolved] : [])))] : [])).flatMap((q) => (q ? [JSON.stringify(q)] : [])),
    [groups],
  );
  const [evidence, setEvidence] = useState<Map<string, ScenarioEvidence>>(new Map());
  useEffect(() => {
    let live = true;
    const missing = queries.filter((q) => !evidence.has(q));
    if (!missing.length) return;
    Promise.all(missing.map((q) => client.call('scenarios.evidence', JSON.parse(q) as NonNullable<ReturnType<typeof evidenceQuery>>))).then(
      (got) => live && setEvidence((cur) => new Map([...cur, ...missing.map((q, i) => [q, got[i]!] as const)])),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [queries, evidence, client, describeError]);
  const overlays = useMemo(
    () =>
      groups.flatMap((g) => {
        const projected = g.runs.flatMap((r) => (r.projection ? [{ id: r.id, projection: r.projection }] : []));
        if (!projected.length) return [];
        const measure = g.measure ? { code: g.measure.code, name: localName(g.measure, locale) } : null;
        const query = evidenceQuery(g.runs.flatMap((r) => (r.resolved ? [r.resolved] : [])));
        const found = (query && evidence.get(JSON.stringify(query))) ?? null;
        return [{ key: g.key, ids: projected.map((r) => r.id), plan: overlayChart(projected, locale, backtest, measure, plan, bases, found) }];
      }),
    [groups, locale, backtest, plan, bases, evidence],
  );
  // One decision per unit for every number of the comparison: its table, notes and charts (shared/format/scenario-units.ts).
  const style = useMemo(() => {
    const values = noValues();
    for (const r of runs) if (r.projection) projectionValues(r.projection, values);
    for (const o of overlays) chartValues(o.plan.data, values);
    return pageStyle(locale, values);
  }, [runs, overlays, locale]);
  // Each scenario starting from a bound or a derived value says so once, as on its own page.
  const notes = runs.flatMap((r) => {
    const note = r.projection ? baseNote(r.name, bases.get(r.id) ?? noBases, locale, baseWriter(style)) : '';
    return note ? [{ id: r.id, note }] : [];
  });
  // One row per target and measure: the same target on two measures is two rows, each named by its measure.
  const rows = outcomeRows(groups, runs, plan);
  // A projection from a bounded base is a bound (≥), as on the scenario's own page.
  const outcome = (x: Outcome, id: number) =>
    `${x.flag ? t(x.flag === 'above-100' ? 'scenario.share.above100' : 'scenario.share.gdpNotPositive') : writeValue(style, x.value, x.unit, projectionBound(x.kind, bases.get(id) ?? noBases))} · ${verdictText(targetVerdict(x, bases.get(id) ?? noBases), x.kind, bases.get(id) ?? noBases, locale)}`;
  const join = locale === 'zh' ? '、' : ', ';

  const toggle = (id: number, on: boolean) => setChosen((cur) => (on ? [...cur, id].slice(0, 4) : cur.filter((x) => x !== id)));
  return (
    <div className="compare" data-testid="compare">
      <div className="toolbar wrap">
        <span>{t('scenario.compare.pick')}</span>
        {list.map((s) => (
          <label key={s.id} className="check">
            <input type="checkbox" checked={chosen.includes(s.id)} disabled={!chosen.includes(s.id) && chosen.length >= 4} onChange={(e) => toggle(s.id, e.target.checked)} />
            {scenarioName(s, locale)}
          </label>
        ))}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {chosen.length < 2 ? (
        <p className="muted">{t('scenario.compare.needTwo')}</p>
      ) : (
        <>
          {groups.length > 1 && (
            <p className="warning measure-split" role="note" data-testid="compare-measures">
              {t('scenario.compare.byMeasure', {
                groups: groups.map((g) => t('scenario.compare.group', { measure: measureName(g.measure), names: g.runs.map((r) => r.name).join(join) })).join(locale === 'zh' ? '；' : '; '),
              })}
            </p>
          )}
          <h3>{t('scenario.compare.outcomes')}</h3>
          <table className="outcomes" data-testid="compare-outcomes">
            <thead>
              <tr>
                <th>{t('col.target')}</th>
                <th>{t('scenario.col.measure')}</th>
                {runs.map((r) => (
                  <th key={r.id}>
                    {r.name}
                    <span className="column-measure">{measureName(r.measure)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ key, measure, target, cells }) => (
                <tr key={key} data-measure={measure ?? ''}>
                  <td>{withYear(locale === 'en' ? (target.labelEn ?? target.label) : target.label, target.year, locale)}</td>
                  <td className="measure-cell">{measure === null ? t('scenario.measureUnstated') : measureLabel(plan, measure, locale)}</td>
                  {cells.map((cell, i) => (
                    <td
                      key={runs[i]!.id}
                      className={cell.kind === 'other-measure' ? 'other-measure' : cell.kind === 'outcome' ? (cell.outcome.met ? 'met-cell' : 'missed-cell') : undefined}
                    >
                      {cell.kind === 'other-measure' ? t('scenario.compare.otherMeasure') : cell.kind === 'outcome' ? outcome(cell.outcome, runs[i]!.id) : '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {notes.length > 0 && (
            <ul className="base-notes" data-testid="compare-base-notes">
              {notes.map((n) => (
                <li key={n.id}>{n.note}</li>
              ))}
            </ul>
          )}
          <div className="chart-grid">
            {overlays.map((o) => (
              <div key={o.key} data-testid="compare-chart" data-measure={o.key}>
                <ChartCard plan={o.plan} scenarioIds={o.ids} height={340} units={style.units} />
              </div>
            ))}
          </div>
          <h3>{t('scenario.compare.assumptions')}</h3>
          <table className="outcomes diff" data-testid="compare-assumptions">
            <thead>
              <tr>
                <th>{t('scenario.col.group')}</th>
                <th>{t('scenario.col.field')}</th>
                {runs.map((r) => (
                  <th key={r.id}>{r.name}</th>
                ))}
                <th>{t('scenario.col.unit')}</th>
              </tr>
            </thead>
            <tbody>
              <tr className={groups.length > 1 ? 'differs' : undefined} data-path="measure">
                <td>{t('scenario.group.general')}</td>
                <td>{t('scenario.col.measure')}</td>
                {runs.map((r) => (
                  <td key={r.id}>{measureName(r.measure)}</td>
                ))}
                <td />
              </tr>
              {diff.map((row) => (
                <tr key={row.key} className={row.differs ? 'differs' : undefined} data-path={row.path}>
                  <td>{groupHeading(row.group, locale, t)}</td>
                  <td>{t(row.field)}</td>
                  {row.values.map((v, i) => (
                    <td key={runs[i]!.id}>{v === '' ? '—' : row.optionPrefix ? t(`${row.optionPrefix}${v}`) : v}</td>
                  ))}
                  <td>{row.unit ? t(`scenario.unit.${row.unit}`) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
