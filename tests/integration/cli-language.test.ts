// `--lang` sets the language of one CLI call end to end: the messages the CLI prints and the names
// the service itself chooses (the compared scenario's name in the overview), without changing the
// language the app remembers for its UI.
import { describe, expect, it } from 'vitest';
import { AppConfigStore } from '../../electron/backend/app-config';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('workbench --lang', () => {
  it('names the compared scenario in the language asked for, and leaves the app language alone', () => {
    const dataDir = tempDir();
    const en = runCli(['overview', '--json', '--lang', 'en'], dataDir);
    expect(en.status, en.stderr).toBe(0);
    const zh = runCli(['overview', '--json', '--lang', 'zh'], dataDir);
    expect(zh.status, zh.stderr).toBe(0);
    const enName = (JSON.parse(en.stdout) as { scenario: { name: string } }).scenario.name;
    const zhName = (JSON.parse(zh.stdout) as { scenario: { name: string } }).scenario.name;
    expect(enName).toMatch(/^[\x20-\x7e]+$/);
    expect(zhName).toMatch(/[\u4e00-\u9fff]/);
    expect(new AppConfigStore(dataDir).language).toBe('zh');
  });
});
