import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from './package.json' with { type: 'json' };
import { writeInputs } from './electron/build/bundle-inputs.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes inputs.json beside the built renderer: the sources it was built from (the Monte Carlo
 * worker's own build included), so that the end-to-end tests can refuse a renderer older than them.
 * One instance runs in the page build, `forWorker()` in each worker build.
 */
function recordInputs(): { plugin: Plugin; forWorker: () => Plugin } {
  const ids = new Set<string>(['package.json', 'vite.config.ts']);
  let started = 0;
  let outDir = '';
  const collect = (moduleIds: IterableIterator<string>) => {
    for (const id of moduleIds) {
      const file = id.split('?')[0]!;
      const relative = path.relative(root, file);
      if (id.startsWith('\0') || relative.startsWith('..') || path.isAbsolute(relative) || relative.split(path.sep).includes('node_modules')) continue;
      ids.add(relative.split(path.sep).join('/'));
    }
  };
  return {
    plugin: {
      name: 'workbench-record-inputs',
      apply: 'build',
      configResolved(config) {
        outDir = path.resolve(config.root, config.build.outDir);
      },
      buildStart() {
        started = Date.now();
      },
      generateBundle() {
        collect(this.getModuleIds());
      },
      writeBundle() {
        writeInputs(outDir, started, ids);
      },
    },
    forWorker: () => ({
      name: 'workbench-record-worker-inputs',
      generateBundle() {
        collect(this.getModuleIds());
      },
    }),
  };
}

// `vite build` builds the renderer; `vite build --mode electron` bundles the Electron main process
// and preload (CommonJS, as sandboxed preloads require); `vitest` runs the three test projects.
export default defineConfig(({ mode }) => {
  if (mode === 'electron') {
    return {
      build: {
        outDir: `${root}dist-electron`,
        emptyOutDir: true,
        ssr: true,
        target: 'node22',
        minify: false,
        rollupOptions: {
          input: {
            main: `${root}electron/main/main.ts`,
            preload: `${root}electron/main/preload.ts`,
            'import-parse-worker': `${root}electron/backend/import/parse-worker.ts`,
          },
          // Runtime dependencies stay in node_modules: several load native binaries, wasm or font data by path.
          external: ['electron', ...Object.keys(pkg.dependencies), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    };
  }
  const inputs = recordInputs();
  return {
    root: `${root}renderer`,
    base: './',
    plugins: [react(), inputs.plugin],
    worker: { plugins: () => [inputs.forWorker()] },
    build: {
      outDir: `${root}dist/renderer`,
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
    },
    test: {
      root,
      projects: [
        { extends: false, test: { name: 'unit', root, include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' } },
        {
          extends: false,
          test: { name: 'integration', root, include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
        },
        {
          extends: false,
          test: {
            name: 'e2e',
            root,
            include: ['tests/e2e/**/*.test.ts'],
            environment: 'node',
            testTimeout: 90_000,
            hookTimeout: 90_000,
            fileParallelism: false,
            // After the other projects: a CLI test that rebuilds dist-cli/ leaves it stale meanwhile,
            // and the end-to-end tests refuse a stale bundle (tests/e2e/browser.ts).
            sequence: { groupOrder: 1 },
          },
        },
      ],
    },
  };
});
