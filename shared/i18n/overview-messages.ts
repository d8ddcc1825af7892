// The overview's sentences (shared/overview/sentence.ts) and the Overview page.
export const overviewMessagesZh: Record<string, string> = {
  'overview.head': '{title}：',
  'overview.headDeadline': '{title}（{deadline}年）：',
  'overview.separator': '；',
  'overview.end': '。',
  'overview.answer.onMeasure.figure': '按{measure}{status}（{year}年{value}，{source}）',
  'overview.answer.onMeasure.figureNoSource': '按{measure}{status}（{year}年{value}）',
  'overview.answer.onMeasure.noFigure': '按{measure}暂无数据',
  'overview.answer.plain.figure': '{status}（{year}年{value}，{source}）',
  'overview.answer.plain.figureNoSource': '{status}（{year}年{value}）',
  'overview.answer.plain.noFigure': '暂无数据',
  'overview.projection.met': '对照情景“{scenario}”推算{year}年为{value}，可实现（{first}年首次达到）',
  'overview.projection.missed': '对照情景“{scenario}”推算{year}年为{value}，不能按期实现',
  'overview.projection.probability': '，实现概率{probability}',
};

export const overviewMessagesEn: Record<string, string> = {
  'overview.head': '{title}: ',
  'overview.headDeadline': '{title} ({deadline}): ',
  'overview.separator': '; ',
  'overview.end': '.',
  'overview.answer.onMeasure.figure': 'by the {measure}: {status} ({value} in {year}, {source})',
  'overview.answer.onMeasure.figureNoSource': 'by the {measure}: {status} ({value} in {year})',
  'overview.answer.onMeasure.noFigure': 'by the {measure}: no data',
  'overview.answer.plain.figure': '{status} ({value} in {year}, {source})',
  'overview.answer.plain.figureNoSource': '{status} ({value} in {year})',
  'overview.answer.plain.noFigure': 'no data',
  'overview.projection.met': 'the compared scenario "{scenario}" projects {value} in {year}: met (first in {first})',
  'overview.projection.missed': 'the compared scenario "{scenario}" projects {value} in {year}: not met in time',
  'overview.projection.probability': ', probability {probability}',
};
