import type { Command } from 'commander';
import pkg from '../../package.json';
import { WorkbenchError } from '../../shared/api/errors';
import { isLocale, translate, type Locale } from '../../shared/i18n';
import { AppConfigStore } from '../backend/app-config';
import { defaultDataDir } from '../backend/paths';
import type { HostEnv } from '../backend/context';
import type { WorkbenchService } from '../backend/service';

export function hostEnv(mode: HostEnv['mode']): HostEnv {
  return { dataDir: defaultDataDir(), mode, appVersion: pkg.version };
}

/** `--lang` when given (set before any command runs, see `chooseLanguage`). */
let chosenLanguage: Locale | undefined;

/** Reads `--lang` for this process: messages and the service's names (scenarios, charts) follow it. */
export function chooseLanguage(program: Command): void {
  const { lang } = program.opts<{ lang?: string }>();
  chosenLanguage = isLocale(lang) ? lang : undefined;
}

/** `--lang` when given, else the language the user chose in the app. */
export function cliLocale(program: Command): Locale {
  const { lang } = program.opts<{ lang?: string }>();
  if (isLocale(lang)) return lang;
  return new AppConfigStore(defaultDataDir()).language;
}

export function describeCliError(error: unknown, locale: Locale): string {
  // On the command line a missing workspace is made with `workbench init`, which the UI's message cannot say.
  if (error instanceof WorkbenchError && error.code === 'workspace.notFound') return `${translate(locale, error.code, error.params)}${translate(locale, 'cli.initHint')}`;
  if (error instanceof WorkbenchError) return translate(locale, error.code, error.params);
  return error instanceof Error ? error.message : String(error);
}

/** Runs `fn` on the workspace without changing what the UI reopens, and always closes it. */
export async function withWorkspace<T>(workspace: string | undefined, fn: (service: WorkbenchService) => T | Promise<T>): Promise<T> {
  // Imported here, not with this module, so that commands that open no workspace do not load the backend.
  const { WorkbenchService } = await import('../backend/service');
  const service = WorkbenchService.open(hostEnv('cli'), workspace, { remember: false, create: false, language: chosenLanguage });
  try {
    return await fn(service);
  } finally {
    service.close();
  }
}

export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** Calls the service through the same validating dispatcher the UI uses; a refusal is thrown as a WorkbenchError. */
export async function callApi<T>(service: WorkbenchService, method: string, input: unknown): Promise<T> {
  const { dispatch } = await import('../backend/dispatch');
  const outcome = await dispatch(service, method, input);
  if (!outcome.ok) throw new WorkbenchError(outcome.error.code, outcome.error.params ?? {}, outcome.error.details);
  return outcome.result as T;
}
