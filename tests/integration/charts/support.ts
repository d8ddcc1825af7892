// Shared by the chart API tests: calls through the validating dispatcher, as the UI makes them.
import { dispatch } from '../../../electron/backend/dispatch';
import type { WorkbenchService } from '../../../electron/backend/service';
import type { WireError } from '../../../shared/api/errors';

export async function call<T = unknown>(service: WorkbenchService, method: string, input: unknown): Promise<T> {
  const outcome = await dispatch(service, method, input);
  if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

export async function callError(service: WorkbenchService, method: string, input: unknown): Promise<WireError> {
  const outcome = await dispatch(service, method, input);
  if (outcome.ok) throw new Error(`${method} succeeded but should have failed`);
  return outcome.error;
}

/** The first saved chart of a template (the starter pack holds one of each). */
export async function starterChart(service: WorkbenchService, template: string): Promise<{ id: number; spec: Record<string, unknown> }> {
  const list = await call<Array<{ id: number; template: string }>>(service, 'charts.list', {});
  const found = list.find((c) => c.template === template);
  if (!found) throw new Error(`no starter chart of template ${template}`);
  return call(service, 'charts.get', { id: found.id });
}
