// Which measures (口径) a screen tags a target or figure with. The catalogue's standard measure
// (统计部门常规口径, migration 007) is that of the quantities published on one measure only (GDP,
// revenues): there is nothing to tell it from, and a target without a linked indicator has no measure
// at all, so neither carries a tag. The measures of the digital economy, which compete (重庆市此前口径,
// 信通院广义口径, 统计局核心产业口径), always do, and so does 行业主管部门数据 (software revenue, from
// the industry's own reports), which says the figure is not the statistics offices'.

/** The measure of the quantities published on one measure only. */
export const SINGLE_MEASURE = 'standard';

/** Whether a measure is named on a tag: any but the standard one. */
export function tagsMeasure(measure: { code: string } | null | undefined): measure is { code: string } {
  return !!measure && measure.code !== SINGLE_MEASURE;
}
