import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Locale } from '../../shared/i18n';

// App-level preferences that outlive any one workspace: the language and the recent list.
const configSchema = z.object({
  language: z.enum(['zh', 'en']).default('zh'),
  recent: z.array(z.string()).default([]),
});

export type AppConfig = z.infer<typeof configSchema>;

const maxRecent = 10;

export class AppConfigStore {
  private readonly file: string;
  private config: AppConfig;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'config.json');
    this.config = this.read();
  }

  private read(): AppConfig {
    try {
      return configSchema.parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    } catch {
      // A missing or damaged preferences file only costs the preferences: start from defaults.
      return configSchema.parse({});
    }
  }

  private write(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.config, null, 2));
    fs.renameSync(tmp, this.file);
  }

  get language(): Locale {
    return this.config.language;
  }

  setLanguage(language: Locale): void {
    this.config.language = language;
    this.write();
  }

  /** Most recent first; the first entry is the workspace to reopen at the next launch. */
  get recent(): readonly string[] {
    return this.config.recent;
  }

  remember(workspacePath: string): void {
    this.config.recent = [workspacePath, ...this.config.recent.filter((p) => p !== workspacePath)].slice(0, maxRecent);
    this.write();
  }
}
