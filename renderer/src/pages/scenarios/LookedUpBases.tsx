import type { ValueStyle } from '../../../../shared/charts/number-format';
import type { ResolvedScenario } from '../../../../shared/engine';
import { componentName } from '../../../../shared/i18n/scenario-names';
import { measureLabel, type PlanMeasures } from '../../../../shared/monitor/scenario-targets';
import { localName } from '../../../../shared/api/scenarios-contract';
import { writeValue } from '../../../../shared/format/scenario-units';
import { useApp } from '../../app-context';
import type { LookedUp } from './looked-up';

/**
 * The bases the scenario takes from the workspace's published figures, each as the figure it is: its
 * indicator and region by name, year, value with its bound (≥6000亿元 of "超6000亿元") in the page's
 * style, measure and source; a digital-economy base on another measure than the scenario's is said to
 * be so.
 */
export function LookedUpBases({ lookedUp, scenario, plan, style }: { lookedUp: readonly LookedUp[]; scenario: ResolvedScenario; plan: PlanMeasures; style: ValueStyle }) {
  const { locale, t } = useApp();
  if (!lookedUp.length) return null;
  const own = scenario.measure ?? null;
  return (
    <ul className="looked-up muted" data-testid="scenario-looked-up">
      {lookedUp.map(({ path, figure }) => {
        const index = /^components\[(\d+)\]/.exec(path);
        const component = index ? scenario.components[Number(index[1])] : undefined;
        const base = component ? t('scenario.lookedUp.component', { name: componentName(component, locale) }) : t('scenario.lookedUp.gdp');
        const params = {
          base,
          indicator: localName(figure.named.indicator, locale),
          region: localName(figure.named.region, locale),
          year: figure.year,
          value: writeValue(style, figure.value, '亿元', figure.bound),
          measure: measureLabel(plan, figure.measure, locale),
          source: figure.source,
        };
        const otherMeasure = component && own !== null && figure.measure !== own;
        return (
          <li key={path} data-path={path} data-bound={figure.bound} data-measure={figure.measure}>
            {t(figure.source ? 'scenario.lookedUp.rowSource' : 'scenario.lookedUp.row', params)}
            {otherMeasure && <span className="warning"> {t('scenario.lookedUp.otherMeasure', { measure: params.measure, scenarioMeasure: measureLabel(plan, own, locale) })}</span>}
          </li>
        );
      })}
    </ul>
  );
}
