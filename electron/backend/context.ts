import type { MethodName, Output, ParsedInput } from '../../shared/api/contract';
import type { Locale } from '../../shared/i18n';
import type { Db, Workspace } from './db/workspace';
import type { JobRunner } from './jobs';

// The types every domain's handlers share, apart from the service that implements them, so that a
// domain never imports service.ts (which imports every domain).

export interface HostEnv {
  dataDir: string;
  mode: 'electron' | 'browser' | 'cli';
  appVersion: string;
  /** better-sqlite3 built for Electron's ABI, when running under Electron. */
  nativeBinding?: string;
  migrationsDir?: string;
}

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

/** The part of the service a domain's handlers use; read at call time, since the workspace can switch. */
export interface ServiceContext {
  readonly env: HostEnv;
  readonly db: Db;
  readonly workspace: Workspace;
  readonly language: Locale;
  readonly jobs: JobRunner;
}

/** The handlers of the methods whose names start with `domain.`, e.g. `DomainHandlers<'charts' | 'briefings'>`. */
export type DomainHandlers<Domain extends string> = Pick<Handlers, Extract<MethodName, `${Domain}.${string}`>>;
