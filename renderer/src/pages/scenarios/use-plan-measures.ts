import { useEffect, useState } from 'react';
import { useApp } from '../../app-context';
import { planMeasures, type PlanMeasures } from '../../../../shared/monitor/scenario-targets';

/**
 * The plan targets' measures (targets.list, each target's own measure else its indicator's) and the
 * measures' names, fetched once for the page; null until they are in, so no verdict is shown before
 * it is known which targets the scenario may judge.
 */
export function usePlanMeasures(onError: (e: unknown) => void): PlanMeasures | null {
  const { client } = useApp();
  const [plan, setPlan] = useState<PlanMeasures | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([client.call('targets.list', {}), client.call('catalogue.indicators', {}), client.call('catalogue.measures', {})]).then(
      ([targets, indicators, measures]) => live && setPlan(planMeasures(targets, indicators, measures)),
      (e: unknown) => live && onError(e),
    );
    return () => {
      live = false;
    };
  }, [client, onError]);
  return plan;
}
