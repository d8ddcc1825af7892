import { useDeferredValue, useMemo } from 'react';
import { EngineError, importance, type ResolvedScenario } from '../../../../shared/engine';
import { formatPlain } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { EChart } from '../../components/EChart';
import { importanceOption } from './mc-charts';

/** Draws of the importance sample: ρ to about ±0.01 (1/√n), in some 20 ms for the seeds. */
export const importanceDraws = 10_000;

/**
 * Importance beside the tornado: each drawn driver's rank correlation with the same output over a
 * Monte Carlo sample (the engine's `importance`, seed 1), with what it means in one line. Computed
 * from a deferred copy of the scenario, so typing in the sheet is not held up by the sample.
 */
export function ImportanceChart({ scenario, output, year, what }: { scenario: ResolvedScenario; output: 'total' | 'share'; year: number; what: string }) {
  const { locale, t } = useApp();
  const deferred = useDeferredValue(scenario);
  const result = useMemo(() => {
    try {
      return importance(deferred, { draws: importanceDraws, seed: 1, output: { metric: output, year } });
    } catch (error) {
      if (error instanceof EngineError) return null;
      throw error;
    }
  }, [deferred, output, year]);
  const noise = result ? 2 * result.standardError : 0;
  const option = useMemo(() => {
    if (!result || !result.drivers.length) return null;
    const name = (id: string, label: string) => (id === 'gdp' || id === 'uplift' ? t(`scenario.driver.${id}`) : label);
    return importanceOption(
      result.drivers.map((d) => ({ name: name(d.driver, d.label), correlation: d.correlation })),
      noise,
      locale,
      t('scenario.importance.constant'),
    );
  }, [result, noise, locale, t]);
  return (
    <figure className="chart-card mc-chart" data-testid="chart-importance">
      <figcaption className="mc-chart-title">{t('scenario.importance.title')}</figcaption>
      {option ? <EChart option={option} height={250} /> : <p className="muted">{t('scenario.importance.none')}</p>}
      {option && (
        <figcaption className="muted mc-chart-note" data-testid="importance-explain">
          {t('scenario.importance.explain', { what, draws: formatPlain(importanceDraws, locale, 0, true), noise: formatPlain(noise, locale, 2) })}
        </figcaption>
      )}
    </figure>
  );
}
