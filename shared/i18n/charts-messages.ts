// Texts of the Charts page, saved charts, briefings and export errors (issue #5), Chinese first; the English table must hold the same keys.

export const chartsMessagesZh: Record<string, string> = {};

export const chartsMessagesEn: Record<keyof typeof chartsMessagesZh, string> = {};
