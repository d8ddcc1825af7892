import { describe, expect, it } from 'vitest';
import { codeFromName, loadInitials, uniqueCode } from '../../../../electron/backend/import/indicator-code';

/** One letter per Chinese character, a, b, c …: the rules without the dictionary. */
const letters = (han: string) => Array.from(han, (_, i) => String.fromCharCode(97 + (i % 26))).join('');

describe('indicator codes', () => {
  it('joins the initials of Chinese runs and the lowercased ASCII words with _', () => {
    expect(codeFromName('测试指标', letters)).toBe('abcd');
    expect(codeFromName('GDP增速', letters)).toBe('gdp_ab');
    expect(codeFromName('数字经济 Core', letters)).toBe('abcd_core');
  });

  it('starts with a letter, is never empty and at most 32 characters, cut at a word', () => {
    expect(codeFromName('2023年', letters)).toBe('ind_2023_a');
    expect(codeFromName('（）—', letters)).toBe('ind');
    expect(codeFromName('甲'.repeat(40), letters)).toHaveLength(32);
    expect(codeFromName(`${'甲'.repeat(31)} x`, letters)).toBe(letters('甲'.repeat(31)));
  });

  it('is made unique against the codes taken, ignoring case', () => {
    const taken = new Set(['gdp', 'cszb']);
    expect(uniqueCode('GDP', taken)).toBe('GDP_2');
    expect(uniqueCode('cszb', taken)).toBe('cszb_2');
    expect(uniqueCode('cszb', taken)).toBe('cszb_3');
    expect(uniqueCode('new', taken)).toBe('new');
    expect(taken.has('cszb_3') && taken.has('new')).toBe(true);
  });

  it('reads polyphonic characters by their word (重庆 → cq, 银行 → yh)', async () => {
    const initials = await loadInitials();
    expect(codeFromName('重庆市银行存款余额', initials)).toBe('cqsyhckye');
    expect(codeFromName('测试指标', initials)).toBe('cszb');
  });
});
