import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n';
import { en, zh } from '../../../shared/i18n/messages';

describe('message catalogue', () => {
  it('has every key in both languages with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('fills parameters and keeps unknown placeholders visible', () => {
    expect(translate('en', 'workspace.notFound', { path: '/x.sqlite' })).toBe('Workspace file not found: /x.sqlite');
    expect(translate('zh', 'workspace.notFound', {})).toBe('工作区文件不存在：{path}');
    expect(translate('zh', 'no.such.key')).toBe('no.such.key');
  });
});
