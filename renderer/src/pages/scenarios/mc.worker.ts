// Monte Carlo off the UI thread (see mc-protocol.ts for the messages).
import { createMcHandler, type McRequest } from './mc-protocol';

const handle = createMcHandler(
  (reply) => self.postMessage(reply),
  () => new Promise((resolve) => setTimeout(resolve, 0)),
);

self.onmessage = (event: MessageEvent<McRequest>) => void handle(event.data);
