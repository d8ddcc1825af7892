import type { ImportProblem } from '../../../../shared/api/data-contract';
import { useApp } from '../../app-context';

/** Problems located by file, sheet, row and column, with the reason in the UI language; the first 200 and a count of the rest. */
export function ProblemList({ problems, total, testId }: { problems: ImportProblem[]; total: number; testId: string }) {
  const { t } = useApp();
  if (total === 0) return null;
  return (
    <div className="problem-list" data-testid={testId}>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('data.problem.severity')}</th>
            <th>{t('data.problem.file')}</th>
            <th>{t('data.problem.sheet')}</th>
            <th>{t('data.problem.row')}</th>
            <th>{t('data.problem.column')}</th>
            <th>{t('data.problem.why')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i} className={p.severity}>
              <td>{t(`data.problem.${p.severity}`)}</td>
              <td>{p.file}</td>
              <td>{p.sheet ?? ''}</td>
              <td>{p.row ?? ''}</td>
              <td>{p.column ?? ''}</td>
              <td>{t(p.code, p.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > problems.length && <p className="muted">{t('data.problem.more', { count: total - problems.length })}</p>}
    </div>
  );
}
