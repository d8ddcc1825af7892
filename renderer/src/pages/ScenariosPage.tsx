import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '../../../shared/api/contract';
import { localName, scenarioName, type ScenarioBacktest, type ScenarioSummary, type VersionOrigin } from '../../../shared/api/scenarios-contract';
import { noBases } from '../../../shared/engine';
import { scenarioText } from '../../../shared/i18n/scenario-text';
import { ISO_DATE } from '../../../shared/series/vintage';
import { useApp } from '../app-context';
import { scenarioHash, scenarioIdFromHash } from './scenarios/address';
import {
  addComponent,
  addTarget,
  applyEdit,
  assumptionRows,
  issueKey,
  placeIssues,
  removeComponent,
  newScenarioPersistence,
  removeTarget,
  rowForIssue,
  type AssumptionRow,
  type Draft,
  type DraftIssue,
  type ItemList,
} from './scenarios/assumptions';
import { AssumptionsGrid } from './scenarios/AssumptionsGrid';
import { BacktestPanel } from './scenarios/BacktestPanel';
import { ComparePanel } from './scenarios/ComparePanel';
import { CalibrationPanel } from './scenarios/CalibrationPanel';
import { CorrelationEditor } from './scenarios/CorrelationEditor';
import { issueLocation, namedParams } from './scenarios/correlations';
import { DriverSliders } from './scenarios/DriverSliders';
import { MeasureNote } from './scenarios/MeasureNote';
import { liveModel } from './scenarios/live-model';
import { draftBases, lookedUpBases } from './scenarios/looked-up';
import { ResultsPanel } from './scenarios/ResultsPanel';
import { usePageStyle } from './scenarios/use-page-style';
import { usePlanMeasures } from './scenarios/use-plan-measures';
import { evidenceQuery, useEvidence, useLatestActuals, useSavedBases } from './scenarios/use-scenario-figures';
import './scenarios/scenarios.css';

type Detail = Output<'scenarios.get'>;
type Tab = 'edit' | 'compare' | 'backtest';

/** The scenario to open: `want` when the list has it, else the first. */
function pick(scenarios: readonly ScenarioSummary[], want: number | null): number | null {
  return want !== null && scenarios.some((s) => s.id === want) ? want : (scenarios[0]?.id ?? null);
}

/**
 * Scenarios: the list; the editor (assumption sheet, sliders, results recomputed in the renderer as
 * the user types, versions); compare; backtest against the workspace's published figures. The
 * address names the scenario open (`#/scenarios?id=2`).
 */
