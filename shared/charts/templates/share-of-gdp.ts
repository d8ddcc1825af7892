// Share of GDP: the digital economy's share against the plan's thresholds (40% by 2022, 50% by
// 2027). Shares of GDP are in %, the only unit this template takes.
import type { EChartsOption } from 'echarts';
import { ChartBuildError } from '../errors';
import type { Frame } from '../frame';
import { trajectoryOption } from './target-trajectory';

export function shareOfGdp(frame: Frame): EChartsOption {
  const units = [...new Set(frame.data.series.map((s) => s.unit))];
  if (units.some((u) => u !== '%')) {
    throw new ChartBuildError('MIXED_UNITS', { template: 'share-of-gdp', units }, 'A share of GDP is drawn in %');
  }
  return trajectoryOption(frame, true);
}
