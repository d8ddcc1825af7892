// Layering is enforced here, not by memory: shared/ is pure, the renderer has no Node, and only
// electron/main/ may import 'electron'.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'zlib', 'module', 'util', 'events', 'buffer', 'process'];
const nodePatterns = [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'dist-cli/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*', '!../../shared/*'], message: 'shared/ imports nothing outside shared/.' },
            { group: ['**/electron/**', '**/renderer/**', '**/tests/**'], message: 'shared/ imports nothing outside shared/.' },
          ],
          paths: [...nodePatterns, 'electron', 'better-sqlite3', 'react'].map((name) => ({ name, message: 'shared/ is pure: no Node, DOM framework, Electron or SQLite.' })),
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/electron/**', '**/tests/**'], message: 'The renderer talks to the backend only through its client.' }],
          paths: [...nodePatterns, 'electron', 'better-sqlite3'].map((name) => ({ name, message: 'The renderer has no Node, Electron or SQLite.' })),
        },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "Only electron/main/ imports 'electron'; inject what you need." }],
          patterns: [{ group: ['**/renderer/**', '**/electron/main/**'], message: 'The backend does not depend on the renderer or the Electron shell.' }],
        },
      ],
    },
  },
);
