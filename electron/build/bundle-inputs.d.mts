export const INPUTS_FILE: string;
export function writeInputs(dir: string, builtAt: number, inputs: Iterable<string>): void;
export function staleInput(root: string, dir: string): string | null;
