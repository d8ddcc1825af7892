import { useState } from 'react';
import { defaultPersistence, defaultSampling, type DriverInfo, type MonteCarloResult, type Persistence, type ResolvedScenario } from '../../../../shared/engine';
import { formatPlain, type Locale } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { persistenceKinds, samplingKinds, type AssumptionRow } from './assumptions';
import './persistence.css';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** An edit of the draft as the sheet makes it (a row's path and editor, the text typed or picked). */
export type DraftEdit = (row: Pick<AssumptionRow, 'path' | 'editor'>, text: string) => void;

/** 每条路径抽取一次 / 每年重新抽取 / 自相关 ρ=0.6 */
export function persistenceLabel(p: Persistence, t: Translate, locale: Locale): string {
  return typeof p === 'number' ? t('scenario.persistence.rho', { rho: formatPlain(p, locale, 2) }) : t(`scenario.persistence.${p}`);
}

/** Which persistence a Monte Carlo run used: the scenario's, and each driver that had its own. */
export function persistenceUsed(result: MonteCarloResult, drivers: readonly DriverInfo[], t: Translate, locale: Locale): string {
  const own = Object.entries(result.persistence.drivers).filter(([, p]) => p !== result.persistence.scenario);
  const name = (id: string) => (id === 'gdp' || id === 'uplift' ? t(`scenario.driver.${id}`) : (drivers.find((d) => d.id === id)?.label ?? id));
  const list = own.map(([id, p]) => `${name(id)}${locale === 'zh' ? '：' : ': '}${persistenceLabel(p, t, locale)}`).join(locale === 'zh' ? '；' : '; ');
  return t('scenario.mc.persistence', { persistence: persistenceLabel(result.persistence.scenario, t, locale) }) + (own.length ? t('scenario.mc.persistenceDrivers', { drivers: list }) : '');
}

/**
 * The scenario's persistence and sampling beside the Monte Carlo run: a choice of 每条路径抽取一次 /
 * 每年重新抽取 / 自相关 ρ with what each means, and 独立随机抽样 / 拉丁超立方抽样. It edits the draft
 * as the sheet's rows `uncertainty.persistence` and `uncertainty.sampling` do (a driver's own
 * persistence is set in the sheet); ρ is committed on Enter or when the field is left.
 */
export function PersistenceControl({ scenario, onEdit }: { scenario: ResolvedScenario; onEdit: DraftEdit }) {
  const { t } = useApp();
  const current = scenario.uncertainty?.persistence ?? defaultPersistence;
  const kind = typeof current === 'number' ? 'ar' : current;
  const sampling = scenario.uncertainty?.sampling ?? defaultSampling;
  return (
    <div className="persistence-control" data-testid="mc-persistence-control">
      <div className="toolbar wrap">
        <label>
          {t('scenario.field.persistence')}{' '}
          <select value={kind} onChange={(e) => onEdit({ path: 'uncertainty.persistence.kind', editor: 'select' }, e.target.value)} data-testid="mc-persistence">
            {persistenceKinds.map((k) => (
              <option key={k} value={k}>
                {t(`scenario.persistence.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {typeof current === 'number' && <RhoInput key={current} rho={current} onEdit={onEdit} />}
        <label>
          {t('scenario.field.sampling')}{' '}
          <select value={sampling} onChange={(e) => onEdit({ path: 'uncertainty.sampling', editor: 'select' }, e.target.value)} data-testid="mc-sampling">
            {samplingKinds.map((k) => (
              <option key={k} value={k}>
                {t(`scenario.sampling.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted" data-testid="mc-persistence-help">
        {t('scenario.persistence.help')}
      </p>
      <p className="muted" data-testid="mc-sampling-help">
        {t('scenario.sampling.help')}
      </p>
    </div>
  );
}

/** ρ as typed, committed on Enter or when the field is left; a new ρ from the sheet remounts it (keyed by value). */
function RhoInput({ rho, onEdit }: { rho: number; onEdit: DraftEdit }) {
  const { t } = useApp();
  const [text, setText] = useState(String(rho));
  const commit = () => {
    if (text !== String(rho)) onEdit({ path: 'uncertainty.persistence', editor: 'number' }, text);
  };
  return (
    <label>
      ρ{' '}
      <input
        className="seed"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        aria-label={t('scenario.field.rho')}
        data-testid="mc-rho"
      />
    </label>
  );
}
