import { useState } from 'react';
import type { DriverCalibration, ScenarioCalibration } from '../../../../shared/api/scenarios-contract';
import { formatPlain } from '../../../../shared/format/number';
import { calibrationDriverName, calibrationLines } from '../../../../shared/i18n/calibration-text';
import { useApp } from '../../app-context';
import { ClientError } from '../../client';
import type { DraftChange } from './CorrelationEditor';
import type { Draft } from './assumptions';
import './calibration.css';

type Distribution = NonNullable<Draft['uncertainty']>['drivers'][string];

/**
 * The driver's distribution as suggested: normal with the suggested mean and sd, keeping what the
 * analyst set beside the distribution (its truncation, its own persistence). An edit of the draft like
 * any other: it shows in the sheet, can be edited there and is discarded with the draft's other edits.
 */
export function adoptSuggestion(draft: Draft, driver: string, suggestion: NonNullable<DriverCalibration['suggestion']>): Draft {
  const uncertainty = draft.uncertainty ?? { drivers: {} };
  const current: Partial<Distribution> = uncertainty.drivers[driver] ?? {};
  const next: Distribution = {
    kind: 'normal',
    mean: suggestion.mean,
    sd: suggestion.sd,
    ...(current.truncate ? { truncate: current.truncate } : {}),
    ...(current.persistence !== undefined ? { persistence: current.persistence } : {}),
  };
  return { ...draft, uncertainty: { ...uncertainty, drivers: { ...uncertainty.drivers, [driver]: next } } };
}

interface Asked {
  loading: boolean;
  result: ScenarioCalibration | null;
  error: string | null;
}

/**
 * Beside the uncertainty settings: per driver (GDP growth and each component), "从历史数据建议" asks
 * the service for a normal distribution from the past growth of the driver's linked series; the
 * answer names the years, the count, the measure and what was left out, and 采用 sets the driver's
 * distribution in the draft. Works on the saved scenario's links (keyed by scenario, so answers go with it).
 */
export function CalibrationPanel({ scenarioId, draft, onChange }: { scenarioId: number | null; draft: Draft; onChange: DraftChange }) {
  const { client, locale, t, describeError } = useApp();
  const [asked, setAsked] = useState<Record<string, Asked>>({});
  const [adopted, setAdopted] = useState<string | null>(null);
  const drivers = [{ id: 'gdp', label: '', labelEn: null }, ...(draft.components ?? []).map((c) => ({ id: c.id, label: c.name, labelEn: c.nameEn ?? null }))];
  const ask = (driver: string) => {
    if (scenarioId === null) return;
    setAsked((cur) => ({ ...cur, [driver]: { loading: true, result: null, error: null } }));
    client.call('scenarios.calibrate', { id: scenarioId, driver }).then(
      (result) => setAsked((cur) => ({ ...cur, [driver]: { loading: false, result, error: null } })),
      // A driver added since the last save is not in the saved scenario the service reads.
      (e: unknown) => {
        const error = e instanceof ClientError && e.code === 'engine.unknown_driver' ? t('calibrate.driverNotSaved') : describeError(e);
        setAsked((cur) => ({ ...cur, [driver]: { loading: false, result: null, error } }));
      },
    );
  };
  return (
    <section className="panel calibration" data-testid="calibration">
      <h3>{t('calibrate.title')}</h3>
      <p className="muted calibration-intro">{t('calibrate.intro')}</p>
      {scenarioId === null ? (
        <p className="muted">{t('calibrate.needsSaved')}</p>
      ) : (
        <ul className="calibration-list">
          {drivers.map((d) => {
            const state = asked[d.id];
            const c = state?.result?.drivers[0];
            const name = calibrationDriverName({ driver: d.id, label: d.label, labelEn: d.labelEn }, locale);
            const [head, ...rest] = c && state?.result ? calibrationLines(c, state.result.asOf, locale) : [];
            return (
              <li key={d.id} data-testid={`calibrate-${d.id}`}>
                <div className="calibration-row">
                  <strong>{name}</strong>
                  <button type="button" onClick={() => ask(d.id)} disabled={state?.loading} data-testid={`calibrate-ask-${d.id}`}>
                    {t('calibrate.action')}
                  </button>
                  {c?.suggestion && (
                    <button
                      type="button"
                      className="primary"
                      data-testid={`calibrate-adopt-${d.id}`}
                      onClick={() => {
                        onChange((cur) => adoptSuggestion(cur, d.id, c.suggestion!));
                        setAdopted(t('calibrate.adopted', { driver: name, mean: formatPlain(c.suggestion!.mean, locale, 2), sd: formatPlain(c.suggestion!.sd, locale, 2) }));
                      }}
                    >
                      {t('calibrate.adopt')}
                    </button>
                  )}
                </div>
                {state?.loading && <p className="muted">{t('common.loading')}</p>}
                {state?.error && (
                  <p className="error" role="alert">
                    {state.error}
                  </p>
                )}
                {head && (
                  <div className="calibration-answer" data-testid={`calibrate-answer-${d.id}`}>
                    <p className={c?.suggestion ? 'calibration-suggestion' : 'muted'}>{head}</p>
                    {rest.map((line) => (
                      <p key={line} className="muted">
                        {line}
                      </p>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {adopted && (
        <p className="ok" role="status" data-testid="calibrate-adopted">
          {adopted}
        </p>
      )}
    </section>
  );
}
