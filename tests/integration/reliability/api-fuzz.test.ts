// Every API method's input schema against random JSON: the dispatcher must answer each call with a
// result or a typed error, never an internal error, and the service must keep serving. `npm test`
// runs a few dozen cases a method; `npm run soak` runs 2,000.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { contract, type MethodName } from '../../../shared/api/contract';
import { tempService } from '../../helpers/temp';

const soak = process.env.npm_lifecycle_event === 'soak';
const numRuns = soak ? 2000 : 40;

// Methods that act on the machine outside the workspace (open or create files by a path from the input).
const outside = new Set<MethodName>(['workspace.open', 'workspace.create']);
const methods = (Object.keys(contract) as MethodName[]).filter((m) => !outside.has(m));

const { service } = tempService();
afterAll(() => service.close());

/** Random JSON, biased towards objects with the method's own field names so that validation goes deep. */
function inputFor(method: MethodName): fc.Arbitrary<unknown> {
  const shape = (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape;
  const keys = shape ? Object.keys(shape) : [];
  const value = fc.oneof(fc.jsonValue(), fc.integer({ min: -5, max: 5 }), fc.constantFrom('', 'A1', '1', '../x', '<script>', "'; DROP TABLE targets;--"));
  const known = keys.length ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }) : fc.constant({});
  return fc.oneof(known, fc.jsonValue(), fc.constant(undefined));
}

describe('API schemas under random input', () => {
  it.each(methods)('%s answers random input with a result or a typed error', async (method) => {
    await fc.assert(
      fc.asyncProperty(inputFor(method), async (input) => {
        const outcome = await dispatch(service, method, input);
        if (!outcome.ok) expect(outcome.error.code, `${method} ${JSON.stringify(input)}: ${outcome.error.message}`).not.toBe('error.internal');
      }),
      { numRuns },
    );
  });

  it('still serves and the workspace is sound afterwards', async () => {
    const outcome = await dispatch(service, 'targets.list', {});
    expect(outcome.ok).toBe(true);
    expect(service.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(service.db.prepare('SELECT count(*) FROM targets').pluck().get()).toBeGreaterThan(0);
  });
});
