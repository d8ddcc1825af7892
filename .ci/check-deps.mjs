#!/usr/bin/env node
// CI check on the direct runtime dependencies: none may be deprecated on the registry or more than one
// major version behind its latest release. `npm audit` cannot reach an advisory service from the
// build machines, so this, with docs/RELIABILITY.md, is how dependencies are kept current.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const major = (version) => Number(String(version).split('.')[0]);
const problems = [];

// The renderer's libraries and Electron ship inside the app although Vite bundles them from devDependencies.
const shipped = ['react', 'react-dom', 'ag-grid-community', 'ag-grid-react', '@ag-grid-community/locale', 'electron'];

for (const name of [...Object.keys(pkg.dependencies ?? {}), ...shipped]) {
  const installed = JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
  const info = JSON.parse(execFileSync('npm', ['view', name, 'version', 'deprecated', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const latest = typeof info === 'string' ? info : info.version;
  const deprecated = typeof info === 'object' ? info.deprecated : undefined;
  const behind = major(latest) - major(installed);
  const line = `${name.padEnd(20)} installed ${installed.padEnd(10)} latest ${latest}`;
  if (deprecated) problems.push(`${line}: deprecated (${deprecated})`);
  else if (behind > 1) problems.push(`${line}: ${behind} major versions behind`);
  else console.log(`ok  ${line}`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(`FAIL ${p}`);
  process.exit(1);
}
