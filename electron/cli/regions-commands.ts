import type { Command } from 'commander';
import type { Output } from '../../shared/api/contract';
import type { TwinCell } from '../../shared/api/targets-contract';
import type { Locale } from '../../shared/format/number';
import { translate } from '../../shared/i18n';
import { seedLabel } from '../../shared/i18n/seed-labels';
import { formatBounded } from '../../shared/series/bound';
import { formatChange, isRateUnit } from '../../shared/series/change';
import { callApi, cliLocale, printJson, withWorkspace } from './context';

type Compare = Output<'regions.compare'>;
type Derived = Extract<TwinCell, { growth: unknown }>['growth'];

const TWIN_REGIONS = ['CQ', 'SC', 'CD', 'CN'];

/** Columns a terminal gives a text: CJK characters and full-width punctuation take two. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}

const pad = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));
const aside = (text: string, locale: Locale) => (locale === 'zh' ? `（${text}）` : ` (${text})`);

function measureName(c: Compare, code: string, locale: Locale): string {
  const m = c.measures.find((x) => x.code === code);
  return m ? (locale === 'en' && m.nameEn ? m.nameEn : m.nameZh) : code;
}

/** A growth or share as analysts read it: 9.34%, +2.6个百分点 (a share's change), ≥34.33% (推算), or — (why there is none). */
function derivedText(d: Derived | null, column: 'growth' | 'share', locale: Locale): string {
  if (d === null) return '';
  if (d.value === null) return `— ${translate(locale, `twin.why.${d.reason === 'bound' && column === 'share' ? 'bound-share' : d.reason}`)}`;
  if (column === 'growth') return formatChange(d.value, d.unit, d.bound, locale);
  return formatBounded(d.value, '%', d.bound, locale) + aside(translate(locale, `twin.basis.${d.basis}`), locale);
}

function cellColumns(c: Compare, cell: TwinCell, locale: Locale): string[] {
  if (cell.value === null) {
    const others = cell.others
      .map((o) => translate(locale, 'twin.other', { measure: measureName(c, o.measure, locale), year: o.year, value: formatBounded(o.value, c.indicator.unit, o.bound, locale) }))
      .join(translate(locale, 'twin.otherSeparator'));
    return [`— ${translate(locale, `twin.why.${cell.reason}`, { others })}`, '', '', '', ''];
  }
  // A share taken from another share indicator (the same quantity on the same measure) says which.
  const via = cell.via ? aside(translate(locale, 'twin.via', { indicator: locale === 'en' && cell.via.nameEn ? cell.via.nameEn : cell.via.nameZh }), locale) : '';
  const release = [seedLabel(cell.releaseLabel, locale), cell.released].filter(Boolean).join(' ');
  const status = cell.status === 'actual' ? '' : aside(translate(locale, `status.${cell.status}`), locale);
  return [
    formatBounded(cell.value, c.indicator.unit, cell.bound, locale) + status,
    measureName(c, cell.measure, locale) + via,
    derivedText(cell.growth, 'growth', locale),
    derivedText(cell.share, 'share', locale),
    release,
  ];
}

function printCompare(c: Compare, locale: Locale): void {
  const zh = locale === 'zh';
  const name = zh || !c.indicator.nameEn ? c.indicator.nameZh : c.indicator.nameEn;
  const measure = c.measure ? measureName(c, c.measure, locale) : translate(locale, 'twin.measure.all');
  const [sep, colon] = zh ? ['；', '：'] : ['; ', ': '];
  const asOf = c.asOf ?? translate(locale, 'twin.asOf.latest');
  // No unit in the title: each value carries its own, scaled to be read (2.16万亿元, 45.4%).
  console.log(
    `${name}${sep}${translate(locale, 'twin.asOf')}${colon}${asOf}${sep}${translate(locale, 'twin.measure')}${colon}${measure}`,
  );
  const head = [
    translate(locale, 'scenario.year'),
    translate(locale, 'twin.region'),
    translate(locale, 'twin.level'),
    translate(locale, 'twin.measure'),
    translate(locale, isRateUnit(c.indicator.unit) ? 'twin.change' : 'twin.growth'),
    ...(c.hasShare ? [translate(locale, 'twin.share')] : []),
    translate(locale, 'twin.release'),
  ];
  const lines = c.rows.flatMap((row) =>
    c.regions.map((r) => {
      const cell = row.values[r.code]!;
      const [level, m, growth, share, release] = cellColumns(c, cell, locale);
      return { figure: cell.value !== null, texts: [String(row.year), zh || !r.nameEn ? r.nameZh : r.nameEn, level!, m!, growth!, ...(c.hasShare ? [share!] : []), release!] };
    }),
  );
  // A line without a figure ends with its reason: it sets no column's width.
  const widths = head.map((h, i) => Math.max(width(h), ...lines.filter((l) => l.figure || i < 2).map((l) => width(l.texts[i]!))));
  for (const line of [head, ...lines.map((l) => l.texts)]) console.log(line.map((text, i) => pad(text, widths[i]!)).join('  ').trimEnd());
}

export function addRegionsCommands(program: Command): void {
  const regions = program.command('regions').description('成渝双城: one indicator for several regions');

  regions
    .command('compare')
    .description('level, growth and share of GDP per region, each with its measure, bound and release')
    .requiredOption('--indicator <code>', 'indicator code (gdp, de_scale, …)')
    .option('--year <year>', 'only this year (default: every year)')
    .option('--vintage <date>', 'the data as known on this date, YYYY-MM-DD (default: latest releases)')
    .option('--measure <code>', 'only figures on this measure (standard, cq-earlier, caict-broad, nbs-core, industry)')
    .option('--regions <codes>', 'comma-separated region codes', TWIN_REGIONS.join(','))
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((opts: { indicator: string; year?: string; vintage?: string; measure?: string; regions: string; workspace?: string; json?: boolean }) =>
      withWorkspace(opts.workspace, async (service) => {
        const c = await callApi<Compare>(service, 'regions.compare', {
          indicator: opts.indicator,
          regions: opts.regions.split(',').map((r) => r.trim()).filter(Boolean),
          year: opts.year === undefined ? undefined : Number(opts.year),
          asOf: opts.vintage,
          measure: opts.measure,
        });
        if (opts.json) printJson(c);
        else printCompare(c, cliLocale(program));
      }),
    );
}
