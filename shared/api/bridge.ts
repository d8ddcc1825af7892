import type { WireError } from './errors';

/** What one call returns across either transport. */
export type CallResult = { ok: true; result: unknown } | { ok: false; error: WireError };

/** The one object the Electron preload exposes as `window.workbench`. */
export interface WorkbenchBridge {
  call(method: string, input: unknown): Promise<CallResult>;
}
