import { describe, expect, it } from 'vitest';
import { sourceInLocale } from '../../../shared/format/source-text';

describe('sourceInLocale', () => {
  it('puts a range of confidence in the locale, as a single level', () => {
    const source = '《重庆市数字经济“十四五”发展规划》（高校研究中心摘要）（可信度 L-M）';
    expect(sourceInLocale(source, 'zh')).toBe(source);
    expect(sourceInLocale(source, 'en')).toBe('《重庆市数字经济“十四五”发展规划》 (summary by a university research centre) (confidence L-M)');
  });

  it('names a figure the workbench derived in the locale, and only where the source opens with it', () => {
    const derived = '推算：27.2% × 27894.02（重庆GDP 2021）（可信度 H）';
    expect(sourceInLocale(derived, 'zh')).toBe(derived);
    expect(sourceInLocale(derived, 'en')).toBe("derived: 27.2% × 27894.02 (Chongqing's GDP 2021) (confidence H)");
    // A publisher's own words are the publisher's: "推算" inside a title stays as recorded.
    expect(sourceInLocale('国家统计局 推算方法说明', 'en')).toBe('国家统计局 推算方法说明');
    expect(sourceInLocale('测试（可信度 高）', 'en')).toBe('测试（可信度 高）');
  });

  it('says how a source was read in the locale (a reprint, a compilation), and leaves a note it does not know as recorded', () => {
    const source = '中国信通院《中国数字经济发展研究报告(2023)》（媒体转载）（可信度 M）';
    expect(sourceInLocale(source, 'zh')).toBe(source);
    expect(sourceInLocale(source, 'en')).toBe('中国信通院《中国数字经济发展研究报告(2023)》 (reprinted in the press) (confidence M)');
    expect(sourceInLocale('重庆市统计局（初步核算）（新华社）', 'en')).toBe('重庆市统计局 (preliminary estimate) (via Xinhua)');
    expect(sourceInLocale('工业互联网（含5G工厂）', 'en')).toBe('工业互联网（含5G工厂）');
  });
});
