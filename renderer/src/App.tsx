import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useApp } from './app-context';
import { WorkspaceDialog } from './components/WorkspaceDialog';
import { IntegrityAlert, IntegrityState, useWorkspaceIntegrity } from './components/WorkspaceIntegrity';

const pages = ['overview', 'data', 'scenarios', 'charts', 'targets'] as const;
type Page = (typeof pages)[number];

// Each page is its own chunk, with the libraries only it uses: AG Grid and ECharts (about 2 MB of the
// 3 MB the renderer was as one file) load with the first page that draws a grid or a chart, so the
// first screen waits for neither.
const pageModules: Record<Page, () => Promise<{ default: ComponentType }>> = {
  overview: () => import('./pages/OverviewPage').then((m) => ({ default: m.OverviewPage })),
  data: () => import('./pages/DataPage').then((m) => ({ default: m.DataPage })),
  scenarios: () => import('./pages/ScenariosPage').then((m) => ({ default: m.ScenariosPage })),
  charts: () => import('./pages/ChartsPage').then((m) => ({ default: m.ChartsPage })),
  targets: () => import('./pages/TargetsPage').then((m) => ({ default: m.TargetsPage })),
};
const pageViews: Record<Page, ComponentType> = {
  overview: lazy(pageModules.overview),
  data: lazy(pageModules.data),
  scenarios: lazy(pageModules.scenarios),
  charts: lazy(pageModules.charts),
  targets: lazy(pageModules.targets),
};

/** `#/charts?chart=3`: the page before `?`; pages read their own parameters after it. */
function pageFromHash(): Page {
  const name = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return (pages as readonly string[]).includes(name) ? (name as Page) : 'overview';
}

// The page the address names starts loading now, while the shell asks the backend for app.info.
void pageModules[pageFromHash()]();

export function App() {
  const { info, locale, t, setLocale, refresh } = useApp();
  const [page, setPage] = useState<Page>(pageFromHash);
  const [dialogOpen, setDialogOpen] = useState(false);
  const View = pageViews[page];
  const integrity = useWorkspaceIntegrity(info.workspace.path);

  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <span className="spacer" />
        <button type="button" onClick={() => setDialogOpen(true)}>{t('workspace.switch')}</button>
        <button type="button" data-testid="lang-switch" onClick={() => void setLocale(locale === 'zh' ? 'en' : 'zh')}>
          {t('lang.switch')}
        </button>
      </header>
      <nav className="sidenav" aria-label="main">
        {pages.map((p) => (
          <a key={p} href={`#/${p}`} className={p === page ? 'active' : undefined} aria-current={p === page ? 'page' : undefined}>
            {t(`nav.${p}`)}
          </a>
        ))}
      </nav>
      <main className="content" key={info.workspace.path}>
        <IntegrityAlert status={integrity} path={info.workspace.path} />
        <Suspense fallback={<div className="loading">{t('common.loading')}</div>}>
          <View />
        </Suspense>
      </main>
      <footer className="statusline" data-testid="statusline">
        <span>
          {t('status.workspace')}: <span className="path">{info.workspace.path}</span>
        </span>
        <IntegrityState status={integrity} />
        <span className="muted">
          {t('status.schema')} {info.workspace.schemaVersion} · SQLite {info.workspace.sqliteVersion} · v{info.appVersion}
        </span>
      </footer>
      {dialogOpen && (
        <WorkspaceDialog
          onClose={() => setDialogOpen(false)}
          onSwitched={() => {
            setDialogOpen(false);
            void refresh();
          }}
        />
      )}
    </div>
  );
}
