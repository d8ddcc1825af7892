// Texts of the Scenarios pages: editor, Monte Carlo, compare, backtest (issue #4), Chinese first; the English table must hold the same keys.

export const scenarioMessagesZh: Record<string, string> = {};

export const scenarioMessagesEn: Record<keyof typeof scenarioMessagesZh, string> = {};
