// Loaded with `node --import` by tests/integration/cli-startup.test.ts: records every module URL the
// process resolves (ES modules and CommonJS alike) into the file named by WORKBENCH_TRACE_LOADS.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function resolve(specifier, context, next) {
      const result = await next(specifier, context);
      appendFileSync(${JSON.stringify(process.env.WORKBENCH_TRACE_LOADS)}, result.url + '\\n');
      return result;
    }
  `)}`,
);
