// The unit of a multi-chart export: a chart with its resolved data and the analyst's notes.
import type { ChartData } from '../../../shared/charts/data';
import type { ChartSpec } from '../../../shared/charts/spec';
import type { SvgOptions } from './svg';

export interface BriefingItem {
  spec: ChartSpec;
  data: ChartData;
  /** Speaker notes for the chart's slide. */
  notes?: string;
}

export interface PackOptions extends SvgOptions {
  /** The pack's title (document properties, file names); defaults to the first chart's. */
  title?: string;
}

/** The PNG resolutions an export accepts, in dots per inch (the API's contract says the same). */
export const DPI_RANGE = { min: 96, max: 600 } as const;
