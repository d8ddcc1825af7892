// The starter briefing pack in English (data/seed/charts.json holds it in Chinese): a workspace made
// in English gets its charts in English, texts and notes alike, and a starter chart nobody has edited
// shows (and exports) in the UI's language, whichever language it was seeded in. Keyed by the Chinese
// chart name the seed gives; each says what the Chinese says (same measures, bounds and sources),
// nothing more.
import type { Locale } from '../format/number';

/** The texts of a starter chart a reader sees: list name, title, subtitle, source, footnote, and its notes in the pack. */
export interface StarterChartTexts {
  name: string;
  title: string;
  subtitle: string;
  sourceNote: string;
  footnote: string;
  notes: string;
}

export const starterBriefingNameEn = 'Sample briefing';

const actionPlan = 'Chongqing action plan for digital-economy innovation and development';
const pilotZonePlan = "Work plan for Chongqing's national digital-economy innovation pilot zone";
const aiPlan = "Implementation plan for Chongqing's national new-generation AI innovation pilot zone";
const fiveYearPlan = "Chongqing's 14th five-year plan for the digital economy";
const cqStats = 'Chongqing Municipal Bureau of Statistics';
const model = 'workbench scenario model';
// The two charts of the components draw 亿元 values; an English chart's axis shows them in billion yuan.
const componentsSubtitle = "Billion yuan; Chongqing's earlier measure; the split into the two parts is illustrative";
const componentsSource = `${fiveYearPlan}; ${model} (illustrative split)`;

const starterChartsEn: Readonly<Record<string, StarterChartTexts>> = {
  数字经济规模与万亿目标: {
    name: 'Digital economy scale and the trillion-yuan target',
    title: "Chongqing's digital economy (CAICT broad measure): three scenarios and the trillion-yuan target",
    subtitle: 'Current prices; CAICT broad measure, from 2022; scenarios are model projections',
    sourceNote: `${cqStats}; ${actionPlan}; CAICT; ${pilotZonePlan}; ${model}`,
    footnote:
      "2022's about 1.32 trillion yuan is derived as the 45.4% share of GDP × GDP; CAICT published Chongqing's 2022 digital economy as above 1 trillion yuan (≥1 trillion yuan).",
    notes:
      'On CAICT\'s broad measure (the measure the trillion-yuan target is judged on): the 2022 scale, derived as the 45.4% share of GDP × GDP, is about 1.32 trillion yuan, and CAICT also puts Chongqing above 1 trillion yuan in 2022, so the target is met on this measure. The three broad-measure scenarios run from 2022 to 2027; their growth rates are illustrative assumptions. Chongqing\'s earlier measure before 2022 (2020: "above 600 billion yuan") is not comparable and is not drawn in this chart.',
  },
  '数字经济占GDP比重与40%目标': {
    name: 'Digital economy share of GDP and the 40% target',
    title: 'Digital economy share of GDP: Chongqing and China',
    subtitle: "%; Chongqing to 2021 on the city's earlier measure, from 2022 on the CAICT broad measure; China on the CAICT broad measure",
    sourceNote: `CAICT; Economic Daily; ${actionPlan}; ${fiveYearPlan}`,
    footnote: 'Chongqing 2020 is the lower bound "above 25%".',
    notes:
      "Between 2021's 27.2% (Chongqing's earlier measure) and 2022's 45.4% (CAICT broad measure) the measure changed: it is not a year's growth. The 40% and 50% targets are judged on the broad measure: Chongqing's 2022 share is above 40% and above China's 41.5%.",
  },
  广义口径基准情景区间: {
    name: 'Broad-measure baseline scenario: range',
    title: 'Digital economy share of GDP: simulated range of the broad-measure baseline scenario and the 50% target for 2027',
    subtitle: '%; CAICT broad measure; 2000 Monte Carlo draws, growth distributions are illustrative assumptions',
    sourceNote: `${cqStats}; ${actionPlan}; ${model}`,
    footnote: '',
    notes: `Monte Carlo simulation (fixed random seed) of the broad-measure baseline scenario (from 2022, starting from the 45.4% share): the range shows the uncertainty of the digital-economy and GDP growth assumptions, which are themselves illustrative. The 2027 target is a share of GDP above 50% (${actionPlan}), judged on the same broad measure.`,
  },
  '2022年规模的敏感性': {
    name: 'Sensitivity of the 2022 scale',
    title: "Which assumptions move the 2022 digital economy most (Chongqing's earlier measure)",
    subtitle: "Baseline scenario, Chongqing's earlier measure; the result with each assumption at its low and at its high value",
    sourceNote: `${fiveYearPlan}; ${model}`,
    footnote: '',
    notes:
      'How the baseline scenario\'s 2022 digital economy changes when one assumption at a time takes its low and its high value, the others unchanged; the longer the bar, the more the assumption matters. The baseline scenario is on Chongqing\'s earlier measure and starts from 600 billion yuan, the lower bound of 2020\'s "above 600 billion yuan": its results cannot be compared with the trillion-yuan target, which is judged on CAICT\'s broad measure.',
  },
  '数字经济两大部分（基准情景）': {
    name: 'The two parts of the digital economy (baseline scenario)',
    title: "Digital industrialisation and industrial digitalisation: baseline scenario (Chongqing's earlier measure)",
    subtitle: componentsSubtitle,
    sourceNote: componentsSource,
    footnote: '',
    notes:
      'The baseline scenario is on Chongqing\'s earlier measure, starts from the lower bound of 2020\'s "above 600 billion yuan" and runs to 2022, the pilot-zone plan\'s deadline. Chongqing publishes no split into digital industrialisation and industrial digitalisation: both parts\' bases and growth rates are illustrative, for discussing the structure. The trillion-yuan target is judged on CAICT\'s broad measure, not this chart\'s, and is not drawn.',
  },
  '增量分解（基准情景）': {
    name: 'Increase by part (baseline scenario)',
    title: "Increase of the digital economy 2020–2022 by part: baseline scenario (Chongqing's earlier measure)",
    subtitle: componentsSubtitle,
    sourceNote: componentsSource,
    footnote: '',
    notes:
      'The baseline scenario\'s increase of the digital economy from 2020 to 2022, split into its two parts; 2020 is the lower bound of "above 600 billion yuan", hence marked ≥. Chongqing\'s earlier measure; the split is illustrative.',
  },
  川渝地区生产总值: {
    name: 'GDP of Chongqing and Sichuan',
    title: 'GDP: Chongqing, Sichuan, Chengdu',
    subtitle: "Current prices; official statistics measure, each region's latest release",
    sourceNote: `${cqStats}; Sichuan Provincial Bureau of Statistics, Sichuan provincial government press conference (2024-01-19); Chengdu Municipal Bureau of Statistics`,
    footnote: 'Sichuan 2022 is the final verified figure (preliminary estimate 5,674.98 billion yuan); Chengdu 2019 and 2021 are approximate; no figure for Chengdu 2022 or Sichuan 2024.',
    notes:
      "Each region's latest release: Sichuan 2022 is the final verified figure, 5,661.02 billion yuan (the preliminary estimate was 5,674.98 billion yuan). Chengdu 2019 and 2021 are approximate (1.70 and 1.99 trillion yuan).",
  },
  全国数字经济规模与占比: {
    name: "China's digital economy: scale and share",
    title: "China's digital economy: scale and share of GDP",
    subtitle: 'Scale (left axis) and share of GDP (right axis, %); CAICT broad measure',
    sourceNote: "CAICT's digital economy white papers and research reports, successive years",
    footnote: '',
    notes: "China's digital economy scale and share of GDP (CAICT broad measure).",
  },
  试验区目标进展: {
    name: 'Pilot-zone targets: progress',
    title: 'Pilot-zone targets: progress (latest published figures)',
    subtitle: 'Latest value as a share of the target; scale and share on the CAICT broad measure',
    sourceNote: `${pilotZonePlan}; ${aiPlan}; CAICT; ${actionPlan}`,
    footnote: `The scale is CAICT's lower bound "above 1 trillion yuan"; the share is the broad-measure figure published by the ${cqStats}.`,
    notes:
      'The scale and share targets are met on the broad measure (the scale is the lower bound "above 1 trillion yuan"); no outcome has been published for the enterprise, demonstration-highland, landmark-result and patent targets, which show as no data.',
  },
};

