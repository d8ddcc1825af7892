import type { ChartSummary } from '../../../../shared/api/charts-contract';
import { useApp } from '../../app-context';
import { ConfirmButton } from './ConfirmButton';

/** Saved charts of the workspace; the open one offers copy and delete. */
export function ChartList({ charts, openId, onOpen, onNew, onDuplicate, onDelete }: {
  charts: ChartSummary[];
  openId: number | null;
  onOpen: (id: number) => void;
  onNew: () => void;
  onDuplicate: (id: number) => void;
  onDelete: (id: number) => void;
}) {
  const { t } = useApp();
  return (
    <aside className="side-list" aria-label={t('charts.list')}>
      <div className="side-list-head">
        <h2>{t('charts.list')}</h2>
        <button type="button" className="primary" onClick={onNew} data-testid="chart-new">
          {t('charts.new')}
        </button>
      </div>
      {charts.length === 0 && <p className="muted side-empty">{t('charts.listEmpty')}</p>}
      <ul data-testid="chart-list">
        {charts.map((chart) => {
          const open = chart.id === openId;
          return (
            <li key={chart.id} className={open ? 'active' : undefined}>
              <button type="button" className="side-item" aria-current={open || undefined} onClick={() => onOpen(chart.id)} data-chart-id={chart.id}>
                <span className="side-item-name">{chart.name || chart.title}</span>
                <span className="side-item-meta">
                  {t(`charts.template.${chart.template}`)} · {chart.updatedAt.slice(0, 10)}
                </span>
              </button>
              {open && (
                <span className="side-item-actions">
                  <button type="button" className="small" onClick={() => onDuplicate(chart.id)} data-testid="chart-duplicate">
                    {t('charts.duplicate')}
                  </button>
                  <ConfirmButton
                    className="small"
                    label={t('charts.delete')}
                    question={t('charts.deleteQuestion')}
                    confirmLabel={t('charts.delete')}
                    onConfirm={() => onDelete(chart.id)}
                    testId="chart-delete"
                  />
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
