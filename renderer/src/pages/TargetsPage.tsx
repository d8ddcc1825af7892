import { useState } from 'react';
import { useApp } from '../app-context';
import { MonitorView } from './targets/MonitorView';
import { TaskRegister } from './targets/TaskRegister';
import { TwinCityView } from './targets/TwinCityView';
import './targets/targets.css';

const tabs = ['monitor', 'tasks', 'twin'] as const;
type Tab = (typeof tabs)[number];

/** The targets monitor: status of every target, the plans' task registers, and the twin-city view. */
export function TargetsPage() {
  const { t } = useApp();
  const [tab, setTab] = useState<Tab>('monitor');
  return (
    <section className="page targets-page">
      <header className="page-header">
        <h1>{t('page.targets.title')}</h1>
        <p className="muted">{t('targets.intro')}</p>
      </header>
      <div className="tabs" role="tablist">
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} className={tab === x ? 'active' : undefined} onClick={() => setTab(x)} data-testid={`tab-${x}`}>
            {t(`targets.tab.${x}`)}
          </button>
        ))}
      </div>
      <div className="tab-body">{tab === 'monitor' ? <MonitorView /> : tab === 'tasks' ? <TaskRegister /> : <TwinCityView />}</div>
    </section>
  );
}
