import { useEffect, useMemo, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import type { TwinCell } from '../../../../shared/api/targets-contract';
import { buildOption } from '../../../../shared/charts/build-option';
import { chartDataSchema } from '../../../../shared/charts/data';
import { chartSpecSchema } from '../../../../shared/charts/spec';
import { unitLabel } from '../../../../shared/format/unit-name';
import { seedLabel } from '../../../../shared/i18n/seed-labels';
import { formatBounded } from '../../../../shared/series/bound';
import { formatChange, isRateUnit } from '../../../../shared/series/change';
import { useApp } from '../../app-context';
import { EChart } from '../../components/EChart';
import { DateField } from '../../components/DateField';

type Compare = Output<'regions.compare'>;
type Sources = Output<'charts.sources'>;
type Derived = Extract<TwinCell, { growth: unknown }>['growth'];
type Others = Extract<TwinCell, { others: unknown }>['others'];

const twinRegions = ['CQ', 'SC', 'CD', 'CN'];
/**
 * 全国's level (about 121万亿元 of GDP in 2022) is some forty times a region's: on one axis it flattens
 * the regions' lines to the floor. A level is drawn for the regions only unless asked; the table
 * lists 全国 always, and its share and growth are the national benchmark. A share or rate (%) is
 * on the regions' scale and keeps 全国 in the chart.
 */
const national = 'CN';

function nameOf(sources: Sources | null, locale: 'zh' | 'en', code: string): string {
  const r = sources?.regions.find((x) => x.code === code);
  return r ? (locale === 'en' ? r.nameEn || r.nameZh : r.nameZh) : code;
}

/** A second, smaller line under a number: its measure, a reason, a basis. */
function Aside({ text, title }: { text: string; title?: string }) {
  return (
    <div className="muted twin-aside" title={title}>
      {text}
    </div>
  );
}

/**
 * 成渝双城: one indicator for Chongqing, Sichuan, Chengdu and China through the series layer, drawn
 * with the regional-comparison template. Every number shows its bound (≥…), its measure and where a
 * growth or share is missing, why; shares say whether they are published or computed, a share taken
 * from another share indicator names it, and a share's change is in percentage points.
 */
export function TwinCityView() {
  const { client, locale, t, describeError } = useApp();
  const [sources, setSources] = useState<Sources | null>(null);
  const [indicator, setIndicator] = useState('gdp');
  const [measure, setMeasure] = useState('');
  const [asOf, setAsOf] = useState('');
  const [regions, setRegions] = useState<string[]>(twinRegions);
  const [nationalDrawn, setNationalDrawn] = useState(false);
  const [compare, setCompare] = useState<Compare | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.call('charts.sources', {}).then(setSources, (e: unknown) => setError(describeError(e)));
  }, [client, describeError]);
  useEffect(() => {
    if (regions.length === 0) return;
    // A slower answer to an earlier choice must not replace the current one (stale labels and rows).
    let current = true;
    client.call('regions.compare', { indicator, regions, ...(asOf ? { asOf } : {}), ...(measure ? { measure } : {}) }).then(
      (c) => {
        if (!current) return;
        setError(null);
        setCompare(c);
      },
      (e: unknown) => current && setError(describeError(e)),
    );
    return () => {
      current = false;
    };
  }, [client, indicator, regions, asOf, measure, describeError]);

  const regionName = (code: string) => nameOf(sources, locale, code);
  const indicatorName = compare ? (locale === 'en' && compare.indicator.nameEn ? compare.indicator.nameEn : compare.indicator.nameZh) : '';
  const measureName = (code: string) => {
    const m = compare?.measures.find((x) => x.code === code);
    return m ? (locale === 'en' && m.nameEn ? m.nameEn : m.nameZh) : code;
  };
  /** The figures of the year on other measures: 重庆市此前口径2021年27.2%. */
  const othersText = (others: Others, unit: string) =>
    others.map((o) => t('twin.other', { measure: measureName(o.measure), year: o.year, value: formatBounded(o.value, unit, o.bound, locale) })).join(t('twin.otherSeparator'));
  const why = (reason: string, column: 'level' | 'growth' | 'share', others = '') =>
    t(`twin.why.${reason === 'bound' && column === 'share' ? 'bound-share' : reason}`, { others });

  const option = useMemo(() => {
    if (!compare || compare.rows.length === 0) return null;
    const left = !isRateUnit(compare.indicator.unit) && !nationalDrawn ? national : null;
    const spec = chartSpecSchema.parse({
      template: 'regional-comparison',
      title: t('twin.chartTitle', { indicator: indicatorName }),
      locale,
      size: { preset: 'slide-16x9' },
      options: { mode: 'lines' },
    });
    // The regions the answer was computed for, not the checkboxes' current state.
    const data = chartDataSchema.parse({
      // A region without any figure of the indicator is left out of the chart (the table says why).
      series: compare.regions.filter(({ code }) => code !== left && compare.rows.some((r) => r.values[code]?.value != null)).map(({ code }) => {
        const cells = compare.rows.map((r) => r.values[code]);
        return {
          id: code,
          name: nameOf(sources, locale, code),
          kind: 'actual',
          unit: compare.indicator.unit,
          region: nameOf(sources, locale, code),
          basis: cells.some((c) => c?.value !== null && c?.status === 'derived') ? 'derived' : 'published',
          breaksBefore: compare.breaks[code] ?? [],
          // Each point with its bound and measure, so an end label reads ≥1万亿元 and a tooltip names the measure.
          points: compare.rows.map((r) => {
            const cell = r.values[code];
            return cell && cell.value !== null ? { year: r.year, value: cell.value, bound: cell.bound, measure: cell.measure } : { year: r.year, value: null };
          }),
        };
      }),
    });
    if (data.series.length === 0) return null;
    return buildOption(spec, data);
  }, [compare, locale, sources, indicatorName, t, nationalDrawn]);

  const toggle = (code: string) => setRegions(regions.includes(code) ? regions.filter((r) => r !== code) : [...regions, code]);

  const levelCell = (cell: TwinCell | undefined, unit: string) => {
    if (!cell || cell.value === null) {
      const reason = cell ? why(cell.reason, 'level', othersText(cell.others, unit)) : t('twin.why.no-figure');
      return (
        <>
          —<Aside text={reason} />
        </>
      );
    }
    const label = seedLabel(cell.releaseLabel, locale);
    const release = label || cell.released ? t('twin.released', { label, date: cell.released }) : '';
    const via = cell.via ? t('twin.via', { indicator: locale === 'en' && cell.via.nameEn ? cell.via.nameEn : cell.via.nameZh }) : '';
    const title = [via, cell.source, release, cell.revised ? t('twin.revised') : ''].filter(Boolean).join('\n');
    const status = cell.status === 'actual' ? '' : t(`status.${cell.status}`);
    // Which release, shown and not only on hover: 重庆 2018 census-revised beside 四川 2018 first release.
    const which = label || cell.released;
    return (
      <>
        <span title={title}>{formatBounded(cell.value, unit, cell.bound, locale)}</span>
        <Aside text={[measureName(cell.measure), which, status].filter(Boolean).join(' · ')} title={title} />
        {via && <Aside text={via} title={title} />}
      </>
    );
  };

  const derivedCell = (d: Derived | null | undefined, column: 'growth' | 'share') => {
    if (!d) return '—';
    if (d.value === null) {
      const reason = why(d.reason, column);
      return (
        <span title={reason}>
          —<Aside text={reason} />
        </span>
      );
    }
    if (column === 'growth') return formatChange(d.value, d.unit, d.bound, locale);
    const text = formatBounded(d.value, '%', d.bound, locale);
    const title = d.basis === 'published' ? d.source : t('twin.basis.computedHint');
    return (
      <>
        <span title={title}>{text}</span>
        <Aside text={`${t(`twin.basis.${d.basis}`)} · ${measureName(d.measure)}`} title={title} />
      </>
    );
  };

  const shown = compare?.regions.map((r) => r.code) ?? [];
  const columns = compare?.hasShare ? 3 : 2;
  const rate = compare ? isRateUnit(compare.indicator.unit) : false;
  /** 全国 is among the regions asked, with a level the chart leaves out unless asked (see `national`). */
  const nationalChoice = compare !== null && !rate && shown.includes(national) && compare.rows.some((r) => r.values[national]?.value != null);

  return (
    <div className="twin-city" data-testid="twin-city">
      <p className="muted">{t('twin.intro')}</p>
      <div className="toolbar">
        <label>
          {t('twin.indicator')}{' '}
          <select value={indicator} onChange={(e) => setIndicator(e.target.value)} data-testid="twin-indicator">
            {(sources?.indicators ?? []).map((i) => (
              <option key={i.code} value={i.code}>
                {locale === 'en' && i.nameEn ? `${i.nameEn} (${unitLabel(i.unit, locale)})` : `${i.nameZh}（${i.unit}）`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('twin.measure')}{' '}
          <select value={measure} onChange={(e) => setMeasure(e.target.value)} data-testid="twin-measure">
            <option value="">{t('twin.measure.all')}</option>
            {(compare?.measures ?? []).map((m) => (
              <option key={m.code} value={m.code}>
                {locale === 'en' && m.nameEn ? m.nameEn : m.nameZh}
              </option>
            ))}
          </select>
        </label>
        <label title={t('twin.asOf.hint')}>
          {t('twin.asOf')}{' '}
          <DateField value={asOf} onChange={setAsOf} releases testId="twin-as-of" />
        </label>
        <span>{t('twin.regions')}</span>
        {twinRegions.map((code) => (
          <label key={code} className="check">
            <input type="checkbox" checked={regions.includes(code)} onChange={() => toggle(code)} /> {regionName(code)}
          </label>
        ))}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {compare && compare.rows.length === 0 && <p className="muted">{t('twin.noData')}</p>}
      {/* A new chart per question: replacing the option in place left the previous series' end labels behind, unplaced. */}
      {nationalChoice && (
        <p className="twin-chart-note">
          <label className="check">
            <input type="checkbox" checked={nationalDrawn} onChange={(e) => setNationalDrawn(e.target.checked)} data-testid="twin-national-drawn" /> {t('twin.chart.national', { region: regionName(national) })}
          </label>
          {!nationalDrawn && <span className="muted">{t('twin.chart.nationalLeft', { region: regionName(national) })}</span>}
        </p>
      )}
      {option && compare && (
        <EChart key={JSON.stringify([compare.indicator.code, compare.measure, compare.asOf, shown, nationalDrawn])} option={option} height={380} testId="twin-chart" />
      )}
      {compare && compare.rows.length > 0 && (
        <table className="twin-table" data-testid="twin-table">
          <thead>
            <tr>
              <th rowSpan={2}>{t('scenario.year')}</th>
              {shown.map((code) => (
                <th key={code} colSpan={columns}>
                  {regionName(code)}
                </th>
              ))}
            </tr>
            <tr>
              {shown.flatMap((code) => [
                <th key={`${code}-l`}>{t('twin.level')}</th>,
                rate ? (
                  <th key={`${code}-g`} title={t('twin.change.hint')}>
                    {t('twin.change')}
                  </th>
                ) : (
                  <th key={`${code}-g`}>{t('twin.growth')}</th>
                ),
                ...(compare.hasShare ? [<th key={`${code}-s`}>{t('twin.share')}</th>] : []),
              ])}
            </tr>
          </thead>
          <tbody>
            {compare.rows.map((row) => (
              <tr key={row.year}>
                <td>{row.year}</td>
                {shown.flatMap((code) => {
                  const cell = row.values[code];
                  const figure = cell && cell.value !== null ? cell : null;
                  return [
                    <td key={`${code}-l`} className="num" data-testid={`twin-${code}-${row.year}-level`}>
                      {levelCell(cell, compare.indicator.unit)}
                    </td>,
                    <td key={`${code}-g`} className="num" data-testid={`twin-${code}-${row.year}-growth`}>
                      {figure ? derivedCell(figure.growth, 'growth') : ''}
                    </td>,
                    ...(compare.hasShare
                      ? [
                          <td key={`${code}-s`} className="num" data-testid={`twin-${code}-${row.year}-share`}>
                            {figure ? derivedCell(figure.share, 'share') : ''}
                          </td>,
                        ]
                      : []),
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
