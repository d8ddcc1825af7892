import { useMemo, useState } from 'react';
import type { UnitDecision } from '../../../../shared/charts/number-format';
import { useApp } from '../../app-context';
import { EChart } from '../../components/EChart';
import { chartOption, chartSpecFor, type ChartPlan } from '../scenario-charts';

/**
 * One result chart, drawn by its briefing template, with "发送到图表": the plan saved as a chart bound
 * to the scenario(s), then the Charts page opened on it. `units`: the page's decision per unit
 * (page-units.ts), which the chart's labels follow.
 */
export function ChartCard({ plan, scenarioIds, height = 320, units }: { plan: ChartPlan; scenarioIds: readonly number[]; height?: number; units?: ReadonlyMap<string, UnitDecision> }) {
  const { client, locale, t, describeError } = useApp();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const built = useMemo(() => {
    try {
      return { option: chartOption(plan, locale, units), error: null };
    } catch (e) {
      return { option: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [plan, locale, units]);
  const send = async () => {
    setSending(true);
    setError(null);
    try {
      const saved = await client.call('charts.save', { spec: chartSpecFor(plan, scenarioIds, locale) });
      window.location.hash = `#/charts?chart=${saved.id}`;
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <figure className="chart-card" data-testid={`chart-${plan.id}`}>
      {built.option ? <EChart option={built.option} height={height} /> : <p className="error">{t('scenario.chart.cannotDraw', { reason: built.error ?? '' })}</p>}
      <figcaption>
        {plan.note && (
          <span className="muted chart-note" data-testid="chart-note">
            {plan.note}
          </span>
        )}
        <button type="button" className="send-chart" disabled={sending || !built.option} onClick={() => void send()}>
          {t('scenario.sendToCharts')}
        </button>
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
