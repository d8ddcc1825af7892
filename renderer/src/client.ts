import type { WorkbenchBridge } from '../../shared/api/bridge';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import type { ErrorParams, WireError } from '../../shared/api/errors';

/** A failed call, rebuilt from its wire form; the UI shows `code` translated. */
export class ClientError extends Error {
  readonly code: string;
  readonly params: ErrorParams;

  constructor(wire: WireError) {
    super(wire.message);
    this.code = wire.code;
    this.params = wire.params ?? {};
  }
}

export interface WorkbenchClient {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}

/** Browser mode: the same calls as IPC, as `POST /api/<method>` with the session cookie. */
const httpBridge: WorkbenchBridge = {
  async call(method, input) {
    const response = await fetch(`api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    return response.json();
  },
};

/** Picks the Electron preload bridge when present, the HTTP transport otherwise; callers never know. */
export function createClient(bridge: WorkbenchBridge = window.workbench ?? httpBridge): WorkbenchClient {
  return {
    async call(method, input) {
      const outcome = await bridge.call(method, input);
      if (!outcome.ok) throw new ClientError(outcome.error);
      return outcome.result as never;
    },
  };
}
