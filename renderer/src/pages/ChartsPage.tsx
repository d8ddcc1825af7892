import { useApp } from '../app-context';

/** Being written (issue #5): chart designer and briefing packs. */
export function ChartsPage() {
  const { t } = useApp();
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('page.charts.title')}</h1>
      </header>
      <p className="placeholder">{t('page.charts.soon')}</p>
    </section>
  );
}
