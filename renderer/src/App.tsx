import { useEffect, useState } from 'react';
import { useApp } from './app-context';
import { WorkspaceDialog } from './components/WorkspaceDialog';
import { ChartsPage } from './pages/ChartsPage';
import { DataPage } from './pages/DataPage';
import { OverviewPage } from './pages/OverviewPage';
import { ScenariosPage } from './pages/ScenariosPage';
import { TargetsPage } from './pages/TargetsPage';

const pages = ['overview', 'data', 'scenarios', 'charts', 'targets'] as const;
type Page = (typeof pages)[number];

/** `#/charts?chart=3`: the page before `?`; pages read their own parameters after it. */
function pageFromHash(): Page {
  const name = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return (pages as readonly string[]).includes(name) ? (name as Page) : 'overview';
}

export function App() {
  const { info, locale, t, setLocale, refresh } = useApp();
  const [page, setPage] = useState<Page>(pageFromHash);
  const [dialogOpen, setDialogOpen] = useState(false);

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
        {page === 'overview' ? <OverviewPage /> : page === 'targets' ? <TargetsPage /> : page === 'scenarios' ? <ScenariosPage /> : page === 'data' ? <DataPage /> : <ChartsPage />}
      </main>
      <footer className="statusline" data-testid="statusline">
        <span>
          {t('status.workspace')}: <span className="path">{info.workspace.path}</span>
        </span>
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
