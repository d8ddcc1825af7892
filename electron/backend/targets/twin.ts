// 成渝地区双城经济圈: one indicator for several regions side by side, per year its level, growth on the
// year before, and (for money indicators) its share of the same region's GDP.
import { WorkbenchError } from '../../../shared/api/errors';
import type { Db } from '../db/workspace';
import { annualFigures } from './monitor';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function compareRegions(db: Db, indicatorCode: string, regions: string[]) {
  const indicator = db.prepare('SELECT code, name_zh AS nameZh, name_en AS nameEn, unit FROM indicators WHERE code = ?').get(indicatorCode) as
    | { code: string; nameZh: string; nameEn: string; unit: string }
    | undefined;
  if (!indicator) throw new WorkbenchError('monitor.unknownIndicator', { code: indicatorCode });
  const series = (code: string, region: string) => new Map([...annualFigures(db, code, region)].map(([year, r]) => [year, r.value]));
  const money = indicator.unit === '亿元' && indicator.code !== 'gdp';
  const data = regions.map((region) => ({ region, values: series(indicator.code, region), gdp: money ? series('gdp', region) : new Map<number, number>() }));
  const years = [...new Set(data.flatMap((d) => [...d.values.keys()]))].sort((a, b) => a - b);
  const rows = years.map((year) => ({
    year,
    values: Object.fromEntries(
      data.map((d) => {
        const value = d.values.get(year) ?? null;
        const before = d.values.get(year - 1);
        const gdp = d.gdp.get(year);
        return [
          d.region,
          {
            value,
            growth: value !== null && before ? round(100 * (value / before - 1), 2) : null,
            share: value !== null && gdp ? round((100 * value) / gdp, 2) : null,
          },
        ];
      }),
    ),
  }));
  return { indicator, rows };
}
