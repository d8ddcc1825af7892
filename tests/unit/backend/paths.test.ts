import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, workspacePathFor } from '../../../electron/backend/paths';

describe('data paths', () => {
  it('follows each platform convention and honours the override', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe('/x/digital-economy-workbench');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('digital-economy-workbench');
    expect(defaultDataDir({}, 'darwin')).toContain(path.join('Library', 'Application Support'));
    expect(defaultDataDir({ WORKBENCH_DATA_DIR: '/tmp/wb' }, 'linux')).toBe('/tmp/wb');
  });

  it('turns a bare name into a file in the workspaces folder and keeps paths as given', () => {
    expect(workspacePathFor('/d', '2025情景')).toBe(path.join('/d', 'workspaces', '2025情景.sqlite'));
    expect(workspacePathFor('/d', 'a.sqlite')).toBe(path.join('/d', 'workspaces', 'a.sqlite'));
    expect(workspacePathFor('/d', '/tmp/x/b.sqlite')).toBe('/tmp/x/b.sqlite');
  });
});
