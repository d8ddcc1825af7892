import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import { scenarioName, type ScenarioSummary } from '../../../../shared/api/scenarios-contract';
import { useApp } from '../../app-context';

type Settings = Output<'monitor.settings'>;
type Notice = Output<'targets.monitor'>['settingsNotice'];

/**
 * The compared scenario and the thresholds of the status rules, kept in the workspace. Open, with the
 * notice, while saved settings carry a threshold added since they were saved.
 */
export function MonitorSettingsPanel({ settings, notice, onSaved }: { settings: Settings; notice: Notice; onSaved: () => void }) {
  const { client, locale, t, describeError } = useApp();
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [draft, setDraft] = useState({
    scenarioId: settings.scenarioId,
    onTrack: String(Math.round(settings.thresholds.onTrackRatio * 100)),
    maxGrowth: String(settings.thresholds.maxRequiredGrowth),
    maxPoints: String(settings.thresholds.maxRequiredPoints),
  });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.call('scenarios.list', {}).then(setScenarios, (e: unknown) => setError(describeError(e)));
  }, [client, describeError]);

  const save = () => {
    const onTrackRatio = Number(draft.onTrack) / 100;
    const maxRequiredGrowth = Number(draft.maxGrowth);
    const maxRequiredPoints = Number(draft.maxPoints);
    client.call('monitor.setSettings', { scenarioId: draft.scenarioId, thresholds: { onTrackRatio, maxRequiredGrowth, maxRequiredPoints } }).then(
      () => {
        setError(null);
        onSaved();
      },
      (e: unknown) => setError(describeError(e)),
    );
  };

  const compared = scenarios.find((s) => s.id === settings.scenarioId);
  return (
    <details className="monitor-settings" open={notice !== null || undefined}>
      <summary>
        {t('targets.scenario')}
        {locale === 'zh' ? '：' : ': '}
        {compared ? scenarioName(compared, locale) : t('targets.scenario.none')} · {t('targets.thresholds')}{' '}
        {Math.round(settings.thresholds.onTrackRatio * 100)}% / {settings.thresholds.maxRequiredGrowth}% / {settings.thresholds.maxRequiredPoints}
        {locale === 'zh' ? '' : ' '}
        {t('targets.threshold.points')}
      </summary>
      {notice && (
        <p className="notice" role="status" data-testid="settings-notice">
          {t('targets.settings.notice', { value: notice.value })}
        </p>
      )}
      <div className="form-grid">
        <label>
          {t('targets.scenario')}
          <select
            value={draft.scenarioId ?? ''}
            data-testid="monitor-scenario"
            onChange={(e) => setDraft({ ...draft, scenarioId: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">{t('targets.scenario.none')}</option>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {scenarioName(s, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('targets.threshold.onTrack')} (%)
          <input type="number" min={50} max={150} value={draft.onTrack} onChange={(e) => setDraft({ ...draft, onTrack: e.target.value })} data-testid="threshold-ontrack" />
        </label>
        <label>
          {t('targets.threshold.maxGrowth')} (%)
          <input type="number" min={0} max={200} value={draft.maxGrowth} onChange={(e) => setDraft({ ...draft, maxGrowth: e.target.value })} data-testid="threshold-growth" />
        </label>
        <label>
          {t('targets.threshold.maxPoints')} ({t('targets.threshold.points')})
          <input type="number" min={0} max={100} step={0.1} value={draft.maxPoints} onChange={(e) => setDraft({ ...draft, maxPoints: e.target.value })} data-testid="threshold-points" />
        </label>
        <button type="button" onClick={save}>
          {t('targets.settings.save')}
        </button>
        {error && <span role="alert" className="error">{error}</span>}
      </div>
    </details>
  );
}
