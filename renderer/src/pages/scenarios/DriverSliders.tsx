import type { DriverInfo } from '../../../../shared/engine';
import { formatPlain } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { getAt, type Draft } from './assumptions';
import { driverName } from './correlations';

/** The field a slider moves: the value the driver stands for, where the scenario writes it directly. */
export function sliderPath(draft: Draft, driver: DriverInfo, index: number): string | null {
  if (driver.id === 'uplift') return 'uplift.value';
  const series = driver.id === 'gdp' ? 'gdp' : `components[${index - 1}]`;
  const kind = getAt(draft, `${series}.growth.kind`);
  const field = { cagr: 'rate', elasticity: 'elasticity', increment: 'amount' }[String(kind)] ?? (kind === 'logistic' && getAt(draft, `${series}.growth.rate`) !== undefined ? 'rate' : null);
  return field ? `${series}.growth.${field}` : null;
}

/** Sliders for the main drivers (each component's growth, GDP growth, the uplift) within their bounds. */
export function DriverSliders({ draft, drivers, onChange }: { draft: Draft; drivers: DriverInfo[]; onChange: (path: string, value: number) => void }) {
  const { locale, t } = useApp();
  return (
    <div className="driver-sliders" data-testid="driver-sliders">
      {drivers.map((d, i) => {
        const path = sliderPath(draft, d, i);
        if (!path) return null;
        const value = Number(getAt(draft, path) ?? 0);
        const step = d.unit === '亿元/年' ? 1 : d.unit === '×' ? 0.01 : 0.1;
        const label = driverName(draft, d.id, t, locale);
        return (
          <label key={d.id} className="slider">
            <span className="slider-label" title={label}>
              {label}
            </span>
            <input
              type="range"
              min={d.bounds.min}
              max={d.bounds.max}
              step={step}
              value={value}
              aria-label={label}
              data-driver={d.id}
              onChange={(e) => onChange(path, Number(e.target.value))}
            />
            <span className="slider-value">
              {formatPlain(value, locale, 2)}
              {t(`scenario.unit.${d.unit}`)}
            </span>
          </label>
        );
      })}
    </div>
  );
}
