import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { buildOption } from '../../../shared/charts/build-option';
import { createFrame, DEFAULT_FONT_STACK, escapeHtml, footerLines } from '../../../shared/charts/frame';
import { chartSpecSchema } from '../../../shared/charts/spec';
import { indicator, regional, trajectory } from '../../fixtures/charts/briefing';

type Graphic = { style: { text: string } };
const footerText = (option: EChartsOption): string[] => (option.graphic as Graphic[]).map((g) => g.style.text);

describe('briefing frame', () => {
  it('prefixes the source note once and adds the illustrative note when any value is illustrative', () => {
    const [source, footnote, note] = footerLines(createFrame(trajectory.spec, trajectory.data, { fontFamily: DEFAULT_FONT_STACK }));
    expect(source).toMatch(/^数据来源：重庆邮电大学/);
    expect(footnote).toBe('2020年值按核心产业占GDP比重7.3%与GDP推算。');
    expect(note).toBe('注：标“示意”的数据为示意值，并非公布数据。');
    const already = chartSpecSchema.parse({ ...indicator.spec, sourceNote: '资料来源：国家统计局' });
    expect(footerLines(createFrame(already, indicator.data, { fontFamily: DEFAULT_FONT_STACK }))).toEqual(['资料来源：国家统计局']);
  });

  it('writes title, subtitle, footer and signature into the option', () => {
    const option = buildOption(regional.spec, regional.data);
    // The subtitle's 亿元 says the unit the axis rescaled to: 重庆's GDP reaches 3.2万亿元.
    expect(option.title).toMatchObject({ text: '地区生产总值：重庆、四川、成都', subtext: '万亿元，当年价，初步核算数' });
    expect(footerText(option)).toEqual([
      '数据来源：重庆市统计局、四川省统计局、成都市统计局\n成都2019、2021年为约数（1.70万亿、1.99万亿）；成都2022年、四川2024年无数据。',
      'Digital economy think tank (sample)  2024-06-30',
    ]);
    expect(option.animation).toBe(false);
  });

  it('leaves title and footer to the slide when asked for the plot only', () => {
    const option = buildOption(regional.spec, regional.data, { fontFamily: DEFAULT_FONT_STACK, plotOnly: true });
    expect(option.title).toEqual({ show: false });
    expect(option.graphic).toEqual([]);
  });

  it('writes the given font family on all text', () => {
    const option = buildOption(regional.spec, regional.data, { fontFamily: "'Test Sans', sans-serif" });
    expect(option.textStyle).toMatchObject({ fontFamily: "'Test Sans', sans-serif" });
  });

  it('gives smaller text to smaller sizes', () => {
    const slide = createFrame(regional.spec, regional.data, { fontFamily: DEFAULT_FONT_STACK }).metrics;
    const column = createFrame(chartSpecSchema.parse({ ...regional.spec, size: { preset: 'report-column' } }), regional.data, { fontFamily: DEFAULT_FONT_STACK }).metrics;
    expect(column.font).toBeLessThan(slide.font);
    expect(column.smallFont).toBeGreaterThanOrEqual(8);
  });

  it('escapes every markup character', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});
