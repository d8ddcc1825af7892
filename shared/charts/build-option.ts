// Spec + resolved data -> ECharts option. The renderer's live preview and the backend's exports call
// this same function, so what the analyst sees is what the briefing gets.
import type { EChartsOption } from 'echarts';
import { fittedAxisSteps } from './axis-fit';
import type { ChartData } from './data';
import { createFrame, DEFAULT_FONT_STACK, type BuildEnv, type Frame } from './frame';
import { placeMarkerLabels, placeLineLabels } from './marker-layout';
import type { ChartSpec } from './spec';
import { contributionWaterfall } from './templates/contribution-waterfall';
import { indicatorSeries } from './templates/indicator-series';
import { regionalComparison } from './templates/regional-comparison';
import { scenarioFan } from './templates/scenario-fan';
import { shareOfGdp } from './templates/share-of-gdp';
import { stackedComponents } from './templates/stacked-components';
import { targetProgress } from './templates/target-progress';
import { targetTrajectory } from './templates/target-trajectory';
import { tornado } from './templates/tornado';

/** Throws ChartBuildError when the data cannot be drawn by the spec's template. */
export function buildOption(spec: ChartSpec, data: ChartData, env: BuildEnv = { fontFamily: DEFAULT_FONT_STACK }): EChartsOption {
  let frame = createFrame(spec, data, env);
  let option = templateOption(frame, spec);
  // A plot too short (or narrow) for its ticks is built again with fewer steps on its value axes.
  const steps = fittedAxisSteps(frame, option);
  if (steps) {
    frame = createFrame(spec, data, env, steps);
    option = templateOption(frame, spec);
  }
  // Bound signs and end labels are moved off other lines, then deadline and break labels placed around
  // them, once the template has laid out the whole chart.
  return placeMarkerLabels(frame, placeLineLabels(frame, option));
}

function templateOption(frame: Frame, spec: ChartSpec): EChartsOption {
  switch (spec.template) {
    case 'target-trajectory':
      return targetTrajectory(frame, spec);
    case 'share-of-gdp':
      return shareOfGdp(frame);
    case 'scenario-fan':
      return scenarioFan(frame);
    case 'tornado':
      return tornado(frame, spec);
    case 'stacked-components':
      return stackedComponents(frame, spec);
    case 'contribution-waterfall':
      return contributionWaterfall(frame);
    case 'regional-comparison':
      return regionalComparison(frame, spec);
    case 'indicator-series':
      return indicatorSeries(frame);
    case 'target-progress':
      return targetProgress(frame);
  }
}
