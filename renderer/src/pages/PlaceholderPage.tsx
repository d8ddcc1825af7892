import { useApp } from '../app-context';

/** A page whose capability is not built yet says what it will hold; no dead links. */
export function PlaceholderPage({ page }: { page: 'charts' }) {
  const { t } = useApp();
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t(`page.${page}.title`)}</h1>
      </header>
      <p className="placeholder">{t(`page.${page}.soon`)}</p>
    </section>
  );
}
