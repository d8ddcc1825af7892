// `npm run bench`: every figure with its same-run baseline, printed and written to bench-results.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEngine } from './engine';
import { benchExport } from './export';
import { benchImport } from './import';
import { benchStartup } from './startup';
import type { BenchFigure } from './figure';

const suites: Array<[string, () => Promise<BenchFigure[]>]> = [
  ['engine', benchEngine],
  ['import', benchImport],
  ['export', benchExport],
  ['startup', benchStartup],
];

const only = process.argv.slice(2);
const figures: BenchFigure[] = [];
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue;
  console.error(`running ${name}…`);
  figures.push(...(await run()));
}

const fmt = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toPrecision(4));
console.log(`${'name'.padEnd(50)} ${'value'.padStart(12)} ${'unit'.padEnd(8)} ${'baseline'.padStart(12)} ${'ratio'.padStart(8)} ${'target'.padStart(8)}  ok`);
for (const f of figures) {
  console.log(`${f.name.padEnd(50)} ${fmt(f.value).padStart(12)} ${f.unit.padEnd(8)} ${fmt(f.baseline).padStart(12)} ${fmt(f.ratio).padStart(8)} ${fmt(f.target).padStart(8)}  ${f.ok === null ? '—' : f.ok ? 'yes' : 'NO'}`);
}
const out = path.join(fileURLToPath(new URL('../../', import.meta.url)), 'bench-results.json');
fs.writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`\nwritten to ${out}`);
