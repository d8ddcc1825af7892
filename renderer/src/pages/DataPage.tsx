import { useCallback, useState } from 'react';
import type { ImportSummary } from '../../../shared/api/data-contract';
import { useApp } from '../app-context';
import { CatalogueView } from './data/CatalogueView';
import { ImportHistory } from './data/ImportHistory';
import { ImportPanel } from './data/ImportPanel';
import { ObservationsView } from './data/ObservationsView';
import { QuickLook } from './data/QuickLook';
import './data/data.css';

const tabs = ['observations', 'import', 'history', 'catalogue', 'quick'] as const;
type Tab = (typeof tabs)[number];

/** Indicator data: browse, edit and export observations; import files; the import history; the catalogue; a quick look at series. */
export function DataPage() {
  const { t } = useApp();
  const [tab, setTab] = useState<Tab>('observations');
  // Bumped whenever an import or an undo changes the workspace, so every view reads it again.
  const [version, setVersion] = useState(0);
  const [lastImport, setLastImport] = useState<ImportSummary | null>(null);
  // While an import writes, its transaction is open on the workspace connection: the other views
  // would read its rows before they are committed, so they wait.
  const [importing, setImporting] = useState(false);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const imported = useCallback(
    (summary: ImportSummary) => {
      setLastImport(summary);
      changed();
    },
    [changed],
  );

  return (
    <section className="page data-page">
      <header className="page-header">
        <h1>{t('page.data.title')}</h1>
        <p className="muted">{t('data.introPage')}</p>
      </header>
      <div className="data-tabs" role="tablist">
        {tabs.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} disabled={importing && name !== 'import'} className={tab === name ? 'active' : undefined} onClick={() => setTab(name)} data-testid={`data-tab-${name}`}>
            {t(`data.tab.${name}`)}
          </button>
        ))}
      </div>
      <div className="data-tab-body" role="tabpanel">
        {tab === 'observations' && <ObservationsView version={version} />}
        {tab === 'import' && (
          <>
            <ImportPanel onImported={imported} onRunning={setImporting} />
            {lastImport?.status === 'committed' && (
              <p>
                <button type="button" onClick={() => setTab('observations')} data-testid="show-imported">{t('data.import.showRows')}</button>
              </p>
            )}
          </>
        )}
        {tab === 'history' && <ImportHistory version={version} onUndone={changed} />}
        {tab === 'catalogue' && <CatalogueView version={version} />}
        {tab === 'quick' && <QuickLook version={version} />}
      </div>
    </section>
  );
}
