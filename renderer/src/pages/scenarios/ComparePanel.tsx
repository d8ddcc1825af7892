import { useEffect, useMemo, useState } from 'react';
import type { ScenarioSummary } from '../../../../shared/api/scenarios-contract';
import type { BacktestResult } from '../../../../shared/engine';
import { formatPercent, formatYi } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { overlayChart } from '../scenario-charts';
import { diffAssumptions, type Draft } from './assumptions';
import { ChartCard } from './ChartCard';
import { baseRefs, liveModel, refKey, type LatestActuals } from './live-model';

/** 2–4 scenarios side by side: the assumptions that differ highlighted, each target's outcome, the totals overlaid. */
export function ComparePanel({ list, initial, backtest }: { list: ScenarioSummary[]; initial: number[]; backtest: BacktestResult | null }) {
  const { client, locale, t, describeError } = useApp();
  const [chosen, setChosen] = useState<number[]>(initial.slice(0, 4));
  const [drafts, setDrafts] = useState<Map<number, Draft>>(new Map());
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
        if (!live) return;
        setLatest((cur) => new Map([...cur, ...refs.map((r, i) => [refKey(r), found[i] ?? null] as const)]));
        setDrafts((cur) => new Map([...cur, ...got.map((g) => [g.id, g.definition as Draft] as const)]));
      },
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [chosen, drafts, client, describeError]);

  const runs = useMemo(
    () =>
      chosen
        .filter((id) => drafts.has(id))
        .map((id) => ({ id, name: list.find((s) => s.id === id)?.name ?? String(id), draft: drafts.get(id)!, live: liveModel(drafts.get(id)!, latest, locale) })),
    [chosen, drafts, latest, locale, list],
  );
  const diff = useMemo(() => diffAssumptions(runs.map((r) => r.draft)), [runs]);
  const projected = useMemo(() => runs.filter((r) => r.live.projection).map((r) => ({ id: r.id, projection: r.live.projection! })), [runs]);
  const overlay = useMemo(() => (projected.length >= 2 ? overlayChart(projected, locale, backtest) : null), [projected, locale, backtest]);
  const targetIds = [...new Set(projected.flatMap((r) => r.projection.targets.map((x) => x.id)))];

  const toggle = (id: number, on: boolean) => setChosen((cur) => (on ? [...cur, id].slice(0, 4) : cur.filter((x) => x !== id)));
  return (
    <div className="compare" data-testid="compare">
      <div className="toolbar wrap">
        <span>{t('scenario.compare.pick')}</span>
        {list.map((s) => (
          <label key={s.id} className="check">
            <input type="checkbox" checked={chosen.includes(s.id)} disabled={!chosen.includes(s.id) && chosen.length >= 4} onChange={(e) => toggle(s.id, e.target.checked)} />
            {s.name}
          </label>
        ))}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {chosen.length < 2 ? (
        <p className="muted">{t('scenario.compare.needTwo')}</p>
      ) : (
        <>
          <h3>{t('scenario.compare.outcomes')}</h3>
          <table className="outcomes" data-testid="compare-outcomes">
            <thead>
              <tr>
                <th>{t('col.target')}</th>
                {runs.map((r) => (
                  <th key={r.id}>{r.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {targetIds.map((id) => {
                const first = projected.map((r) => r.projection.targets.find((x) => x.id === id)).find(Boolean)!;
                return (
                  <tr key={id}>
                    <td>
                      {locale === 'en' && first.labelEn ? first.labelEn : first.label}（{first.year}）
                    </td>
                    {runs.map((r) => {
                      const x = r.live.projection?.targets.find((o) => o.id === id);
                      return (
                        <td key={r.id} className={x ? (x.met ? 'met-cell' : 'missed-cell') : undefined}>
                          {x
                            ? `${x.flag ? t(x.flag === 'above-100' ? 'scenario.share.above100' : 'scenario.share.gdpNotPositive') : x.unit === '%' ? formatPercent(x.value, locale) : formatYi(x.value, locale)} · ${x.met ? t('scenario.met') : t('scenario.notMet')}`
                            : '—'}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {overlay && <ChartCard plan={overlay} scenarioIds={projected.map((r) => r.id)} height={340} />}
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
              {diff.map((row) => (
                <tr key={row.path} className={row.differs ? 'differs' : undefined} data-path={row.path}>
                  <td>{t(row.group.key, row.group.params)}</td>
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
