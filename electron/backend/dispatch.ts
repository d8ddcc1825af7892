import type { z } from 'zod';
import { WorkbenchError, type WireError } from '../../shared/api/errors';
import type { CallResult } from '../../shared/api/bridge';
import { contract, isMethodName, type MethodName } from '../../shared/api/contract';
import { translate, type Locale } from '../../shared/i18n';
import type { WorkbenchService } from './service';

export type { CallResult } from '../../shared/api/bridge';

function describeZod(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** SQLite failures a user can act on (another program holds the file, the disk is full …), by result code. */
const storageFaults: Array<[RegExp, string]> = [
  [/^SQLITE_BUSY/, 'storage.busy'],
  [/^SQLITE_LOCKED/, 'storage.busy'],
  [/^SQLITE_FULL/, 'storage.full'],
  [/^SQLITE_READONLY/, 'storage.readOnly'],
  [/^SQLITE_IOERR/, 'storage.io'],
  [/^SQLITE_CANTOPEN/, 'storage.io'],
  [/^SQLITE_CORRUPT/, 'storage.corrupt'],
  [/^SQLITE_NOTADB/, 'storage.corrupt'],
];

function storageFault(error: unknown): WorkbenchError | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const key = storageFaults.find(([pattern]) => pattern.test(code))?.[1];
  return key ? new WorkbenchError(key, { detail: error instanceof Error ? error.message : code }) : null;
}

export function toWireError(raw: unknown, locale: Locale): WireError {
  const error = storageFault(raw) ?? raw;
  if (error instanceof WorkbenchError) {
    return { code: error.code, message: translate(locale, error.code, error.params), params: error.params, details: error.details };
  }
  // Anything unexpected is reported by kind only: a stack never crosses to the user.
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'error.internal', message: translate(locale, 'error.internal', { detail }), params: { detail } };
}

/**
 * The one entry point both transports use: validate the method name and input against the
 * contract, run the service, validate the output, and turn any failure into a typed wire error.
 */
export async function dispatch(service: WorkbenchService, method: string, rawInput: unknown): Promise<CallResult> {
  try {
    if (!isMethodName(method)) throw new WorkbenchError('error.unknownMethod', { method: method.slice(0, 100) });
    const def = contract[method as MethodName];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new WorkbenchError('error.badRequest', { detail: describeZod(parsed.error) });
    const result = await service.run(method as MethodName, parsed.data as never);
    const checked = def.output.safeParse(result);
    if (!checked.success) throw new Error(`output of ${method} broke the contract: ${describeZod(checked.error)}`);
    return { ok: true, result: checked.data };
  } catch (error) {
    return { ok: false, error: toWireError(error, service.language) };
  }
}
