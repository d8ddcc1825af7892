import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkbenchService } from '../../electron/backend/service';

export function tempDir(prefix = 'wb-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A service on a fresh data dir and workspace file: the real backend, nothing mocked. */
export function tempService(workspace?: string): { service: WorkbenchService; dataDir: string } {
  const dataDir = tempDir();
  const service = WorkbenchService.open({ dataDir, mode: 'cli', appVersion: 'test' }, workspace ?? path.join(dataDir, 'ws.sqlite'));
  return { service, dataDir };
}
