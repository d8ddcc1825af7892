// The Scenarios page's address: `#/scenarios?id=3` opens scenario 3 (the Targets page links there),
// and the page keeps it pointing at the scenario open, so a reload or a copied link reopens it.

/** The scenario id an address asks for, or null when it is not the Scenarios page or names none. */
export function scenarioIdFromHash(hash: string): number | null {
  const [page, query] = hash.replace(/^#\/?/, '').split('?');
  if (page !== 'scenarios') return null;
  const id = Number(new URLSearchParams(query ?? '').get('id'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The address of scenario `id`, or of the page alone while the scenario open is not saved yet. */
export function scenarioHash(id: number | null): string {
  return id === null ? '#/scenarios' : `#/scenarios?id=${id}`;
}
