// What a scenario's verdict on a later target rests on, as data and in words: the scenario, the
// figures it starts from (published or derived), the growth it assumes (never published: 示意), the
// distributions its probability draws from, and how its projection compares with what was published
// after its base year. The overview, the targets monitor and the CLI write the same disclosure, so a
// projection ("52.3%, met, 71%") is never quoted without the assumptions that give it.
import { z } from 'zod';
import { formatPercent, formatPlain, formatYi, type Locale } from '../format/number';
import { sourceInLocale } from '../format/source-text';
import { translate } from '../i18n';
import { seedLabel } from '../i18n/seed-labels';
import { BOUNDS, boundSign } from '../series/bound';

const named = { nameZh: z.string(), nameEn: z.string() };

export const scenarioBasisSchema = z.object({
  scenario: z.object({ id: z.number().int(), name: z.string() }),
  baseYear: z.number().int(),
  horizon: z.number().int(),
  measure: z.object({ code: z.string(), ...named }).nullable(),
  /** The figures the projection starts from: the digital economy (its parts together) and GDP. */
  bases: z.array(
    z.object({
      quantity: z.enum(['total', 'gdp']),
      ...named,
      value: z.number(),
      bound: z.enum(BOUNDS),
      /** As the workspace records the value; 'scenario': no figure of the workspace is it, a number set in the scenario. */
      status: z.enum(['actual', 'estimate', 'derived', 'illustrative', 'scenario']),
      source: z.string(),
      released: z.string(),
      releaseLabel: z.string(),
    }),
  ),
  /** The base year's share of GDP (%), when both bases are known. */
  baseShare: z.number().nullable(),
  /** The growth assumed for each series: its kind and the average a year it gives from the base year to the horizon (%). */
  growth: z.array(z.object({ ...named, kind: z.string(), average: z.number() })),
  /** The uncertainty the probability draws from, per driver, in the driver's unit; empty without uncertainty. */
  distributions: z.array(
    z.object({
      ...named,
      unit: z.enum(['%', 'pp', '亿元/年', '×']),
      kind: z.enum(['normal', 'lognormal', 'triangular', 'uniform']),
      mean: z.number().nullable(),
      sd: z.number().nullable(),
      min: z.number().nullable(),
      mode: z.number().nullable(),
      max: z.number().nullable(),
    }),
  ),
  /** The published series the scenario is set against, with the projection beside each figure after the base year; null: it names none. */
  checks: z
    .array(
      z.object({
        ...named,
        unit: z.enum(['亿元', '%']),
        points: z.array(z.object({ year: z.number().int(), projected: z.number(), actual: z.number(), bound: z.enum(BOUNDS) })),
      }),
    )
    .nullable(),
});
export type ScenarioBasis = z.infer<typeof scenarioBasisSchema>;

const nameIn = (x: { nameZh: string; nameEn: string }, locale: Locale) => (locale === 'en' && x.nameEn ? x.nameEn : x.nameZh);
const list = (items: string[], locale: Locale) => items.join(translate(locale, 'overview.basis.listSeparator'));

/** A value in its unit: 3.06万亿元, 45.4%. */
function amount(value: number, unit: '亿元' | '%', locale: Locale): string {
  return unit === '%' ? formatPercent(value, locale, 1) : formatYi(value, locale, 2);
}

/** A driver's value in its unit: 8%, 2个百分点, 1.2倍. */
function driverValue(value: number, unit: ScenarioBasis['distributions'][number]['unit'], spread: boolean, locale: Locale): string {
  const n = formatPlain(value, locale, 2);
  const key = unit === '%' ? (spread ? 'pp' : 'percent') : unit === 'pp' ? 'pp' : unit === '×' ? 'times' : 'yiPerYear';
  return translate(locale, `overview.basis.unit.${key}`, { n });
}

/**
 * A figure's source with its release, the parts the source does not already say: "CAICT
 * 中国数字经济发展研究报告(2023)，发布日期不详", "…指标表，2023-12-13", "…统计公报，初步核算数 · 发布日期不详".
 */
export function sourceWithRelease(source: string, released: string, releaseLabel: string, locale: Locale): string {
  const bare = (x: string) => x.replace(/[《》]/g, '');
  const label = releaseLabel && !bare(source).includes(bare(releaseLabel)) ? seedLabel(releaseLabel, locale) : '';
  const date = released ? (source.includes(released) ? '' : released) : translate(locale, 'overview.release.undated');
  const release = [label, date].filter(Boolean).join(' · ');
  const text = sourceInLocale(source, locale);
  return release ? translate(locale, 'overview.release.withSource', { source: text, release }) : text;
}

