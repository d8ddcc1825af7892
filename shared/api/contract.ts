// Every backend call, declared once: one `domain.verb` name, one object argument, a zod schema each
// way. Both transports (Electron IPC and loopback HTTP) validate against these before the service
// sees a call; the renderer's client is typed from them.
import type { z } from 'zod';
import { appMethods } from './app-contract';
import { chartMethods } from './charts-contract';
import { dataMethods } from './data-contract';
import { integrityMethods } from './integrity-contract';
import { jobMethods } from './jobs-contract';
import { overviewMethods } from './overview-contract';
import { scenarioMethods } from './scenarios-contract';
import { targetMethods } from './targets-contract';

export interface MethodDef {
  input: z.ZodType;
  output: z.ZodType;
}

function join<T extends Record<string, MethodDef>[]>(...parts: T): UnionToIntersection<T[number]> {
  const all: Record<string, MethodDef> = {};
  for (const part of parts) {
    for (const [name, def] of Object.entries(part)) {
      if (name in all) throw new Error(`API method declared twice: ${name}`);
      all[name] = def;
    }
  }
  return all as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export const contract = join(appMethods, overviewMethods, targetMethods, scenarioMethods, dataMethods, chartMethods, jobMethods, integrityMethods);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Bodies above this size are refused by the HTTP transport (uploads use their own route). */
export const maxRequestBytes = 1024 * 1024;
