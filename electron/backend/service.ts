import fs from 'node:fs';
import { WorkbenchError } from '../../shared/api/errors';
import type { MethodName, Output, ParsedInput } from '../../shared/api/contract';
import type { Locale } from '../../shared/i18n';
import { AppConfigStore } from './app-config';
import { integrityHandlers } from './db/integrity';
import { openWorkspace, tableCounts, type Workspace } from './db/workspace';
import { defaultWorkspacePath, workspacePathFor } from './paths';
import { chartHandlers } from './charts/handlers';
import { seedCharts } from './charts/starter-pack';
import { dataHandlers } from './data/handlers';
import { exportHandlers } from './export/handlers';
import { importHandlers } from './import/handlers';
import { isHeld } from './import/busy';
import { JobRunner } from './jobs';
import type { Handlers, HostEnv, ServiceContext } from './context';
import { scenarioHandlers } from './scenarios/handlers';
import { seedScenarios } from './scenarios/store';
import { seedMonitor, seedPlans, seedSample } from './seed';
import { targetHandlers } from './targets/handlers';
import { overviewHandlers } from './overview/handlers';

/** Calls that stay open while an import holds the workspace: following and cancelling jobs, app settings. */
const duringImport = /^(jobs\.|app\.|settings\.|workspace\.(recent|integrity)$)/;

/**
 * The whole backend behind one object: it owns the current workspace connection and implements the
 * contract. It never imports `electron`, so tests, the CLI and browser mode run it under plain Node.
 */
export class WorkbenchService implements ServiceContext {
  readonly env: HostEnv;
  readonly config: AppConfigStore;
  readonly jobs = new JobRunner();
  private ws: Workspace;
  /** The language of this session when the caller chose one (the CLI's `--lang`), else the app's. */
  private readonly sessionLanguage: Locale | undefined;

  private constructor(env: HostEnv, config: AppConfigStore, ws: Workspace, language?: Locale) {
    this.env = env;
    this.config = config;
    this.ws = ws;
    this.sessionLanguage = language;
  }

  /**
   * Opens the workspace given, else the last one used, else the default (created on first run).
   * `create: false` refuses a missing file given by path; `remember: false` leaves the recent list
   * alone, so that a CLI check of another file does not change what the UI reopens. `language`
   * sets this session's language without changing the one the app remembers. `mustNotExist` creates
   * the file given and refuses one that exists (`workbench init`).
   */
  static open(env: HostEnv, workspace?: string, options: { create?: boolean; mustNotExist?: boolean; remember?: boolean; language?: Locale } = {}): WorkbenchService {
    const config = new AppConfigStore(env.dataDir);
    const remembered = config.recent.find((p) => fs.existsSync(p));
    const target = workspace ?? remembered ?? defaultWorkspacePath(env.dataDir);
    const create = workspace === undefined || (options.create ?? true);
    // A workspace made now gets its starter charts in the session's language (charts are documents: they keep it).
    const ws = WorkbenchService.openFile(env, target, { create, mustNotExist: options.mustNotExist ?? false, language: options.language ?? config.language });
    if (options.remember ?? true) config.remember(ws.path);
    return new WorkbenchService(env, config, ws, options.language);
  }

  private static openFile(env: HostEnv, file: string, options: { create: boolean; mustNotExist?: boolean; language: Locale }): Workspace {
    const { language, ...open } = options;
    const ws = openWorkspace(file, { ...open, nativeBinding: env.nativeBinding, migrationsDir: env.migrationsDir });
    try {
      seedPlans(ws.db);
      seedMonitor(ws.db);
      seedSample(ws.db);
      seedScenarios(ws.db);
      seedCharts(ws.db, language);
    } catch (error) {
      ws.db.close();
      throw error;
    }
    return ws;
  }

  get workspace(): Workspace {
    return this.ws;
  }

  get db() {
    return this.ws.db;
  }

  get language(): Locale {
    return this.sessionLanguage ?? this.config.language;
  }

  close(): void {
    this.jobs.cancelAll();
    if (this.ws.db.open) this.ws.db.close();
  }

  private switchTo(ws: Workspace): Output<'workspace.open'> {
    const previous = this.ws;
    this.jobs.cancelAll();
    this.ws = ws;
    if (previous.db.open && previous.path !== ws.path) previous.db.close();
    this.config.remember(ws.path);
    return this.workspaceInfo();
  }

  private workspaceInfo(): Output<'workspace.open'> {
    const { path, schemaVersion, sqliteVersion, createdNow } = this.ws;
    return { path, schemaVersion, sqliteVersion, createdNow };
  }

  readonly handlers: Handlers = {
    'app.info': () => ({
      appVersion: this.env.appVersion,
      language: this.config.language,
      mode: this.env.mode,
      workspace: this.workspaceInfo(),
    }),
    'settings.setLanguage': ({ language }) => {
      this.config.setLanguage(language);
      return { language };
    },
    'workspace.stats': () => ({ workspace: this.workspaceInfo(), tables: tableCounts(this.db) }),
    'workspace.recent': () =>
      this.config.recent.map((p) => ({ path: p, exists: fs.existsSync(p), current: p === this.ws.path })),
    'workspace.open': ({ path }) => {
      const target = workspacePathFor(this.env.dataDir, path);
      if (target === this.ws.path) return this.workspaceInfo();
      return this.switchTo(WorkbenchService.openFile(this.env, target, { create: false, language: this.language }));
    },
    'workspace.create': ({ nameOrPath }) => {
      const target = workspacePathFor(this.env.dataDir, nameOrPath);
      return this.switchTo(WorkbenchService.openFile(this.env, target, { create: true, mustNotExist: true, language: this.language }));
    },
    'jobs.get': ({ id }) => this.jobs.get(id),
    'jobs.cancel': ({ id }) => this.jobs.cancel(id),
    'jobs.file': ({ id }) => this.jobs.file(id),
    ...targetHandlers(this),
    ...overviewHandlers(this),
    ...scenarioHandlers(this),
    ...dataHandlers(this),
    ...importHandlers(this),
    ...chartHandlers(this),
    ...exportHandlers(this),
    ...integrityHandlers(this),
  };

  /**
   * Runs a handler on an already-validated input. While an import holds its transaction open on the
   * connection, anything else on it would read rows that may yet be rolled back, or write into that
   * transaction and be rolled back with it on cancel: only the job calls and app settings go through.
   */
  async run<M extends MethodName>(method: M, input: ParsedInput<M>): Promise<Output<M>> {
    if (isHeld(this.db) && !duringImport.test(method)) throw new WorkbenchError('import.running', { method });
    const handler = this.handlers[method] as (input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
    if (!handler) throw new WorkbenchError('error.unknownMethod', { method });
    return handler(input);
  }
}
