import { Fragment, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import type { MonitorRow, Plan } from '../../../../shared/api/targets-contract';
import { releaseText } from '../../../../shared/format/release';
import { sourceInLocale } from '../../../../shared/format/source-text';
import { tagsMeasure } from '../../../../shared/monitor/measure-tag';
import { parseNumber } from '../../../../shared/parse/number';
import { BOUNDS, boundOfText, type Bound } from '../../../../shared/series/bound';
import { DateField } from '../../components/DateField';
import { useApp } from '../../app-context';
import { BoundedValue, latestText, measureLabel, ruleText, type MeasureRef } from './monitor-text';
import { TargetForm } from './TargetForms';

type History = Output<'targets.history'>;

/** A value being recorded: typed as a source writes it ("约296" sets 约数), with its bound and release date. */
interface ActualDraft {
  year: string;
  value: string;
  bound: Bound;
  released: string;
  source: string;
  note: string;
}
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** An audited field as a reader names it (目标值, 实际值（2022年）), not its code; a field without a name keeps its code. */
function fieldName(field: string, t: Translate): string {
  const actual = /^actual\.(\d{4})(?:\.(bound|released))?$/.exec(field);
  if (actual) return t(actual[2] ? `targets.history.actual.${actual[2]}` : 'targets.history.actual', { year: actual[1]! });
  const key = `targets.field.${field}`;
  const name = t(key);
  return name === key ? field : name;
}

/** One target: its actuals (with where each came from and any definition change), progress entry, edits, history and links. */
export function TargetDetail({
  row,
  plans,
  measures,
  scenario,
  onChanged,
  onClose,
}: {
  row: MonitorRow;
  plans: Plan[];
  measures: MeasureRef[];
  scenario: { id: number; name: string } | null;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { client, locale, t, describeError } = useApp();
  const target = row.target;
  const nameOf = (code: string) => measureLabel(measures.find((m) => m.code === code) ?? (code ? { code, nameZh: code, nameEn: code } : null), locale);
  /** An audited value: a bound or a measure by its name (下限（≥）, 信通院广义口径), anything else as recorded. */
  const fieldValue = (field: string, value: string | null) => {
    if (value === null) return '—';
    if (field.endsWith('.bound')) return t(`data.bound.${value}`);
    return field === 'measure' && value ? nameOf(value) : value;
  };
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState<History>([]);
  const [actual, setActual] = useState<ActualDraft>({ year: String(new Date().getFullYear() - 1), value: '', bound: 'exact', released: '', source: '', note: '' });
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);

  // The panel opens under its row: bring it into view when it opens below the fold.
  // (In braces: Chromium's scrollIntoView now returns a promise, which is no effect cleanup.)
  useEffect(() => {
    void panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  useEffect(() => {
    client.call('targets.history', { code: target.code }).then(setHistory, (e: unknown) => setError(describeError(e)));
  }, [client, target, describeError]);

  const act = (work: Promise<unknown>) =>
    work.then(
      () => {
        setError(null);
        onChanged();
      },
      (e: unknown) => setError(describeError(e)),
    );

  return (
    <aside className="target-detail" data-testid="target-detail" aria-label={target.code} ref={panel}>
      <header>
        <h2>
          {target.code} {locale === 'en' && target.titleEn ? target.titleEn : target.titleZh}
        </h2>
        <button type="button" onClick={onClose} aria-label={t('targets.detail.close')}>
          ×
        </button>
      </header>
      <div className="detail-main">
        {tagsMeasure(row.measure) && (
          <p className="measure-line" data-testid="detail-measure">
            <span className="measure-tag">{t('targets.measure.judgedOn', { measure: measureLabel(row.measure, locale) })}</span>
          </p>
        )}
        {target.quote && <blockquote>{target.quote}</blockquote>}
        <p className="rule">{ruleText(row.rule, row.ruleParams, target.unit, locale, t)}</p>
        {row.projectionNote && (
          <p className="projection-note" data-testid="detail-projection-note">
            {t(`monitor.projection.${row.projectionNote.reason}`, { measure: measureLabel(row.projectionNote.scenarioMeasure, locale) })}
          </p>
        )}
        {row.byMeasure.length > 1 && (
          <>
            <h3>{t('targets.detail.byMeasure')}</h3>
            <ul className="by-measure" data-testid="detail-by-measure">
              {row.byMeasure.map((m, i) => (
                <li key={m.measure.code} data-measure={m.measure.code}>
                  <span className="by-measure-head">
                    <strong>{measureLabel(m.measure, locale)}</strong>
                    {i === 0 && <span className="muted">{t('targets.measure.judgedMark')}</span>}
                    <span className={`status-chip status-${m.status}`}>{t(`monitor.status.${m.status}`)}</span>
                    {m.latest && (
                      <span className="num" title={m.latest.source}>
                        {latestText(m.latest, target.unit, locale, t)}
                      </span>
                    )}
                  </span>
                  <span className="rule">{ruleText(m.rule, m.ruleParams, target.unit, locale, t)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="links">
          {target.indicator && <a href={`#/data?indicator=${encodeURIComponent(target.indicator)}&region=${encodeURIComponent(target.region ?? '')}`}>{t('targets.detail.drillData')}</a>}
          {scenario && row.projection && <a href={`#/scenarios?id=${scenario.id}`}>{t('targets.detail.drillScenario')}{locale === 'zh' ? '：' : ': '}{scenario.name}</a>}
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}

        {editing ? (
          <TargetForm
            target={target}
            plans={plans}
            measures={measures}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
          />
        ) : (
          <button type="button" onClick={() => setEditing(true)} data-testid="edit-target">
            {t('targets.detail.edit')}
          </button>
        )}
      </div>

      <div className="detail-side">
        <h3>{t('targets.detail.actuals')}</h3>
        {row.actuals.length === 0 ? (
          <p className="muted">{t('targets.detail.noActuals')}</p>
        ) : (
          <table className="compact actuals-table" data-testid="target-actuals">
            <thead>
              <tr>
                <th>{t('targets.detail.col.year')}</th>
                <th>{t('targets.detail.col.value')}</th>
                <th>{t('targets.detail.col.measure')}</th>
                <th>{t('targets.detail.col.release')}</th>
                <th>{t('targets.detail.col.source')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {row.actuals.map((a, i) => {
                // A new definition starts here: a named break, or the measure differs from the year before.
                const changed = a.breakBefore || (i > 0 && a.measure !== row.actuals[i - 1]!.measure);
                return (
                  <Fragment key={a.year}>
                    {changed && (
                      <tr className="break-row" data-testid="actuals-break">
                        <td colSpan={6}>{a.measure ? t('targets.detail.breakRow', { year: a.year, measure: nameOf(a.measure) }) : t('targets.detail.break')}</td>
                      </tr>
                    )}
                    <tr data-year={a.year}>
                      <td>{a.year}</td>
                      <td className="num">
                        <BoundedValue value={a.value} unit={target.unit} bound={a.bound} />
                      </td>
                      <td className="measure">{a.measure ? nameOf(a.measure) : '—'}</td>
                      <td className="release">{releaseText(a, locale)}</td>
                      <td className="muted source" title={a.note || undefined}>
                        {a.from === 'recorded' ? t('targets.detail.fromRecorded') : t('targets.detail.fromObservation')}
                        {a.source ? ` · ${sourceInLocale(a.source, locale)}` : ''}
                      </td>
                      <td>
                        {a.from === 'recorded' && (
                          <button type="button" onClick={() => void act(client.call('targets.deleteActual', { code: target.code, year: a.year }))}>
                            {t('targets.detail.delete')}
                          </button>
                        )}
                      </td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        )}
        <form
          className="actual-form"
          data-testid="actual-form"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = parseNumber(actual.value);
            if (parsed.kind !== 'number') return setError(t('targets.detail.badActual', { text: actual.value }));
            void act(
              client.call('targets.recordActual', {
                code: target.code,
                year: Number(actual.year),
                value: parsed.value,
                bound: actual.bound,
                released: actual.released,
                source: actual.source,
                note: actual.note,
              }),
            );
          }}
        >
          <input type="number" aria-label={t('targets.field.year')} value={actual.year} onChange={(e) => setActual({ ...actual, year: e.target.value })} required min={1949} max={2100} />
          <input
            type="text"
            inputMode="decimal"
            aria-label={t('targets.field.actualValue')}
            placeholder={t('targets.field.actualValue')}
            title={t('targets.detail.actualHint')}
            value={actual.value}
            onChange={(e) => setActual({ ...actual, value: e.target.value, bound: boundOfText(e.target.value) === 'exact' ? actual.bound : boundOfText(e.target.value) })}
            required
          />
          <select aria-label={t('targets.field.bound')} value={actual.bound} onChange={(e) => setActual({ ...actual, bound: e.target.value as Bound })} data-testid="actual-bound">
            {BOUNDS.map((b) => (
              <option key={b} value={b}>
                {t(`data.bound.${b}`)}
              </option>
            ))}
          </select>
          <DateField value={actual.released} onChange={(released) => setActual({ ...actual, released })} testId="actual-released" ariaLabel={t('targets.field.released')} />
          <input aria-label={t('targets.field.source')} placeholder={t('targets.field.source')} value={actual.source} onChange={(e) => setActual({ ...actual, source: e.target.value })} />
          <button type="submit">{t('targets.detail.addActual')}</button>
        </form>

        <h3>{t('targets.detail.history')}</h3>
        {history.length === 0 ? (
          <p className="muted">{t('targets.detail.noHistory')}</p>
        ) : (
          <ul className="history" data-testid="target-history">
            {history.map((h) => (
              <li key={h.id}>
                <span className="muted">{h.editedAt.slice(0, 16).replace('T', ' ')}</span> {fieldName(h.field, t)}
                {locale === 'zh' ? '：' : ': '}
                {fieldValue(h.field, h.oldValue)} → {fieldValue(h.field, h.newValue)}
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(t('targets.detail.retireConfirm', { code: target.code }))) {
              void act(client.call('targets.retire', { code: target.code })).then(onClose);
            }
          }}
        >
          {t('targets.detail.retire')}
        </button>
      </div>
    </aside>
  );
}
