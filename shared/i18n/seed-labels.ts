// English for the short labels the starting content writes in free-text fields: release labels
// (observations.release_label: 初步核算数, 第四次经济普查修订, …), target areas (targets.area),
// indicator categories (indicators.category) and measure publishers (measures.publisher). The fields
// keep what was written (a user's own label shows as typed, in either language); an English screen
// shows these known ones in English.

import type { Locale } from '../format/number';

const labelsEn: Readonly<Record<string, string>> = {
  // Releases (migrations 007 and 010, data/sample/observations.json) and the forms the import hint
  // suggests; short, since the data grid shows them beside a date in one column.
  初步核算数: 'preliminary estimate',
  初步核算: 'preliminary estimate',
  统计公报初步核算数: 'preliminary (communiqué)',
  '初步核算数（第四次经济普查修订前）': 'preliminary, before census revision',
  第四次经济普查修订: '4th census revision',
  普查修订: 'census revision',
  最终核实数: 'final verified figure',
  最终核实: 'final verification',
  政府工作报告: 'government work report',
  新闻报道: 'press report',
  新闻发布会: 'press conference',
  推算: 'derived',
  // How the starting content read a source, in brackets after it (data/sample/observations.json):
  // the workbench's words, so English in English (sourceInLocale).
  媒体转载: 'reprinted in the press',
  新华社转载: 'reprinted by Xinhua',
  经新闻报道转载: 'reprinted in news reports',
  新华社: 'via Xinhua',
  人民网: 'via People\'s Daily Online',
  中国政府网: 'via gov.cn',
  第三方汇编: 'third-party compilation',
  '第四次全国经济普查后，经第三方汇编': 'after the 4th economic census, third-party compilation',
  高校研究中心摘要: 'summary by a university research centre',
  // What a derived figure was computed from (推算：27.2% × 27894.02（重庆GDP 2021）).
  '重庆GDP 2021': "Chongqing's GDP 2021",
  '重庆GDP 2022': "Chongqing's GDP 2022",
  '《行动计划》指标表': 'action plan table',
  报告年份: 'report year',
  // Target areas (data/seed/plans.json).
  总量: 'scale',
  市场主体: 'enterprises',
  示范: 'demonstration',
  产业集群: 'industry clusters',
  任务: 'tasks',
  总体: 'overall',
  技术创新: 'technology innovation',
  项目: 'projects',
  主要指标: 'key indicators',
  // Indicator categories (data/seed/plans.json, data/sample/observations.json).
  宏观: 'macroeconomy',
  数字经济总量: 'digital economy total',
  数字产业化: 'digital industrialisation',
  产业数字化: 'industrial digitalisation',
  企业主体: 'enterprises',
  // Starting scenarios' components (data/seed/scenarios.json); 数字产业化 and 产业数字化 are above.
  '数字经济（广义口径）': 'digital economy (broad measure)',
  // Measure publishers (migrations 007 and 018).
  各级统计局: 'statistics offices',
  重庆市: 'Chongqing municipality',
  中国信息通信研究院: 'CAICT',
  国家统计局: 'National Bureau of Statistics',
  // Migration 018: the software industry's figures come from the city's authority for it.
  市经济信息委: 'Chongqing Municipal Commission of Economy and Information Technology',
};

/** A seeded label in the locale: 初步核算数 → "preliminary estimate" in English; any other text as written. */
export function seedLabel(text: string, locale: Locale): string {
  return locale === 'en' ? (labelsEn[text] ?? text) : text;
}
