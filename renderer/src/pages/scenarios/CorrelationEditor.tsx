import { useState } from 'react';
import { formatPlain } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { issueKey, type Draft, type DraftIssue } from './assumptions';
import { commonShockToMatrix, commonShockWeight, correlationPlace, driverName, matrixDrivers, namedParams, pairValue, setCorrelation } from './correlations';
import './correlations.css';

/** An edit of the draft made by the editor (a pair set, the common shock turned into the matrix). */
export type DraftChange = (edit: (draft: Draft) => Draft) => void;

/**
 * The correlation matrix between the drivers drawn from a distribution, by name: a cell per pair,
 * typed and committed on Enter or when left, its mirror following; the engine's located issues at
 * their cell (a value out of range, not a number, not symmetric) or under the matrix (drivers that
 * cannot hold together, a common shock as well). While a common shock sets the correlations the cells
 * show what it implies, with a button that turns it into the matrix.
 */
export function CorrelationEditor({ draft, issues, onChange }: { draft: Draft; issues: readonly DraftIssue[]; onChange: DraftChange }) {
  const { locale, t } = useApp();
  const ids = matrixDrivers(draft);
  const drawn = new Set(Object.keys(draft.uncertainty?.drivers ?? {}));
  const shock = commonShockWeight(draft);
  const shockOnly = shock !== null && !draft.uncertainty?.correlations;
  const name = (id: string) => driverName(draft, id, t, locale);
  const cells = new Map<string, string[]>();
  const general: string[] = [];
  for (const issue of issues) {
    const place = correlationPlace(draft, issue);
    if (!place) continue;
    const { key, params } = issueKey(issue);
    const text = t(key, namedParams(draft, params, t, locale));
    if (place.kind === 'matrix') general.push(text);
    else cells.set(`${place.a}|${place.b}`, [...(cells.get(`${place.a}|${place.b}`) ?? []), text]);
  }
  return (
    <section className="panel correlation-editor" data-testid="correlation-editor">
      <h3>{t('scenario.corr.title')}</h3>
      {ids.length < 2 ? (
        <p className="muted">{t('scenario.corr.needTwo')}</p>
      ) : (
        <>
          {shockOnly && (
            <p className="corr-shock" data-testid="corr-shock">
              {t('scenario.corr.commonShock', { weight: formatPlain(shock, locale, 2) })}{' '}
              <button type="button" onClick={() => onChange(commonShockToMatrix)} data-testid="corr-convert">
                {t('scenario.corr.convert')}
              </button>
            </p>
          )}
          <div className="corr-scroll">
            <table className="corr-matrix" data-testid="corr-matrix">
              <thead>
                <tr>
                  <th />
                  {ids.map((id) => (
                    <th key={id} scope="col">
                      {name(id)}
                      {!drawn.has(id) && t('scenario.corr.notDrawn')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ids.map((a) => (
                  <tr key={a}>
                    <th scope="row">
                      {name(a)}
                      {!drawn.has(a) && t('scenario.corr.notDrawn')}
                    </th>
                    {ids.map((b) => {
                      const problems = cells.get(`${a}|${b}`) ?? [];
                      const value = pairValue(draft, a, b);
                      return (
                        <td key={b} className={problems.length ? 'corr-invalid' : undefined} data-pair={`${a}|${b}`}>
                          {a === b && !problems.length ? (
                            <span className="corr-fixed">1</span>
                          ) : shockOnly ? (
                            <span className="corr-fixed">{formatPlain(shock, locale, 2)}</span>
                          ) : (
                            <PairInput key={`${a}|${b}|${value}`} value={value} label={t('scenario.corr.cell', { a: name(a), b: name(b) })} onCommit={(text) => onChange((d) => setCorrelation(d, a, b, text))} />
                          )}
                          {problems.map((text) => (
                            <span key={text} className="corr-cell-issue" role="note">
                              {text}
                            </span>
                          ))}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {general.length > 0 && (
            <ul className="error corr-issues" data-testid="corr-issues">
              {general.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
          <p className="muted corr-help">{t('scenario.corr.help')}</p>
        </>
      )}
    </section>
  );
}

/** One pair's value as typed, committed on Enter or when the field is left; a new value from the draft remounts it (keyed by value). */
function PairInput({ value, label, onCommit }: { value: string; label: string; onCommit: (text: string) => void }) {
  const [text, setText] = useState(value);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  return (
    <input
      className="corr-input"
      value={text}
      placeholder="0"
      inputMode="decimal"
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(value);
      }}
      aria-label={label}
    />
  );
}
