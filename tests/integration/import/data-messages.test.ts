import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n';
import { dataMessagesEn, dataMessagesZh } from '../../../shared/i18n/data-messages';
import { repoRoot } from '../../helpers/cli';

const sources = ['renderer/src/pages/DataPage.tsx', 'renderer/src/components/DataGrid.tsx', ...fs.readdirSync(path.join(repoRoot, 'renderer/src/pages/data')).map((f) => `renderer/src/pages/data/${f}`)]
  .filter((f) => f.endsWith('.tsx'))
  .map((f) => fs.readFileSync(path.join(repoRoot, f), 'utf8'));

describe('Data page messages', () => {
  it('has every key in both languages with the same placeholders', () => {
    expect(Object.keys(dataMessagesEn).sort()).toEqual(Object.keys(dataMessagesZh).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(dataMessagesZh)) expect(names(dataMessagesEn[key]!), key).toEqual(names(dataMessagesZh[key]!));
  });

  it('has a text for every literal key the Data page asks for, and for every key it builds', () => {
    const literal = sources.flatMap((s) => [...s.matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1]!));
    expect(literal.length).toBeGreaterThan(100);
    const built = [
      ...['observations', 'import', 'history', 'catalogue', 'quick'].map((n) => `data.tab.${n}`),
      ...['long', 'wide', 'portal', 'seed'].map((n) => `data.layout.${n}`),
      ...['indicator', 'region', 'period', 'value', 'unit', 'measure', 'status', 'source', 'note', 'series', 'ignore'].map((n) => `data.role.${n}`),
      ...['indicator', 'region', 'period', 'unit'].map((n) => `data.fixed.${n}`),
      ...['fail', 'replace', 'keep', 'revise'].map((n) => `data.conflict.${n}`),
      ...['fail', 'replace', 'keep', 'revise'].map((n) => `data.history.conflict.${n}`),
      ...['replace', 'keep', 'revise'].map((n) => `data.import.effect.${n}`),
      ...['option', 'note'].map((n) => `data.preview.measure.${n}`),
      ...['error', 'warning'].map((n) => `data.problem.${n}`),
      'data.value',
      'data.note',
      ...['read', 'preview', 'import', 'export'].map((n) => `data.step.${n}`),
    ];
    for (const key of [...literal, ...built]) {
      for (const locale of ['zh', 'en'] as const) expect(translate(locale, key), `${locale} ${key}`).not.toBe(key);
    }
  });
});
