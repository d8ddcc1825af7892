import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChartSummary } from '../../../shared/api/charts-contract';
import type { ChartSpec } from '../../../shared/charts/spec';
import { useApp } from '../app-context';
import { BriefingsView } from './charts/BriefingsView';
import { ChartDesigner, type SavedChart } from './charts/ChartDesigner';
import { ChartList } from './charts/ChartList';
import type { ChartSources } from './charts/DataFields';
import { newChartSpec } from './charts/spec-form';
import './charts/charts.css';

type Tab = 'charts' | 'briefings';
type Target = number | 'new';

/** What the hash asks for after `?`: `#/charts?chart=3` or `#/charts?briefing=2`. */
function hashRequest(): { tab: Tab; chart: number | null; briefing: number | null } {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const id = (name: string) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? value : null;
  };
  const briefing = id('briefing');
  return { tab: briefing !== null ? 'briefings' : 'charts', chart: id('chart'), briefing };
}

/**
 * Keeps the address pointing at what is open, so a reload (or a link) reopens it. Only while the
 * address is still this page's: a chart that arrives after the user went to another page must not
 * take the address back (the app would stay on 图表 instead of opening the page asked for).
 */
function showInHash(param: string, id: number | null): void {
  if (!window.location.hash.startsWith('#/charts')) return;
  history.replaceState(null, '', id === null ? '#/charts' : `#/charts?${param}=${id}`);
}

interface Session {
  key: number;
  chartId: number | null;
  spec: ChartSpec;
}

