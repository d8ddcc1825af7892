#!/usr/bin/env node
// The `workbench` command: runs the TypeScript CLI through tsx, so no build step stands between
// `npm install` and the first command.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
