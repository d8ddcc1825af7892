// Charts on which a definition break, a deadline and an end label fall on the same year, shared by the
// marker label tests (tests/unit/charts/marker-layout.test.ts, tests/integration/export/marker-labels.test.ts).
import type { ChartDataInput } from '../../../shared/charts/data';
import type { ChartSpecInput } from '../../../shared/charts/spec';

/** 重庆's share (27.2% in 2021, 45.4% in 2022 on a new definition), 全国 to 2023, A2 40% by 2022. */
export const starterShare: { spec: ChartSpecInput; data: ChartDataInput } = {
  spec: {
    template: 'share-of-gdp',
    title: '数字经济占GDP比重：重庆与全国',
    subtitle: '%；重庆2022年起为中国信通院广义口径',
    sourceNote: '中国信息通信研究院；经济日报；《重庆市数字经济创新发展行动计划》；《重庆市数字经济“十四五”发展规划》',
    footnote: '重庆2020年为“超过25%”的下限值。',
  },
  data: {
    series: [
      { id: 'cq', name: '重庆', kind: 'actual', unit: '%', region: '重庆', breaksBefore: [2022], points: [{ year: 2020, value: 25 }, { year: 2021, value: 27.2 }, { year: 2022, value: 45.4 }] },
      { id: 'cn', name: '全国', kind: 'actual', unit: '%', region: '全国', points: [30.3, 32.9, 34.8, 36.2, 38.6, 39.8, 41.5, 42.8].map((value, i) => ({ year: 2016 + i, value })) },
      { id: 'a2', name: '目标', kind: 'target', unit: '%', points: [{ year: 2022, value: 40 }], comparator: '>' },
    ],
  },
};

/** A level chart with the same coincidence: 重庆 ends on the new definition in 2022, the deadline year. */
export const levelWithBreak: { spec: ChartSpecInput; data: ChartDataInput } = {
  spec: { template: 'target-trajectory', title: '数字经济增加值：重庆与四川', sourceNote: '重庆市统计局；四川省统计局' },
  data: {
    series: [
      { id: 'cq', name: '重庆', kind: 'actual', unit: '亿元', region: '重庆', basis: 'derived', breaksBefore: [2022], points: [{ year: 2020, value: 6000 }, { year: 2021, value: 7587.2 }, { year: 2022, value: 13224.6 }] },
      { id: 'sc', name: '四川', kind: 'actual', unit: '亿元', region: '四川', points: [14000, 15500, 16800, 18200, 19600].map((value, i) => ({ year: 2020 + i, value })) },
      { id: 'a1', name: '目标', kind: 'target', unit: '亿元', points: [{ year: 2022, value: 10000 }], comparator: '>=' },
    ],
  },
};

/**
 * The starter share chart as the workspace resolves it: each point with its bound and measure, so the
 * break label names the two measures where it fits (口径变化：重庆市此前口径→信通院广义口径).
 */
export const starterShareMeasured: { spec: ChartSpecInput; data: ChartDataInput } = {
  spec: starterShare.spec,
  data: {
    series: [
      {
        id: 'cq',
        name: '重庆',
        kind: 'actual',
        unit: '%',
        region: '重庆',
        breaksBefore: [2022],
        points: [
          { year: 2020, value: 25, bound: 'lower', measure: 'cq-earlier' },
          { year: 2021, value: 27.2, bound: 'exact', measure: 'cq-earlier' },
          { year: 2022, value: 45.4, bound: 'exact', measure: 'caict-broad' },
        ],
      },
      { id: 'cn', name: '全国', kind: 'actual', unit: '%', region: '全国', points: [30.3, 32.9, 34.8, 36.2, 38.6, 39.8, 41.5, 42.8].map((value, i) => ({ year: 2016 + i, value, bound: 'exact' as const, measure: 'caict-broad' })) },
      { id: 'a2', name: '目标', kind: 'target', unit: '%', points: [{ year: 2022, value: 40, measure: 'caict-broad' }], comparator: '>' },
    ],
    meta: {
      measures: [
        { code: 'cq-earlier', name: '重庆市此前口径' },
        { code: 'caict-broad', name: '信通院广义口径' },
      ],
    },
  },
};
