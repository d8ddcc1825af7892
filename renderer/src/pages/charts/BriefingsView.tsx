import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BriefingSummary, ChartSummary } from '../../../../shared/api/charts-contract';
import type { JobStatus } from '../../../../shared/api/jobs-contract';
import { formatPlain } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { JobProgress } from '../../components/JobProgress';
import { saveFile } from '../../download';
import { BriefingItems, type PackItem } from './BriefingItems';
import { ConfirmButton } from './ConfirmButton';
import { SlidePreview } from './SlidePreview';

interface Pack {
  name: string;
  items: PackItem[];
}

const packDpis = [150, 300, 600];

/** One pack: its name, ordered charts with notes, slide preview and export. Every change is saved at once. */
function BriefingEditor({ id, charts, onChanged, onDelete }: { id: number; charts: ChartSummary[]; onChanged: () => void; onDelete: () => void }) {
  const { client, t, locale, describeError } = useApp();
  const [pack, setPack] = useState<Pack | null>(null);
  const [nameDraft, setNameDraft] = useState('');
  const [notesChanged, setNotesChanged] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [adding, setAdding] = useState('');
  const [dpi, setDpi] = useState(300);
  const [job, setJob] = useState<JobStatus | null>(null);
  // Saves run one after another, so a quick reorder after a rename cannot overtake it.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    client.call('briefings.get', { id }).then(
      (got) => {
        if (!live) return;
        setPack({ name: got.name, items: got.items });
        setNameDraft(got.name);
      },
      (e: unknown) => live && setMessage({ error: true, text: describeError(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, describeError, id]);

  const persist = (next: Pack): Promise<unknown> => {
    setPack(next);
    setNotesChanged(false);
    queue.current = queue.current
      .then(() => client.call('briefings.save', { id, name: next.name, items: next.items.map(({ chartId, notes }) => ({ chartId, notes })) }))
      .then(
        () => {
          setMessage(null);
          onChanged();
        },
        (e: unknown) => setMessage({ error: true, text: describeError(e) }),
      );
    return queue.current;
  };

  const finished = useCallback(
    (status: JobStatus) => {
      setJob(null);
      if (status.state === 'done') {
        client.call('jobs.file', { id: status.id }).then(
          (file) => {
            saveFile(file);
            setMessage({ error: false, text: t('charts.export.saved', { file: file.fileName }) });
          },
          (e: unknown) => setMessage({ error: true, text: describeError(e) }),
        );
      } else if (status.state === 'failed' && status.error) {
        setMessage({ error: true, text: t(status.error.code, status.error.params) });
      } else {
        setMessage({ error: false, text: t('job.cancelled') });
      }
    },
    [client, describeError, t],
  );

  const inPack = useMemo(() => new Set(pack?.items.map((i) => i.chartId)), [pack]);
  const versions = useMemo(() => new Map(charts.map((c) => [c.id, c.updatedAt])), [charts]);
  if (!pack) return message ? <p className="error" role="alert">{message.text}</p> : <p className="muted">{t('common.loading')}</p>;

  const rename = () => {
    const name = nameDraft.trim();
    if (!name) setNameDraft(pack.name);
    else if (name !== pack.name) void persist({ ...pack, name });
  };

  const add = () => {
    const chart = charts.find((c) => String(c.id) === adding);
    if (!chart) return;
    setAdding('');
    void persist({ ...pack, items: [...pack.items, { chartId: chart.id, notes: '', name: chart.name, template: chart.template, title: chart.title }] });
  };

  const exportPack = async () => {
    setMessage(null);
    if (notesChanged) await persist(pack);
    try {
      setJob(await client.call('export.briefing', { id, dpi }));
    } catch (e) {
      setMessage({ error: true, text: describeError(e) });
    }
  };

  const available = charts.filter((c) => !inPack.has(c.id));
  return (
    <div className="pack-editor" data-testid="pack-editor">
      <div className="pack-toolbar">
        <input
          className="pack-name"
          value={nameDraft}
          aria-label={t('briefing.name')}
          onChange={(e) => setNameDraft(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          data-testid="pack-name"
        />
        <span className="muted">{t('briefing.count', { count: formatPlain(pack.items.length, locale, 0) })}</span>
        <span className="spacer" />
        <label className="inline-field">
          <span>{t('briefing.dpi')}</span>
          <select value={dpi} onChange={(e) => setDpi(Number(e.target.value))} data-testid="pack-dpi">
            {packDpis.map((d) => (
              <option key={d} value={d}>
                {d} DPI
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={job !== null || pack.items.length === 0} onClick={() => void exportPack()} title={t('briefing.exportHint')} data-testid="pack-export">
          {t('briefing.export')}
        </button>
        <ConfirmButton label={t('briefing.delete')} question={t('briefing.deleteQuestion')} confirmLabel={t('briefing.delete')} onConfirm={onDelete} testId="pack-delete" />
      </div>
      {(job || message) && (
        <div className="pack-status">
          {job && <JobProgress job={job} onFinished={finished} />}
          {message && (
            <p className={message.error ? 'error' : 'export-status done'} role={message.error ? 'alert' : 'status'} data-testid="pack-message">
              {message.text}
            </p>
          )}
        </div>
      )}
      <div className="pack-body">
        <div className="pack-column">
          <div className="pack-add">
            <select value={adding} onChange={(e) => setAdding(e.target.value)} aria-label={t('briefing.add')} data-testid="pack-add-select">
              <option value="">{available.length ? t('briefing.addChoose') : t('briefing.addNone')}</option>
              {available.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name || c.title}
                </option>
              ))}
            </select>
            <button type="button" onClick={add} disabled={!adding} data-testid="pack-add">
              {t('briefing.add')}
            </button>
          </div>
          <BriefingItems
            items={pack.items}
            onReorder={(items) => void persist({ ...pack, items })}
            onRemove={(index) => void persist({ ...pack, items: pack.items.filter((_, i) => i !== index) })}
            onNotes={(index, notes) => {
              setPack({ ...pack, items: pack.items.map((item, i) => (i === index ? { ...item, notes } : item)) });
              setNotesChanged(true);
            }}
            onNotesDone={() => notesChanged && void persist(pack)}
          />
        </div>
        <SlidePreview items={pack.items} versions={versions} />
      </div>
    </div>
  );
}

/** Briefing packs of the workspace and the one being edited. */
export function BriefingsView({ charts, initialId, onOpened }: { charts: ChartSummary[]; initialId: number | null; onOpened: (id: number | null) => void }) {
  const { client, t, locale, describeError } = useApp();
  const [packs, setPacks] = useState<BriefingSummary[] | null>(null);
  const [selected, setSelected] = useState<number | null>(initialId);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      client.call('briefings.list', {}).then(
        (list) => {
          setPacks(list);
          setSelected((current) => (current !== null && list.some((p) => p.id === current) ? current : (list[0]?.id ?? null)));
        },
        (e: unknown) => setError(describeError(e)),
      ),
    [client, describeError],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => onOpened(selected), [selected, onOpened]);

  const create = async () => {
    try {
      const created = await client.call('briefings.save', { name: t('briefing.newName'), items: [] });
      setSelected(created.id);
      await reload();
    } catch (e) {
      setError(describeError(e));
    }
  };

  const remove = async (id: number) => {
    try {
      await client.call('briefings.delete', { id });
      setSelected(null);
      await reload();
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <div className="charts-layout">
      <aside className="side-list" aria-label={t('briefing.list')}>
        <div className="side-list-head">
          <h2>{t('briefing.list')}</h2>
          <button type="button" className="primary" onClick={() => void create()} data-testid="pack-new">
            {t('briefing.new')}
          </button>
        </div>
        {packs?.length === 0 && <p className="muted side-empty">{t('briefing.listEmpty')}</p>}
        <ul data-testid="pack-list">
          {packs?.map((p) => (
            <li key={p.id} className={p.id === selected ? 'active' : undefined}>
              <button type="button" className="side-item" aria-current={p.id === selected || undefined} onClick={() => setSelected(p.id)}>
                <span className="side-item-name">{p.name}</span>
                <span className="side-item-meta">
                  {t('briefing.count', { count: formatPlain(p.charts, locale, 0) })} · {p.updatedAt.slice(0, 10)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div className="charts-main">
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {selected !== null && <BriefingEditor key={selected} id={selected} charts={charts} onChanged={() => void reload()} onDelete={() => void remove(selected)} />}
        {packs !== null && selected === null && <p className="placeholder">{t('briefing.none')}</p>}
      </div>
    </div>
  );
}
