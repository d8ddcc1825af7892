// Builds the `workbench` command (and the browser-mode host it starts) from the TypeScript sources
// into dist-cli/: one ES module per entry plus shared chunks, so that a command loads only the code
// it reaches and heavy parts (the export stack, Excel) stay in chunks imported when first needed.
// Pure-JS dependencies (zod, commander, csv-parse, iconv-lite, saxes, jszip, echarts) are bundled in:
// loaded from node_modules they cost Node hundreds of small module loads at every start. Those with
// native binaries, wasm or data files read by path, and the large ones a command imports only when it
// exports, stay in node_modules.
// `npm install` runs this through `prepare`; `electron/cli/workbench.mjs` runs it again, saying so,
// when a source is newer than the bundle. Writes dist-cli/inputs.json: the source files it was built
// from, which is what that staleness check reads.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeInputs } from './bundle-inputs.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const outDir = path.join(root, 'dist-cli');

export async function buildCli() {
  // A source saved while esbuild reads makes this build stale at once: the start time is the one kept.
  const started = Date.now();
  const staging = `${outDir}.${process.pid}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      workbench: 'electron/cli/main.ts',
      'import-parse-worker': 'electron/backend/import/parse-worker.ts',
    },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', '@resvg/resvg-js', 'subset-font', 'fontkit', 'pdfkit', 'svg-to-pdfkit', 'exceljs', 'pptxgenjs', 'electron', 'esbuild', 'tsx', 'tsx/*'],
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    // Bundled CommonJS (iconv-lite, jszip) requires Node's built-ins: give each ES module a `require`.
    banner: { js: "import { createRequire as __workbenchRequire } from 'node:module'; const require = __workbenchRequire(import.meta.url);" },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  const migrations = path.join(root, 'electron/backend/db/migrations');
  fs.cpSync(migrations, path.join(staging, 'migrations'), { recursive: true });
  for (const f of fs.readdirSync(migrations)) inputs.push(path.posix.join('electron/backend/db/migrations', f));
  inputs.push('package.json', 'electron/build/cli-bundle.mjs');
  writeInputs(staging, started, inputs);
  // Moved in file by file, entries and inputs.json last: chunk names are content hashes, so a command
  // already running (it imports its chunks lazily) keeps finding the chunks it was built with. Chunks
  // of earlier builds are removed once they are an hour old.
  fs.mkdirSync(outDir, { recursive: true });
  const entries = new Set(['workbench.mjs', 'workbench.mjs.map', 'import-parse-worker.mjs', 'import-parse-worker.mjs.map', 'inputs.json']);
  const built = fs.readdirSync(staging);
  for (const name of [...built.filter((n) => !entries.has(n)), ...built.filter((n) => entries.has(n) && n !== 'inputs.json'), 'inputs.json']) {
    const from = path.join(staging, name);
    if (fs.statSync(from).isDirectory()) fs.cpSync(from, path.join(outDir, name), { recursive: true });
    else fs.renameSync(from, path.join(outDir, name));
  }
  fs.rmSync(staging, { recursive: true, force: true });
  const hourAgo = Date.now() - 3600_000;
  for (const name of fs.readdirSync(outDir)) {
    const file = path.join(outDir, name);
    if (name.startsWith('chunk-') && !built.includes(name) && fs.statSync(file).mtimeMs < hourAgo) fs.rmSync(file, { force: true });
  }
  return inputs.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
