// The few words templates write themselves, in both briefing languages.
import type { Locale } from '../format/number';

const words = {
  zh: {
    target: '目标',
    projectionPeriod: '预测期',
    projected: '预测',
    sourcePrefix: '数据来源：',
    illustrative: '示意',
    derived: '推算',
    illustrativeNote: '注：标“示意”的数据为示意值，并非公布数据。',
    boundNote: (bounds: ReadonlyArray<'lower' | 'upper' | 'approx'>) =>
      `注：${bounds.map((b) => ({ lower: '≥ 为下限（公布为“超过”）', upper: '≤ 为上限（公布为“不足”）', approx: '≈ 为约数' })[b]).join('，')}。`,
    noData: '无数据',
    definitionBreak: '口径变化',
    definitionBreakBetween: (from: string, to: string) => `口径变化：${from}→${to}`,
    onSchedule: '按期应达',
    progress: '完成度',
    percentOfTarget: '占目标比例（%）',
    base: '基准',
    lowSetting: '低值情形',
    highSetting: '高值情形',
    increase: '增加',
    decrease: '减少',
    total: '合计',
    met: '已实现',
    onTrack: '进度正常',
    atRisk: '存在风险',
    missed: '未实现',
    behind: '进度落后',
    notJudged: '无法判断进度',
    byYear: (year: number) => `${year}年`,
    deadlineOf: (year: number) => `${year}年期限`,
    // A note in brackets; a text already ending in brackets takes it inside them: 数字经济增加值（重庆，推算）.
    note: (text: string, note: string) => (text.endsWith('）') ? `${text.slice(0, -1)}，${note}）` : `${text}（${note}）`),
    list: (parts: readonly string[]) => parts.join('，'),
    targetOmitted: (name: string, value: string, year: number, measure: string, drawn: string) =>
      `目标“${name}”（${value}，${year}年）按${measure}判定，与图中数值的口径（${drawn}）不同，未画出。`,
    targetsJudgedOn: (measure: string) => `目标按${measure}判定。`,
    boundedBase: (scenarios: readonly string[], year: number, bound: 'lower' | 'upper' | 'approx', value: string) =>
      `${scenarios.join('、')}情景的基数为${year}年的${{ lower: '下限值', upper: '上限值', approx: '约数' }[bound]}${value}。`,
    via: (indicator: string) => `取自${indicator}`,
    viaLine: (subject: string, year: number, indicator: string, source: string) => `${subject}${year}年的数值取自${indicator}${source ? `，来源：${source}` : ''}。`,
  },
  en: {
    target: 'Target',
    projectionPeriod: 'Projection',
    projected: 'projection',
    sourcePrefix: 'Source: ',
    illustrative: 'illustrative',
    derived: 'derived',
    illustrativeNote: 'Note: values marked "illustrative" are not published figures.',
    boundNote: (bounds: ReadonlyArray<'lower' | 'upper' | 'approx'>) =>
      `Note: ${bounds.map((b) => ({ lower: '≥ marks a lower bound (published as "more than")', upper: '≤ an upper bound ("less than")', approx: '≈ an approximate figure' })[b]).join('; ')}.`,
    noData: 'No data',
    definitionBreak: 'Definition change',
    definitionBreakBetween: (from: string, to: string) => `Definition change: ${from} → ${to}`,
    onSchedule: 'On schedule',
    progress: 'Progress',
    percentOfTarget: '% of target',
    base: 'Base',
    lowSetting: 'Low setting',
    highSetting: 'High setting',
    increase: 'Increase',
    decrease: 'Decrease',
    total: 'Total',
    met: 'Met',
    onTrack: 'On track',
    atRisk: 'At risk',
    missed: 'Missed',
    behind: 'Behind',
    notJudged: 'Progress not judged',
    byYear: (year: number) => `${year}`,
    deadlineOf: (year: number) => `Deadline ${year}`,
    note: (text: string, note: string) => (text.endsWith(')') ? `${text.slice(0, -1)}, ${note})` : `${text} (${note})`),
    list: (parts: readonly string[]) => parts.join(', '),
    targetOmitted: (name: string, value: string, year: number, measure: string, drawn: string) =>
      `Target "${name}" (${value}, ${year}) is judged on the ${measure}, not the measure of the values drawn (${drawn}); its line is not drawn.`,
    targetsJudgedOn: (measure: string) => `Targets are judged on the ${measure}.`,
    boundedBase: (scenarios: readonly string[], year: number, bound: 'lower' | 'upper' | 'approx', value: string) =>
      `The ${scenarios.join(', ')} ${scenarios.length > 1 ? 'scenarios start' : 'scenario starts'} from ${year}'s ${{ lower: 'lower bound', upper: 'upper bound', approx: 'approximate figure' }[bound]} ${value}.`,
    via: (indicator: string) => `from ${indicator}`,
    viaLine: (subject: string, year: number, indicator: string, source: string) => `${subject}, ${year}: the value is taken from ${indicator}${source ? ` (source: ${source})` : ''}.`,
  },
} as const;

export type Words = (typeof words)[Locale];

export function wordsFor(locale: Locale): Words {
  return words[locale];
}

/**
 * A unit as a chart writes it after a number: the workbench's one naming of units (10 firms, 35 pp; a
 * count of 个 or 项 is the bare number, never "10 units"). 亿元 is scaled separately, see number-format.
 */
export { unitName } from '../format/unit-name';
