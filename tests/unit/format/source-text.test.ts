import { describe, expect, it } from 'vitest';
import { sourceInLocale } from '../../../shared/format/source-text';

describe('sourceInLocale', () => {
  it('puts a range of confidence in the locale, as a single level', () => {
    const source = '《重庆市数字经济“十四五”发展规划》（高校研究中心摘要）（可信度 L-M）';
    expect(sourceInLocale(source, 'zh')).toBe(source);
    expect(sourceInLocale(source, 'en')).toBe('《重庆市数字经济“十四五”发展规划》（高校研究中心摘要） (confidence L-M)');
  });

  it('names a figure the workbench derived in the locale, and only where the source opens with it', () => {
    const derived = '推算：27.2% × 27894.02（重庆GDP 2021）（可信度 H）';
    expect(sourceInLocale(derived, 'zh')).toBe(derived);
    expect(sourceInLocale(derived, 'en')).toBe('derived: 27.2% × 27894.02（重庆GDP 2021） (confidence H)');
    // A publisher's own words are the publisher's: "推算" inside a title stays as recorded.
    expect(sourceInLocale('国家统计局 推算方法说明', 'en')).toBe('国家统计局 推算方法说明');
    expect(sourceInLocale('测试（可信度 高）', 'en')).toBe('测试（可信度 高）');
  });
});
