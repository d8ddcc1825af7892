import { useEffect, useMemo, useState } from 'react';
import { MAX_QUICK_LOOK_SERIES, type IndicatorEntry, type RegionEntry, type SeriesPoint } from '../../../../shared/api/data-contract';
import { unitLabel } from '../../../../shared/format/unit-name';
import { useApp } from '../../app-context';
import { EChart } from '../../components/EChart';
import { quickLookOption } from './quick-look-option';

const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

function Picker<T extends { code: string }>({ label, items, chosen, onChange, name, testId }: {
  label: string;
  items: T[];
  chosen: string[];
  onChange: (codes: string[]) => void;
  name: (item: T) => string;
  testId: string;
}) {
  return (
    <label className="picker">
      {label}
      <select multiple size={8} value={chosen} data-testid={testId} onChange={(e) => onChange(Array.from(e.target.selectedOptions, (o) => o.value))}>
        {items.map((i) => (
          <option key={i.code} value={i.code}>{name(i)}</option>
        ))}
      </select>
    </label>
  );
}

/** A time-series quick look: pick indicators and regions, see their lines over the periods held. */
export function QuickLook({ version }: { version: number }) {
  const { client, t, locale, describeError } = useApp();
  const [indicators, setIndicators] = useState<IndicatorEntry[]>([]);
  const [regions, setRegions] = useState<RegionEntry[]>([]);
  const [pickedIndicators, setPickedIndicators] = useState<string[]>([]);
  const [pickedRegions, setPickedRegions] = useState<string[]>([]);
  const [points, setPoints] = useState<SeriesPoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([client.call('catalogue.indicators', {}), client.call('catalogue.regions', {})]).then(
      ([i, r]) => {
        setIndicators(i.filter((x) => x.observations > 0));
        setRegions(r.filter((x) => x.observations > 0));
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client, describeError, version]);

  const tooMany = pickedIndicators.length * pickedRegions.length > MAX_QUICK_LOOK_SERIES;
  const ready = pickedIndicators.length > 0 && pickedRegions.length > 0 && !tooMany;

  useEffect(() => {
    if (!ready) return;
    let live = true;
    client.call('observations.series', { indicators: pickedIndicators, regions: pickedRegions }).then(
      (p) => {
        if (!live) return;
        setPoints(p);
        setError(null);
      },
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [client, describeError, pickedIndicators, pickedRegions, ready, version]);

  const chart = useMemo(() => {
    if (!points || !ready) return null;
    const indicatorName = new Map(indicators.map((i) => [i.code, (locale === 'en' && i.nameEn) || i.nameZh]));
    const regionName = new Map(regions.map((r) => [r.code, (locale === 'en' && r.nameEn) || r.nameZh]));
    return quickLookOption(
      points,
      {
        indicator: (c) => indicatorName.get(c) ?? c,
        region: (c) => regionName.get(c) ?? c,
        status: (s) => t(`status.${s}`),
        measure: (p) => (locale === 'en' ? p.measureNameEn : p.measureName),
        unit: (u) => unitLabel(u, locale),
      },
      FONT,
    );
  }, [indicators, locale, points, ready, regions, t]);

  return (
    <div className="quick-look">
      <div className="pickers">
        <Picker
          label={t('data.quick.indicators')}
          items={indicators}
          chosen={pickedIndicators}
          onChange={setPickedIndicators}
          name={(i) => `${(locale === 'en' && i.nameEn) || i.nameZh} · ${unitLabel(i.unit, locale)}`}
          testId="quick-indicators"
        />
        <Picker label={t('data.quick.regions')} items={regions} chosen={pickedRegions} onChange={setPickedRegions} name={(r) => (locale === 'en' && r.nameEn) || r.nameZh} testId="quick-regions" />
        <p className="muted">{t('data.quick.hint', { max: MAX_QUICK_LOOK_SERIES })}</p>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {tooMany && <p className="error">{t('data.tooManySeries', { max: MAX_QUICK_LOOK_SERIES })}</p>}
      {!ready && !tooMany && <p className="muted">{t('data.quick.pick')}</p>}
      {chart && points && points.length === 0 && <p className="muted">{t('common.noRows')}</p>}
      {chart && points && points.length > 0 && (
        <>
          <EChart option={chart.option} height={420} testId="quick-look-chart" />
          {chart.droppedUnits.length > 0 && <p className="muted">{t('data.quick.droppedUnits', { units: chart.droppedUnits.map((u) => unitLabel(u, locale)).join(locale === 'en' ? ', ' : '、') })}</p>}
          {chart.droppedSubAnnual > 0 && <p className="muted">{t('data.quick.subAnnual', { count: chart.droppedSubAnnual })}</p>}
        </>
      )}
    </div>
  );
}
