import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import pkg from './package.json' with { type: 'json' };

const root = fileURLToPath(new URL('.', import.meta.url));

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
  return {
    root: `${root}renderer`,
    base: './',
    plugins: [react()],
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
          },
        },
      ],
    },
  };
});
