import { useEffect, useMemo, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import { buildOption } from '../../../../shared/charts/build-option';
import { chartDataSchema } from '../../../../shared/charts/data';
import { chartSpecSchema } from '../../../../shared/charts/spec';
import { formatPercent, formatWithUnit } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { EChart } from '../../components/EChart';

type Compare = Output<'regions.compare'>;
type Sources = Output<'charts.sources'>;

const twinRegions = ['CQ', 'SC', 'CD', 'CN'];

function nameOf(sources: Sources | null, locale: 'zh' | 'en', code: string): string {
  const r = sources?.regions.find((x) => x.code === code);
  return r ? (locale === 'en' ? r.nameEn || r.nameZh : r.nameZh) : code;
}

/** 成渝双城: one indicator for Chongqing, Sichuan, Chengdu and China, drawn with the regional-comparison template. */
export function TwinCityView() {
  const { client, locale, t, describeError } = useApp();
  const [sources, setSources] = useState<Sources | null>(null);
  const [indicator, setIndicator] = useState('gdp');
  const [regions, setRegions] = useState<string[]>(twinRegions);
  const [compare, setCompare] = useState<Compare | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.call('charts.sources', {}).then(setSources, (e: unknown) => setError(describeError(e)));
  }, [client, describeError]);
  useEffect(() => {
    if (regions.length === 0) return;
    client.call('regions.compare', { indicator, regions }).then(
      (c) => {
        setError(null);
        setCompare(c);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client, indicator, regions, describeError]);

  const regionName = (code: string) => nameOf(sources, locale, code);
  const indicatorName = compare ? (locale === 'en' && compare.indicator.nameEn ? compare.indicator.nameEn : compare.indicator.nameZh) : '';

  const option = useMemo(() => {
    if (!compare || compare.rows.length === 0) return null;
    const spec = chartSpecSchema.parse({
      template: 'regional-comparison',
      title: t('twin.chartTitle', { indicator: indicatorName }),
      locale,
      size: { preset: 'slide-16x9' },
      options: { mode: 'lines' },
    });
    const data = chartDataSchema.parse({
      series: regions.map((code) => ({
        id: code,
        name: nameOf(sources, locale, code),
        kind: 'actual',
        unit: compare.indicator.unit,
        region: nameOf(sources, locale, code),
        points: compare.rows.map((r) => ({ year: r.year, value: r.values[code]?.value ?? null })),
      })),
    });
    return buildOption(spec, data);
  }, [compare, regions, locale, sources, indicatorName, t]);

  const toggle = (code: string) => setRegions(regions.includes(code) ? regions.filter((r) => r !== code) : [...regions, code]);

  return (
    <div className="twin-city" data-testid="twin-city">
      <p className="muted">{t('twin.intro')}</p>
      <div className="toolbar">
        <label>
          {t('twin.indicator')}{' '}
          <select value={indicator} onChange={(e) => setIndicator(e.target.value)} data-testid="twin-indicator">
            {(sources?.indicators ?? []).map((i) => (
              <option key={i.code} value={i.code}>
                {locale === 'en' && i.nameEn ? i.nameEn : i.nameZh}（{i.unit}）
              </option>
            ))}
          </select>
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
      {option && <EChart option={option} height={380} testId="twin-chart" />}
      {compare && compare.rows.length > 0 && (
        <table className="twin-table" data-testid="twin-table">
          <thead>
            <tr>
              <th rowSpan={2}>{t('scenario.year')}</th>
              {regions.map((code) => (
                <th key={code} colSpan={3}>
                  {regionName(code)}
                </th>
              ))}
            </tr>
            <tr>
              {regions.flatMap((code) => [
                <th key={`${code}-l`}>{t('twin.level')}</th>,
                <th key={`${code}-g`}>{t('twin.growth')}</th>,
                <th key={`${code}-s`}>{t('twin.share')}</th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {compare.rows.map((row) => (
              <tr key={row.year}>
                <td>{row.year}</td>
                {regions.flatMap((code) => {
                  const v = row.values[code];
                  return [
                    <td key={`${code}-l`} className="num">
                      {v?.value === null || v === undefined ? '—' : formatWithUnit(v.value, compare.indicator.unit, locale)}
                    </td>,
                    <td key={`${code}-g`} className="num">
                      {v?.growth === null || v === undefined ? '—' : formatPercent(v.growth, locale)}
                    </td>,
                    <td key={`${code}-s`} className="num">
                      {v?.share === null || v === undefined ? '—' : formatPercent(v.share, locale)}
                    </td>,
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
