// Paths of the import fixtures (tests/fixtures/import) and a few shared expectations.

import { fileURLToPath } from 'node:url';

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));
}

export function sample(name: string): string {
  return fileURLToPath(new URL(`../../../data/sample/${name}`, import.meta.url));
}