/** Briefing charts: saved charts and their designer, and briefing packs. */
export function ChartsPage() {
  const { client, t, locale, describeError } = useApp();
  const [tab, setTab] = useState<Tab>(() => hashRequest().tab);
  const [charts, setCharts] = useState<ChartSummary[] | null>(null);
  const [sources, setSources] = useState<ChartSources | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<Target | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sessions = useRef(0);
  // Whether the open chart has unsaved changes, as of now (the state above is as of the last render).
  const dirtyNow = useRef(false);
  const [requested] = useState(hashRequest);

  const reloadCharts = useCallback(
    () =>
      client.call('charts.list', {}).then(
        (list) => {
          setCharts(list);
          return list;
        },
        (e: unknown) => {
          setError(describeError(e));
          return null;
        },
      ),
    [client, describeError],
  );

  const load = useCallback(
    async (target: Target, list: ChartSummary[] | null, known: ChartSources) => {
      setPending(null);
      setError(null);
      const open = (chartId: number | null, spec: ChartSpec) => {
        sessions.current += 1;
        setSession({ key: sessions.current, chartId, spec });
        showInHash('chart', chartId);
      };
      if (target === 'new') return open(null, newChartSpec(known, locale, t('charts.newTitle')));
      try {
        open(target, (await client.call('charts.get', { id: target })).spec);
      } catch (e) {
        // A stale link (a deleted chart) still opens something useful: the first other chart.
        setError(describeError(e));
        const fallback = list?.find((c) => c.id !== target);
        if (fallback) {
          await client.call('charts.get', { id: fallback.id }).then(
            (got) => open(fallback.id, got.spec),
            (again: unknown) => setError(describeError(again)),
          );
        }
      }
    },
    [client, describeError, locale, t],
  );

  useEffect(() => {
    let live = true;
    Promise.all([client.call('charts.list', {}), client.call('charts.sources', {})]).then(
      ([list, known]) => {
        if (!live) return;
        setCharts(list);
        setSources(known);
        const wanted = requested.chart;
        if (requested.tab === 'charts') void load(wanted ?? list[0]?.id ?? 'new', list, known);
      },
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
    // Opens what the address asks for once; later opens come from the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);

  // The UI's language changed: lists, pickers and an open chart with no unsaved change are read again,
  // since a starter chart nobody edited reads in the UI's language (an edited one is kept as it is).
  // The chart is replaced only if, when it arrives, the user has neither edited it nor opened another:
  // a change typed just after switching language is never thrown away.
  const shownLocale = useRef(locale);
  useEffect(() => {
    if (shownLocale.current === locale) return;
    shownLocale.current = locale;
    let live = true;
    const reopen = session?.chartId != null && !dirty ? { key: session.key, chartId: session.chartId } : null;
    Promise.all([
      client.call('charts.list', {}),
      client.call('charts.sources', {}),
      reopen ? client.call('charts.get', { id: reopen.chartId }).catch(() => null) : null,
    ]).then(
      ([list, known, reread]) => {
        if (!live) return;
        setCharts(list);
        setSources(known);
        if (reopen && reread && sessions.current === reopen.key && !dirtyNow.current) {
          sessions.current += 1;
          setSession({ key: sessions.current, chartId: reopen.chartId, spec: reread.spec });
        }
      },
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
    // Only a change of language reads them again; the session and its state are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale]);

  const open = (target: Target) => {
    if (!sources) return;
    if (dirty && session) setPending(target);
    else void load(target, charts, sources);
  };

  useEffect(() => {
    const onHash = () => {
      const request = hashRequest();
      if (request.chart === null) return;
      setTab('charts');
      if (request.chart !== session?.chartId && sources) void load(request.chart, charts, sources);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [session, sources, charts, load]);

  const saved = ({ summary, spec, asCopy }: SavedChart) => {
    void reloadCharts();
    if (asCopy) {
      sessions.current += 1;
      setSession({ key: sessions.current, chartId: summary.id, spec });
    } else {
      setSession((current) => current && { ...current, chartId: summary.id, spec });
    }
    showInHash('chart', summary.id);
  };

  const duplicate = async (id: number) => {
    try {
      const { spec } = await client.call('charts.get', { id });
      const copy = { ...spec, name: t('charts.copyName', { name: spec.name || spec.title }) };
      const summary = await client.call('charts.save', { spec: copy });
      await reloadCharts();
      sessions.current += 1;
      setSession({ key: sessions.current, chartId: summary.id, spec: copy });
      showInHash('chart', summary.id);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const remove = async (id: number) => {
    try {
      await client.call('charts.delete', { id });
      const list = await reloadCharts();
      if (session?.chartId === id && sources) void load(list?.[0]?.id ?? 'new', list, sources);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const switchTab = (next: Tab) => {
    setTab(next);
    if (next === 'charts') {
      showInHash('chart', session?.chartId ?? null);
      if (!session && sources && charts) void load(charts[0]?.id ?? 'new', charts, sources);
    }
  };

  const onDirtyChange = useCallback((value: boolean) => {
    dirtyNow.current = value;
    setDirty(value);
  }, []);
  // The pack open, so that a change of language (which reads the packs again) reopens it.
  const [openBriefing, setOpenBriefing] = useState(requested.briefing);
  const onBriefingOpened = useCallback((id: number | null) => {
    setOpenBriefing(id);
    showInHash('briefing', id);
  }, []);

  return (
    <section className="page charts-page">
      <header className="page-header charts-header">
        <h1>{t('page.charts.title')}</h1>
        <div className="tabs" role="tablist" aria-label={t('page.charts.title')}>
          {(['charts', 'briefings'] as const).map((name) => (
            <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'tab active' : 'tab'} onClick={() => switchTab(name)} data-testid={`tab-${name}`}>
              {t(`charts.tab.${name}`)}
            </button>
          ))}
        </div>
        <p className="muted charts-intro">{t(`charts.intro.${tab}`)}</p>
      </header>
      {error && (
        <p className="error" role="alert" data-testid="charts-error">
          {error}
        </p>
      )}
      {pending !== null && sources && (
        <div className="discard-bar" role="alertdialog" aria-label={t('charts.discardQuestion')}>
          <span>{t('charts.discardQuestion')}</span>
          <button type="button" className="danger" onClick={() => void load(pending, charts, sources)} data-testid="discard-confirm">
            {t('charts.discard')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {tab === 'charts' && charts && (
        <div className="charts-layout">
          <ChartList charts={charts} openId={session?.chartId ?? null} onOpen={open} onNew={() => open('new')} onDuplicate={(id) => void duplicate(id)} onDelete={(id) => void remove(id)} />
          <div className="charts-main">
            {session && sources ? (
              <ChartDesigner key={session.key} chartId={session.chartId} initial={session.spec} sources={sources} onSaved={saved} onDirtyChange={onDirtyChange} />
            ) : (
              <p className="muted">{t('common.loading')}</p>
            )}
          </div>
        </div>
      )}
      {tab === 'briefings' && charts && <BriefingsView key={locale} charts={charts} initialId={openBriefing} onOpened={onBriefingOpened} />}
    </section>
  );
}
