import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import { taskStatuses, type Plan, type Task } from '../../../../shared/api/targets-contract';
import { useApp } from '../../app-context';
import { DateField } from '../../components/DateField';

type Register = Output<'tasks.list'>;
type TaskDraft = Omit<Task, 'id' | 'updatedAt'> & { id?: number };

function TaskRow({ task, onSave, onDelete }: { task: TaskDraft; onSave: (t: TaskDraft) => Promise<void>; onDelete?: () => void }) {
  const { t } = useApp();
  const [draft, setDraft] = useState(task);
  const dirty = JSON.stringify(draft) !== JSON.stringify(task);
  const set = (field: Exclude<keyof TaskDraft, 'due'>) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });
  return (
    <tr className={dirty ? 'dirty' : undefined} data-task={task.id ?? 'new'}>
      <td>
        <input value={draft.title} onChange={set('title')} aria-label={t('tasks.title')} placeholder={t('tasks.title')} className="wide" />
      </td>
      <td>
        <input value={draft.owner} onChange={set('owner')} aria-label={t('tasks.owner')} />
      </td>
      <td>
        <select value={draft.status} onChange={set('status')} aria-label={t('tasks.status')} className={`task-${draft.status}`}>
          {taskStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`tasks.status.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <DateField value={draft.due ?? ''} onChange={(due) => setDraft({ ...draft, due: due || null })} ariaLabel={t('tasks.due')} testId="task-due" />
      </td>
      <td>
        <input value={draft.notes} onChange={set('notes')} aria-label={t('tasks.notes')} />
      </td>
      <td className="actions">
        <button type="button" disabled={!dirty || !draft.title.trim()} onClick={() => void onSave(draft).then(() => task.id === undefined && setDraft(task))}>
          {task.id === undefined ? t('tasks.add') : t('tasks.save')}
        </button>
        {onDelete && (
          <button type="button" onClick={onDelete}>
            {t('tasks.delete')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** The plan's task register under its headings (seven areas, or the 4+1 actions), edited in place. */
export function TaskRegister() {
  const { client, locale, t, describeError } = useApp();
  const [plans, setPlans] = useState<Plan[]>([]);
  const [plan, setPlan] = useState('A');
  const [register, setRegister] = useState<Register | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    client.call('tasks.list', { plan }).then(setRegister, (e: unknown) => setError(describeError(e)));
  }, [client, plan, describeError]);
  useEffect(reload, [reload]);
  useEffect(() => {
    client.call('plans.list', {}).then(setPlans, (e: unknown) => setError(describeError(e)));
  }, [client, describeError]);

  const save = ({ id, plan: taskPlan, area, title, owner, status, due, notes }: TaskDraft) =>
    client.call('tasks.save', { task: { id, plan: taskPlan, area, title, owner, status, due, notes } }).then(
      () => {
        setError(null);
        reload();
      },
      (e: unknown) => setError(describeError(e)),
    );

  const remove = (task: Task) => {
    if (!window.confirm(t('tasks.deleteConfirm', { title: task.title }))) return;
    client.call('tasks.delete', { id: task.id }).then(reload, (e: unknown) => setError(describeError(e)));
  };

  return (
    <div className="task-register" data-testid="task-register">
      <div className="toolbar">
        <label>
          {t('tasks.plan')}{' '}
          <select value={plan} onChange={(e) => setPlan(e.target.value)} data-testid="tasks-plan">
            {plans.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} {locale === 'en' && p.nameEn ? p.nameEn : p.nameZh}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {register?.areas.map((area) => {
        const tasks = register.tasks.filter((x) => x.area === area.code);
        const blank: TaskDraft = { plan: area.plan, area: area.code, title: '', owner: '', status: 'not-started', due: null, notes: '' };
        return (
          <section key={area.code} className="task-area" data-area={area.code}>
            <h3>
              {area.code} {locale === 'en' && area.nameEn ? area.nameEn : area.nameZh}
              <span className="muted"> · {t('tasks.count', { n: tasks.length, done: tasks.filter((x) => x.status === 'done').length })}</span>
            </h3>
            <table className="task-table">
              <thead>
                <tr>
                  <th>{t('tasks.title')}</th>
                  <th>{t('tasks.owner')}</th>
                  <th>{t('tasks.status')}</th>
                  <th>{t('tasks.due')}</th>
                  <th>{t('tasks.notes')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {tasks.map((task) => (
                  <TaskRow key={`${task.id}-${task.updatedAt}`} task={task} onSave={save} onDelete={() => remove(task)} />
                ))}
                <TaskRow key={`new-${tasks.length}`} task={blank} onSave={save} />
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
