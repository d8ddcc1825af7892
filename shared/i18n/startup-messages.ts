// The workspace file's background check, as the app shell reports it (status line, and an alert when
// the file is damaged). The check itself: electron/backend/db/integrity.ts.
export const startupMessagesZh: Record<string, string> = {
  'integrity.checking': '正在后台检查工作区文件…',
  'integrity.ok': '工作区文件检查无误',
  'integrity.unavailable': '未能检查工作区文件（命令行 workbench check 可检查）',
  'integrity.damaged': '工作区文件已损坏：{path}。后台检查发现 SQLite 无法正确读取其中的数据。请不要继续修改，先从备份恢复；命令行运行 workbench check 可列出全部问题。',
  'integrity.damagedShort': '工作区文件已损坏',
  'integrity.details': 'SQLite 的检查结果',
};

export const startupMessagesEn: Record<string, string> = {
  'integrity.checking': 'Checking the workspace file in the background…',
  'integrity.ok': 'Workspace file checked: no damage found',
  'integrity.unavailable': 'The workspace file could not be checked (workbench check on the command line can)',
  'integrity.damaged':
    'The workspace file is damaged: {path}. The background check found data SQLite cannot read correctly. Make no further changes and restore it from a backup; workbench check on the command line lists every problem.',
  'integrity.damagedShort': 'Workspace file damaged',
  'integrity.details': 'What SQLite reported',
};