/** The English texts of the starter chart with this Chinese name, or undefined for any other chart. */
export function starterChartTextsEn(nameZh: string): StarterChartTexts | undefined {
  return starterChartsEn[nameZh];
}

/** A starter chart's texts in both languages. */
export type StarterTexts = Readonly<Record<Locale, StarterChartTexts>>;

/** The texts of a chart spec a reader sees, and its language. */
export type ChartTexts = Pick<StarterChartTexts, 'name' | 'title' | 'subtitle' | 'sourceNote' | 'footnote'> & { locale: Locale };

const textKeys = ['name', 'title', 'subtitle', 'sourceNote', 'footnote'] as const;

/**
 * The starter charts in both languages, from the seed's Chinese charts (data/seed/charts.json, which
 * shared/ cannot read: its reader passes them in) and the English above.
 */
export function starterTexts(seed: ReadonlyArray<{ notes: string; spec: Readonly<Record<string, unknown>> }>): StarterTexts[] {
  return seed.flatMap(({ notes, spec }) => {
    const text = (key: string) => (typeof spec[key] === 'string' ? spec[key] : '');
    const en = starterChartTextsEn(text('name'));
    if (!en) return [];
    return [{ zh: { name: text('name'), title: text('title'), subtitle: text('subtitle'), sourceNote: text('sourceNote'), footnote: text('footnote'), notes }, en }];
  });
}

/** The starter a chart is as seeded, in either language: every text that language's, and the chart in it. */
export function seededStarter(chart: ChartTexts, starters: readonly StarterTexts[]): StarterTexts | undefined {
  return starters.find((s) => textKeys.every((key) => chart[key] === s[chart.locale][key]));
}

/**
 * A chart in the UI's language when it is a starter as seeded (nobody has edited its texts or its
 * language): its texts and language in `locale`. A chart the user has edited is theirs, as typed.
 */
export function starterInLocale<T extends ChartTexts>(chart: T, starters: readonly StarterTexts[], locale: Locale): T {
  const starter = seededStarter(chart, starters);
  if (!starter || chart.locale === locale) return chart;
  const { notes: _notes, ...texts } = starter[locale];
  return { ...chart, ...texts, locale };
}

/** The starter a chart comes from, edited or not: the one whose name or title it still has, in either language. */
export function starterOf(chart: Pick<ChartTexts, 'name' | 'title'>, starters: readonly StarterTexts[]): StarterTexts | undefined {
  return starters.find((s) => (['zh', 'en'] as const).some((l) => (chart.name !== '' && chart.name === s[l].name) || chart.title === s[l].title));
}
