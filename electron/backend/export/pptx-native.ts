// Native, editable PowerPoint charts for the templates that map onto PowerPoint's chart types: lines
// (with each target as an extra flat series), stacked areas and bars, the fan as stacked areas on a
// transparent base, the waterfall as stacked bars on an invisible base. Tornado and bullet charts
// have no native equivalent and go to the slide as images.
//
// pptxgenjs writes one dash, one marker and one label setting per chart, so what differs by series or
// by point is returned alongside the chart (SeriesStyle) and written by the post-processing step:
// each series' dash (projections dashed, targets flat) and marker (the image's symbol, hollow where
// the image's is), and labels with their own text on single points (the end labels the image draws,
// the waterfall's values with "≥" on a bound). What the image draws over the plot and a chart cannot
// (the deadline lines, the 口径变化 markers, the shaded 预测期, the target lines' labels, which a data
// label would wrap and could only put on a point) is returned as PlotMarks and TargetLabels and drawn
// by pptx-plot.ts as shapes over the chart's plot area, whose value axes are fixed (the image's 1-2-5
// steps) so that a value's place is known. The chart files: pptx-series.ts (the data as named
// series), pptx-lines.ts and pptx-bars.ts (the charts by kind). Projected-only years are also
// labelled "2025E", which a table read out of the chart keeps; a bound ("超过1万亿元" is ≥) is also
// said in the series name, or for a waterfall's step in its category ("2020年（下限值）"), as is the
// measure a stretch after a definition break is on, and, where the chart draws more than one measure,
// every series' measure (a reader of the chart's data sees no marker). Series names otherwise say
// what the image's legend says (the axis a series reads on where two units meet, 90%区间 for a band).
import type PptxGenJS from 'pptxgenjs';
import type { ChartData } from '../../../shared/charts/data';
import { createFrame, DEFAULT_FONT_STACK } from '../../../shared/charts/frame';
import type { ChartSpec } from '../../../shared/charts/spec';
import { regionsOf } from '../../../shared/charts/templates/regional-comparison';
import { regionalBars, stackedChart, waterfallChart } from './pptx-bars';
import { fanChart, linesChart } from './pptx-lines';

/** DrawingML's marker symbols that the image's symbols map to. */
export type MarkerSymbol = 'circle' | 'square' | 'triangle' | 'diamond';

export interface PointLabel {
  /** The category index of the point. */
  idx: number;
  text: string;
  /** Above the point, or to its right (an end label). */
  position: 't' | 'r';
}

export interface SeriesStyle {
  dash: 'solid' | 'dash' | 'sysDash';
  /** The image's marker; null for flat target lines and for bars and areas, which carry none. */
  marker: { symbol: MarkerSymbol; hollow: boolean } | null;
  /** Labels on single points, in the series' colour (the hidden carrier series: in the text colour). */
  labels?: PointLabel[];
  /** A line drawn without stroke: it only carries labels (the waterfall's values above the bars). */
  invisible?: boolean;
}

/**
 * What the image draws over the plot between or on the years, as the templates' marks layer does
 * (marksSeries): deadlines on their year, a definition break half a year before its first year on
 * the new measure, the 预测期 from half a year before the first projected year to the axis' end.
 */
export interface PlotMarks {
  deadlines: Array<{ year: number; text: string }>;
  /** `text` names both measures; `short` (口径变化) is used where that does not fit. */
  breaks: Array<{ year: number; text: string; short: string }>;
  projection: { from: number; text: string } | null;
}

export interface NativeChart {
  types: PptxGenJS.IChartMulti[];
  options: PptxGenJS.IChartOpts;
  /** One entry per series, in the order they appear in the chart XML. */
  styles: SeriesStyle[];
  /** Series kept out of the legend (invisible bases). */
  hiddenLegend?: number[];
  /** The chart's years and the marks drawn over them; absent where the categories are no years (the waterfall's steps). */
  yearPlot?: YearPlot;
  /** The target lines' labels, drawn over the chart beside their lines (pptx-plot.ts). */
  targets: TargetLabel[];
}

/** A target line's label: its text ("目标：≥1万亿元（2022年）") and the line's value in its axis' scale. */
export interface TargetLabel {
  text: string;
  value: number;
  /** The value axis it reads on: 0 the primary, 1 the secondary. */
  axis: 0 | 1;
}

export interface YearPlot {
  /** The category axis' years, one category each. */
  years: number[];
  /**
   * Whether the first and last year sit on the plot's edges (areas, as the image draws them) rather
   * than in the middle of a category's band; written into the chart (crossBetween) so marks align.
   */
  onEdges: boolean;
  marks: PlotMarks;
  /** Each value axis' fixed range, in its scale, so that the marks over the plot know where a value falls. */
  extents: Array<{ min: number; max: number }>;
}

/** The native chart for a spec, or null when the slide should carry the chart as an image. */
export function nativeChart(spec: ChartSpec, data: ChartData): NativeChart | null {
  const frame = createFrame(spec, data, { fontFamily: DEFAULT_FONT_STACK });
  switch (spec.template) {
    case 'target-trajectory':
      return linesChart(frame, data.series.filter((s) => s.kind !== 'target').length <= 4, spec.options.deadlineMarker);
    case 'share-of-gdp':
      return linesChart(frame, data.series.filter((s) => s.kind !== 'target').length <= 4, true);
    case 'indicator-series':
      return linesChart(frame, false, true);
    case 'regional-comparison':
      return spec.options.mode === 'lines' ? linesChart(frame, regionsOf(data.series).length <= 5, true) : regionalBars(frame);
    case 'scenario-fan':
      return fanChart(frame);
    case 'stacked-components':
      return stackedChart(frame, spec.options.mode, spec.options.showTotal);
    case 'contribution-waterfall':
      return waterfallChart(frame);
    case 'tornado':
    case 'target-progress':
      return null;
  }
}
