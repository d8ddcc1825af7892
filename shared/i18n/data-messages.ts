// Texts of the Data page: import, edits, export (issue #3), Chinese first; the English table must hold the same keys.

export const dataMessagesZh: Record<string, string> = {};

export const dataMessagesEn: Record<keyof typeof dataMessagesZh, string> = {};
