// A scenario's own names in the reader's language: a component by its English name where it has one,
// else the English of a starting label (数字产业化 → digital industrialisation, shared/i18n/seed-labels.ts),
// else as written; GDP growth and the uplift by their messages. Ids never show.
import type { Locale } from '../format/number';
import { translate } from './index';
import { seedLabel } from './seed-labels';

export function componentName(c: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === 'en' ? (c.nameEn ?? seedLabel(c.name, locale)) : c.name;
}

/** A driver by name: GDP growth, the uplift, or its component's name (by id among `components`). */
export function driverName(id: string, components: ReadonlyArray<{ id: string; name: string; nameEn?: string | null }>, locale: Locale): string {
  if (id === 'gdp' || id === 'uplift') return translate(locale, `scenario.driver.${id}`);
  const c = components.find((x) => x.id === id);
  return c ? componentName(c, locale) : id;
}
