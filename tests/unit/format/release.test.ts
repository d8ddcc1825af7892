import { describe, expect, it } from 'vitest';
import { releaseDateText, releaseText } from '../../../shared/format/release';
import { sourceInLocale } from '../../../shared/format/source-text';

describe('releaseText', () => {
  it('writes a dated release as label and date, in the locale', () => {
    expect(releaseText({ releaseLabel: '第四次经济普查修订', released: '2020-01-01', year: 2018 }, 'zh')).toBe('第四次经济普查修订 · 2020-01-01');
    expect(releaseText({ releaseLabel: '第四次经济普查修订', released: '2020-01-01', year: 2018 }, 'en')).toBe('4th census revision · 2020-01-01');
  });

  it('says an undated release is undated and from when it counts as known, the first day after its year', () => {
    expect(releaseText({ releaseLabel: '初步核算数', released: '', year: 2019 }, 'zh')).toBe('初步核算数 · 日期不详（按2020-03-01起计）');
    expect(releaseText({ releaseLabel: '初步核算数', released: '', year: 2019 }, 'en')).toBe('preliminary estimate · date not given (counted from 2020-03-01)');
    expect(releaseText({ releaseLabel: '', released: '', year: 2022 }, 'zh')).toBe('日期不详（按2023-03-01起计）');
    expect(releaseText({ releaseLabel: '初步核算数', released: '', year: 2019 }, 'zh', true)).toBe('初步核算数 · 日期不详');
    expect(releaseDateText('', 2019, 'en', true)).toBe('undated');
    expect(releaseDateText('2024-01-19', 2022, 'en')).toBe('2024-01-19');
  });
});

describe('sourceInLocale', () => {
  it('puts the workbench’s confidence words in the locale and leaves the recorded source as it is', () => {
    const source = 'CAICT 中国数字经济发展研究报告(2023)（媒体转载）（可信度 M）';
    expect(sourceInLocale(source, 'zh')).toBe(source);
    expect(sourceInLocale(source, 'en')).toBe('CAICT 中国数字经济发展研究报告(2023) (reprinted in the press) (confidence M)');
    expect(sourceInLocale('重庆市统计局 统计公报', 'en')).toBe('重庆市统计局 统计公报');
  });
});
