import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Output } from '../../../shared/api/contract';
import { useApp } from '../app-context';

type Recent = Output<'workspace.recent'>;

/** Open a recent or existing workspace file, or create a new one by name or path. */
export function WorkspaceDialog({ onClose, onSwitched }: { onClose: () => void; onSwitched: () => void }) {
  const { client, t, describeError } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  const [recent, setRecent] = useState<Recent>([]);
  const [openPath, setOpenPath] = useState('');
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    client.call('workspace.recent', {}).then(setRecent, (e: unknown) => setError(describeError(e)));
  }, [client, describeError]);

  async function act(call: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await call();
      onSwitched();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  const submitOpen = (e: FormEvent) => {
    e.preventDefault();
    if (openPath.trim()) void act(() => client.call('workspace.open', { path: openPath.trim() }));
  };
  const submitCreate = (e: FormEvent) => {
    e.preventDefault();
    if (newName.trim()) void act(() => client.call('workspace.create', { nameOrPath: newName.trim() }));
  };

  return (
    <dialog ref={dialog} className="workspace-dialog" onClose={onClose} aria-labelledby="ws-title">
      <h2 id="ws-title">{t('workspace.dialogTitle')}</h2>
      <h3>{t('workspace.recent')}</h3>
      <ul className="recent-list">
        {recent.map((r) => (
          <li key={r.path}>
            <button type="button" disabled={busy || r.current || !r.exists} onClick={() => void act(() => client.call('workspace.open', { path: r.path }))}>
              {r.path}
            </button>
            {r.current && <span className="tag">{t('workspace.current')}</span>}
            {!r.exists && <span className="tag warn">{t('workspace.missing')}</span>}
          </li>
        ))}
      </ul>
      <form onSubmit={submitOpen} className="ws-form">
        <label>
          {t('workspace.openPath')}
          <input value={openPath} onChange={(e) => setOpenPath(e.target.value)} placeholder={t('workspace.pathPlaceholder')} />
        </label>
        <button type="submit" disabled={busy || !openPath.trim()}>{t('workspace.open')}</button>
      </form>
      <form onSubmit={submitCreate} className="ws-form">
        <label>
          {t('workspace.create')}
          <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder={t('workspace.createName')} />
        </label>
        <button type="submit" disabled={busy || !newName.trim()}>{t('workspace.create')}</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>{t('workspace.close')}</button>
      </div>
    </dialog>
  );
}
