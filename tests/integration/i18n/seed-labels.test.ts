// The labels and units the starting content writes read in English on an English screen: every one a
// fresh workspace holds, so a label or unit added to the seed without its English fails here.
import { afterAll, describe, expect, it } from 'vitest';
import { unitLabel } from '../../../shared/format/unit-name';
import { seedLabel } from '../../../shared/i18n/seed-labels';
import { tempService } from '../../helpers/temp';

const { service } = tempService();
afterAll(() => service.close());

const texts = (sql: string) => (service.db.prepare(sql).pluck().all() as string[]).filter(Boolean);

describe('seeded labels in English', () => {
  it.each([
    ['release labels', 'SELECT release_label FROM observations UNION SELECT release_label FROM observation_releases'],
    ['target areas', 'SELECT area FROM targets'],
    ['indicator categories', 'SELECT category FROM indicators'],
    ['measure publishers', 'SELECT publisher FROM measures'],
  ])('names every seeded %s', (_, sql) => {
    const labels = texts(sql);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((label) => seedLabel(label, 'en') === label)).toEqual([]);
  });

  it('names every seeded unit (a share stays %)', () => {
    const units = texts('SELECT unit FROM indicators UNION SELECT unit FROM targets UNION SELECT unit FROM observations').filter((u) => u !== '%');
    expect(units.length).toBeGreaterThan(0);
    expect(units.filter((unit) => unitLabel(unit, 'en') === unit)).toEqual([]);
  });

  it('keeps the label in Chinese and any label it does not know as written', () => {
    expect(seedLabel('第四次经济普查修订', 'en')).toBe('4th census revision');
    expect(seedLabel('第四次经济普查修订', 'zh')).toBe('第四次经济普查修订');
    expect(seedLabel('2024年快报', 'en')).toBe('2024年快报');
    expect(seedLabel('', 'en')).toBe('');
  });
});
