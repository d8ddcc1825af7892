// Builds better-sqlite3 for Electron's ABI into .native-electron/, leaving the Node build in
// node_modules (used by tests, the CLI and browser mode) untouched. Needs network for Electron's
// headers. The Electron main process loads this file through better-sqlite3's `nativeBinding`.
import { rebuild } from '@electron/rebuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const electronVersion = require('electron/package.json').version;
const work = path.join(root, '.native-electron', 'build');
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const target = path.join(work, 'node_modules', 'better-sqlite3');

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.cpSync(source, target, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'native-electron', version: '1.0.0', dependencies: { 'better-sqlite3': '*' } }));
await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
fs.copyFileSync(path.join(target, 'build', 'Release', 'better_sqlite3.node'), path.join(root, '.native-electron', 'better_sqlite3.node'));
console.log(`better-sqlite3 built for Electron ${electronVersion}: .native-electron/better_sqlite3.node`);