export function ScenariosPage() {
  const { client, locale, t, describeError } = useApp();
  const [list, setList] = useState<ScenarioSummary[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [typing, setTyping] = useState<{ row: AssumptionRow; text: string } | null>(null);
  const [note, setNote] = useState('');
  const [tab, setTab] = useState<Tab>('edit');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [backtest, setBacktest] = useState<{ id: number | null; result: ScenarioBacktest | null; error: string | null }>({ id: null, result: null, error: null });
  const [confirmDelete, setConfirmDelete] = useState(false);
  /** An id the address asked for that the workspace does not have. */
  const [missing, setMissing] = useState<number | null>(null);
  const [reveal, setReveal] = useState<{ path: string } | null>(null);
  const onError = useCallback((e: unknown) => setError(describeError(e)), [describeError]);
  // Which targets the scenarios may judge: the panels wait for it rather than show a verdict it would withdraw.
  const plan = usePlanMeasures(onError);

  const loadList = useCallback(
    (select?: number) =>
      client.call('scenarios.list', {}).then(
        (scenarios) => {
          setList(scenarios);
          setSelected((current) => pick(scenarios, select ?? current));
          return scenarios;
        },
        (e: unknown) => {
          setError(describeError(e));
          return null;
        },
      ),
    [client, describeError],
  );

  // Open what the address names: on arrival, and when a link names another scenario while the page is open.
  useEffect(() => {
    const open = (asked: number | null) =>
      void loadList(asked ?? undefined).then((scenarios) => setMissing(asked !== null && scenarios && !scenarios.some((s) => s.id === asked) ? asked : null));
    open(scenarioIdFromHash(window.location.hash));
    const onHash = () => {
      const asked = scenarioIdFromHash(window.location.hash);
      if (asked !== null) open(asked);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [loadList]);

  // Keep the address on the scenario open (once the list is in, so a link's id is not overwritten first).
  const listed = list.length > 0;
  useEffect(() => {
    if (listed && scenarioIdFromHash(window.location.hash) !== selected) history.replaceState(null, '', scenarioHash(selected));
  }, [selected, listed]);

  const loadDetail = useCallback(
    (id: number) =>
      client.call('scenarios.get', { id }).then(
        (got) => {
          setDetail(got);
          setDraft(got.definition as Draft);
          setTyping(null);
        },
        (e: unknown) => setError(describeError(e)),
      ),
    [client, describeError],
  );

  // Load a scenario when another is picked, not when loadDetail changes with the language: that would drop unsaved edits.
  const loadedFor = useRef<number | null>(null);
  useEffect(() => {
    if (selected !== loadedFor.current && selected !== null) void loadDetail(selected);
    loadedFor.current = selected;
  }, [selected, loadDetail]);

  // The backtest of the saved version: refetched when a save or restore makes a new one, or when the
  // published figures are asked for as known on another date (a real-time backtest).
  const savedVersion = detail?.version;
  const [backtestVintage, setBacktestVintage] = useState('');
  useEffect(() => {
    if (selected === null || savedVersion === undefined) return;
    if (backtestVintage && !ISO_DATE.test(backtestVintage)) return;
    let live = true;
    client.call('scenarios.backtest', { id: selected, asOf: backtestVintage || null }).then(
      (result) => live && setBacktest({ id: selected, result, error: null }),
      (e: unknown) => live && setBacktest({ id: selected, result: null, error: describeError(e) }),
    );
    return () => {
      live = false;
    };
  }, [selected, savedVersion, backtestVintage, client, describeError]);
  const backtestNow = backtest.id === selected ? backtest : { result: null, error: null };

  // What the saved scenario's bases are as figures of the workspace (超6000亿元 a lower bound, 45.4% × GDP derived), from the service.
  const basesNow = useSavedBases(selected, savedVersion, onError);
  // Bases written as {indicator, region} are looked up once each, then projected locally.
  const latest = useLatestActuals(draft, onError);

  const committed = useMemo(() => (draft ? liveModel(draft, latest) : null), [draft, latest]);
  const live = useMemo(() => {
    if (!draft || !typing || !committed) return committed;
    return liveModel(applyEdit(draft, typing.row, typing.text, committed), latest);
  }, [draft, typing, committed, latest]);
  const saved = useMemo(() => (detail ? liveModel(detail.definition as Draft, latest) : null), [detail, latest]);
  // A base stays the figure it was taken from while the draft starts from its value (an edited split is
  // the user's own number); a base looked up is the figure it resolved to.
  const lookedUp = useMemo(() => (draft ? lookedUpBases(draft, latest) : []), [draft, latest]);
  const liveBases = useMemo(() => (live?.resolved ? draftBases(live.resolved, basesNow, lookedUp) : noBases), [live, basesNow, lookedUp]);
  // The plan targets on the scenario's measure in its years, with their published figures, for its charts.
  const evidenceFor = useMemo(() => evidenceQuery(committed?.resolved ? [committed.resolved] : []), [committed]);
  const evidence = useEvidence(evidenceFor, onError);
  // One decision per unit for the results and backtest tabs alike, so a number reads the same on both.
  const style = usePageStyle({
    resolved: live?.resolved ?? null,
    projection: live?.projection ?? null,
    saved: saved?.projection ?? null,
    bases: liveBases,
    backtest: backtestNow.result,
    evidence,
    plan,
    locale,
  });

  const rows = useMemo(() => (draft ? assumptionRows(draft, committed?.drivers) : []), [draft, committed]);
  // Each row's problems, translated: the schema's issues at their fields, and a failure that names a path (a base not found).
  const placed = useMemo(() => placeIssues(rows, committed?.issues ?? []), [rows, committed]);
  // An issue in words, with drivers by name (the engine's correlation issues name them by id).
  const issueText = useCallback(
    (issue: DraftIssue) => {
      const { key, params } = issueKey(issue);
      return draft ? t(key, namedParams(draft, params, t, locale)) : t(key, params);
    },
    [draft, t, locale],
  );
  const issueTexts = useMemo(() => {
    const texts = new Map<string, string[]>();
    for (const [path, issues] of placed.byRow) texts.set(path, issues.map(issueText));
    const failure = committed?.failure;
    const at = failure && typeof failure.params.path === 'string' ? rowForIssue(rows, failure.params.path) : null;
    if (failure && at) texts.set(at.path, [...(texts.get(at.path) ?? []), t(failure.code, failure.params)]);
    return texts;
  }, [placed, rows, committed, t, issueText]);

  const dirty = Boolean(draft && detail && JSON.stringify(draft) !== JSON.stringify(detail.definition)) || selected === null;
  const valid = Boolean(committed && !committed.issues.length && !committed.failure);

  const onCommit = useCallback(
    (row: AssumptionRow, text: string) => {
      setTyping(null);
      setMessage(null);
      setDraft((cur) => (cur && committed ? applyEdit(cur, row, text, committed) : cur));
    },
    [committed],
  );
  const onLive = useCallback((row: AssumptionRow, text: string) => setTyping({ row, text }), []);
  const onAdd = useCallback(
    (items: ItemList) => {
      if (!draft || !committed) return;
      setTyping(null);
      setMessage(null);
      const added =
        items === 'components'
          ? addComponent(draft, committed, (id) => t('scenario.newComponentName', { id }))
          : addTarget(draft, committed, (id) => t('scenario.newTargetLabel', { id }));
      setDraft(added.draft);
      setReveal({ path: added.path });
    },
    [draft, committed, t],
  );
  const onRemove = useCallback((items: ItemList, index: number) => {
    setTyping(null);
    setMessage(null);
    setDraft((cur) => (cur ? (items === 'components' ? removeComponent(cur, index) : removeTarget(cur, index)) : cur));
  }, []);
  const onSlider = useCallback(
    (path: string, value: number) => setDraft((cur) => (cur && committed ? applyEdit(cur, { path, editor: 'number' }, String(value), committed) : cur)),
    [committed],
  );
  // A change the correlation editor makes to the draft as a whole.
  const onDraftChange = useCallback((edit: (d: Draft) => Draft) => {
    setTyping(null);
    setMessage(null);
    setDraft((cur) => (cur ? edit(cur) : cur));
  }, []);
  // An edit made outside the sheet (the persistence choice beside Monte Carlo), applied as the sheet's.
  const onEdit = useCallback(
    (row: Pick<AssumptionRow, 'path' | 'editor'>, text: string) => {
      setTyping(null);
      setMessage(null);
      setDraft((cur) => (cur && committed ? applyEdit(cur, row, text, committed) : cur));
    },
    [committed],
  );

  const act = async (work: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    try {
      await work();
    } catch (e) {
      setError(describeError(e));
    }
  };
  const save = () =>
    act(async () => {
      if (!draft) return;
      const summary = await client.call('scenarios.save', { ...(selected === null ? {} : { id: selected }), definition: draft, note });
      setNote('');
      setMessage(t('scenario.savedVersion', { version: summary.version }));
      await loadList(summary.id);
      await loadDetail(summary.id);
    });
  const restore = (version: number) =>
    act(async () => {
      if (selected === null) return;
      const summary = await client.call('scenarios.restore', { id: selected, version });
      setMessage(t('scenario.restored', { version, now: summary.version }));
      await loadList(selected);
      await loadDetail(selected);
    });
  const duplicate = () =>
    act(async () => {
      if (selected === null) return;
      const copy = await client.call('scenarios.duplicate', { id: selected });
      await loadList(copy.id);
    });
  const remove = () =>
    act(async () => {
      if (selected === null) return;
      if (!confirmDelete) {
        setConfirmDelete(true);
        return;
      }
      await client.call('scenarios.delete', { id: selected });
      setSelected(null);
      setDetail(null);
      setDraft(null);
      await loadList();
    });
  const createNew = () => {
    if (!draft) return;
    setSelected(null);
    setDetail(null);
    setTab('edit');
    // A new scenario draws each uncertain driver once per path (docs/ENGINE.md, "Persistence"),
    // whatever the scenario it starts from was saved with; a driver's own persistence is kept.
    const uncertainty = draft.uncertainty ? { ...draft.uncertainty, persistence: newScenarioPersistence } : undefined;
    setDraft({ ...draft, name: t('scenario.newName'), nameEn: undefined, description: '', uncertainty });
  };

  const current = list.find((s) => s.id === selected);
  // The list goes measure by measure, under each measure's name: scenarios on different measures are not comparable.
  const byMeasure = [...list.reduce((groups, s) => groups.set(s.measure?.code ?? '', [...(groups.get(s.measure?.code ?? '') ?? []), s]), new Map<string, ScenarioSummary[]>()).values()];
  const versionNote = (v: { note: string; origin: VersionOrigin | null }) => {
    const origin = v.origin;
    if (!origin) return v.note;
    if (origin.kind === 'seed') return t('scenario.version.seed');
    if (origin.kind === 'restore') return t('scenario.version.restore', { version: origin.version });
    return origin.name === null ? t('scenario.version.copyUnknown') : t('scenario.version.copy', { name: scenarioName({ name: origin.name, nameEn: origin.nameEn }, locale) });
  };
  const failure = committed?.failure;
  // Issues no sheet row shows, each said where it is in words (a cell of the correlation matrix, a backtest source).
  const unplacedText = [
    ...placed.unplaced.map((issue) => `${draft ? issueLocation(draft, issue, t, locale) : issue.path}${locale === 'zh' ? '：' : ': '}${issueText(issue)}`),
    ...(failure && !(typeof failure.params.path === 'string' && rowForIssue(rows, failure.params.path)) ? [t(failure.code, failure.params)] : []),
  ];

  return (
    <section className="page scenarios-page">
      <header className="page-header">
        <h1>{t('page.scenarios.title')}</h1>
        <p className="muted">{t('scenario.intro')}</p>
      </header>
      {error && (
        <p role="alert" className="error" data-testid="scenario-error">
          {error}
        </p>
      )}
      {missing !== null && (
        <p role="alert" className="error" data-testid="scenario-missing">
          {t('scenario.notFound', { id: missing })}
        </p>
      )}
      <div className="scenario-layout">
        <aside className="scenario-side">
          <ul className="scenario-list" aria-label={t('scenario.list')}>
            {byMeasure.map((group) => [
              <li key={`measure-${group[0]!.measure?.code ?? ''}`} className="measure-heading" data-testid="scenario-list-measure">
                {group[0]!.measure ? localName(group[0]!.measure, locale) : t('scenario.measureUnstated')}
              </li>,
              ...group.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className={s.id === selected ? 'active' : undefined}
                    onClick={() => {
                      setConfirmDelete(false);
                      setMissing(null);
                      setSelected(s.id);
                    }}
                  >
                    {scenarioName(s, locale)} <span className="muted">v{s.version}</span>
                  </button>
                </li>
              )),
            ])}
            {selected === null && draft && (
              <li>
                <button type="button" className="active">
                  {String(draft.name)} <span className="muted">{t('scenario.unsaved')}</span>
                </button>
              </li>
            )}
          </ul>
          <div className="side-actions">
            <button type="button" onClick={createNew} disabled={!draft}>
              {t('scenario.new')}
            </button>
            <button type="button" onClick={() => void duplicate()} disabled={selected === null}>
              {t('scenario.duplicate')}
            </button>
            <button type="button" className={confirmDelete ? 'danger' : undefined} onClick={() => void remove()} disabled={selected === null}>
              {confirmDelete ? t('scenario.confirmDelete') : t('scenario.delete')}
            </button>
          </div>
        </aside>
        <div className="scenario-main">
          <div className="tabs" role="tablist">
            {(['edit', 'compare', 'backtest'] as const).map((name) => (
              <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'active' : undefined} onClick={() => setTab(name)} disabled={name === 'backtest' && selected === null}>
                {t(`scenario.tab.${name}`)}
              </button>
            ))}
          </div>
          {tab === 'edit' && draft && committed && (
            <>
              <div className="editor-bar">
                <input className="note" value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('scenario.notePlaceholder')} aria-label={t('scenario.note')} maxLength={2000} />
                <button type="button" className="primary" disabled={!valid || !dirty} onClick={() => void save()} data-testid="save-scenario">
                  {t('scenario.save')}
                </button>
                <button type="button" disabled={!dirty || !detail} onClick={() => detail && setDraft(detail.definition as Draft)}>
                  {t('scenario.discard')}
                </button>
                <span className={valid ? 'muted' : 'error'} data-testid="editor-state">
                  {!valid ? t('scenario.invalid', { count: committed.issues.length || 1 }) : dirty ? t('scenario.dirty') : t('scenario.clean', { version: current?.version ?? '' })}
                </span>
                {message && (
                  <span className="ok" role="status" data-testid="scenario-message">
                    {message}
                  </span>
                )}
              </div>
              {unplacedText.length > 0 && (
                <ul className="error issue-list" data-testid="unplaced-issues">
                  {unplacedText.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              )}
              <div className="editor-grid">
                <AssumptionsGrid rows={rows} issues={issueTexts} onCommit={onCommit} onLive={onLive} onAdd={onAdd} onRemove={onRemove} reveal={reveal} />
                <div className="editor-side">
                  <h3>{t('scenario.sliders')}</h3>
                  {committed.drivers.length > 0 ? <DriverSliders draft={draft} drivers={committed.drivers} onChange={onSlider} /> : <p className="muted">{t('scenario.slidersNeedValid')}</p>}
                  {detail && (
                    <>
                      <h3>{t('scenario.versions')}</h3>
                      <ol className="versions" data-testid="versions">
                        {detail.versions.map((v) => (
                          <li key={v.version}>
                            <span>
                              v{v.version} · {v.savedAt.slice(0, 16).replace('T', ' ')}
                              {versionNote(v) ? ` · ${versionNote(v)}` : ''}
                            </span>
                            {v.version !== detail.version && (
                              <button type="button" onClick={() => void restore(v.version)} aria-label={t('scenario.restoreVersion', { version: v.version })}>
                                {t('scenario.restore')}
                              </button>
                            )}
                          </li>
                        ))}
                      </ol>
                    </>
                  )}
                  <details className="basis">
                    <summary>{t('scenario.basis')}</summary>
                    {draft.description && <p>{scenarioText(draft.description, draft.descriptionEn, locale)}</p>}
                    <p>{scenarioText(draft.basis, draft.basisEn, locale)}</p>
                  </details>
                </div>
              </div>
              <CorrelationEditor draft={draft} issues={committed.issues} onChange={onDraftChange} />
              <CalibrationPanel key={selected ?? 'new'} scenarioId={selected} draft={draft} onChange={onDraftChange} />
              {plan && <MeasureNote measure={draft.measure} targets={draft.targets ?? []} plan={plan} />}
              {live && plan && (
                <ResultsPanel live={live} bases={liveBases} lookedUp={lookedUp} evidence={evidence} scenarioId={selected} backtest={backtestNow.result} plan={plan} style={style} onEdit={onEdit} />
              )}
            </>
          )}
          {tab === 'compare' && plan && <ComparePanel list={list} initial={list.map((s) => s.id).slice(0, 2)} backtest={backtestNow.result} plan={plan} />}
          {tab === 'backtest' && selected !== null && plan && (
            <BacktestPanel
              result={backtestNow.result}
              error={backtestNow.error}
              projection={saved?.projection ?? null}
              bases={basesNow}
              style={style}
              scenarioId={selected}
              vintage={backtestVintage}
              onVintage={setBacktestVintage}
              plan={plan}
            />
          )}
        </div>
      </div>
    </section>
  );
}