/** A published source as a sentence cites it: the publication and its year, without the reprint and confidence notes. */
export function shortSource(source: string): string {
  // A bracket holding only a year ("(2023)", "（2024年）") names which report it is and stays.
  const cut = source.search(/[（(](?!\d{4}年?[)）])/);
  return (cut > 0 ? source.slice(0, cut) : source).trim();
}

function baseText(b: ScenarioBasis['bases'][number], basis: ScenarioBasis, locale: Locale): string {
  const value = `${boundSign(b.bound)}${formatYi(b.value, locale, 2)}`;
  const measure = b.quantity === 'total' && basis.measure ? nameIn(basis.measure, locale) : '';
  const source = shortSource(b.source).replace(/^推算[：:]\s*/, '');
  const what =
    b.status === 'scenario'
      ? translate(locale, 'overview.basis.setInScenario')
      : b.status === 'actual'
        ? translate(locale, 'overview.basis.published', { source: sourceWithRelease(shortSource(b.source), b.released, b.releaseLabel, locale) })
        : translate(locale, 'overview.basis.notPublished', { status: translate(locale, `status.${b.status}`), source });
  return translate(locale, 'overview.basis.base', { name: nameIn(b, locale), value, about: measure ? `${measure}${translate(locale, 'overview.basis.listSeparator')}${what}` : what });
}

function growthText(g: ScenarioBasis['growth'][number], basis: ScenarioBasis, locale: Locale): string {
  const rate = formatPercent(g.average, locale, 1);
  if (g.kind === 'cagr') return translate(locale, 'overview.basis.growth.cagr', { name: nameIn(g, locale), rate });
  return translate(locale, 'overview.basis.growth.other', { name: nameIn(g, locale), kind: translate(locale, `scenario.kind.${g.kind}`), from: basis.baseYear, to: basis.horizon, rate });
}

function distributionText(d: ScenarioBasis['distributions'][number], locale: Locale): string {
  const v = (x: number | null, spread = false) => (x === null ? '' : driverValue(x, d.unit, spread, locale));
  return translate(locale, `overview.basis.dist.${d.kind}`, { name: nameIn(d, locale), mean: v(d.mean), sd: v(d.sd, true), min: v(d.min), mode: v(d.mode), max: v(d.max) });
}

function checkText(c: NonNullable<ScenarioBasis['checks']>[number], basis: ScenarioBasis, locale: Locale): string {
  const name = nameIn(c, locale);
  if (c.points.length === 0) return translate(locale, 'overview.basis.check.none', { name, year: basis.baseYear });
  const points = c.points.map((p) =>
    translate(locale, 'overview.basis.check.point', { year: p.year, projected: amount(p.projected, c.unit, locale), actual: `${boundSign(p.bound)}${amount(p.actual, c.unit, locale)}` }),
  );
  return translate(locale, 'overview.basis.check.series', { name, points: list(points, locale) });
}

/**
 * The disclosure in one paragraph: 情景“…”的依据：基数为2022年… ；增速为情景假设（示意）：… ；
 * 概率按假设分布抽样：… ；基年后已公布的实际值：2023年地区生产总值推算3.06万亿元，实际3.01万亿元…。
 */
export function scenarioBasisText(basis: ScenarioBasis, locale: Locale): string {
  const sep = translate(locale, 'overview.basis.separator');
  const bases = basis.bases.map((b) => baseText(b, basis, locale));
  const parts = [
    translate(locale, 'overview.basis.bases', { year: basis.baseYear, bases: list(bases, locale) }) +
      (basis.baseShare === null ? '' : translate(locale, 'overview.basis.baseShare', { share: formatPercent(basis.baseShare, locale, 1) })),
    translate(locale, 'overview.basis.growth', { growth: list(basis.growth.map((g) => growthText(g, basis, locale)), locale) }),
  ];
  if (basis.distributions.length) parts.push(translate(locale, 'overview.basis.distributions', { distributions: list(basis.distributions.map((d) => distributionText(d, locale)), locale) }));
  parts.push(basis.checks === null ? translate(locale, 'overview.basis.check.unnamed') : translate(locale, 'overview.basis.checks', { checks: basis.checks.map((c) => checkText(c, basis, locale)).join(translate(locale, 'overview.basis.checkSeparator')) }));
  return `${translate(locale, 'overview.basis.head', { scenario: basis.scenario.name })}${parts.join(sep)}${translate(locale, 'overview.end')}`;
}
