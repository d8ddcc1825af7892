import { useEffect, useState } from 'react';
import type { IntegrityStatus } from '../../../shared/api/integrity-contract';
import { useApp } from '../app-context';
import './workspace-integrity.css';

/** The check reads the whole file: the shell asks for it only once its first screen has had this long. */
const FIRST_ASK_MS = 1500;
const POLL_MS = 1000;

/**
 * The open workspace's background integrity check (`workspace.integrity`): asked for after the first
 * screen, then followed until settled; asked afresh for another workspace. A failed call is asked
 * again (an import in progress, a transport hiccup): the answer only ever comes from SQLite.
 */
export function useWorkspaceIntegrity(path: string): IntegrityStatus | null {
  const { client } = useApp();
  const [answer, setAnswer] = useState<{ path: string; status: IntegrityStatus } | null>(null);
  const status = answer?.path === path ? answer.status : null;

  useEffect(() => {
    if (status && status.state !== 'checking') return;
    const timer = setTimeout(() => {
      client.call('workspace.integrity', {}).then(
        (next) => setAnswer({ path, status: next }),
        () => setAnswer({ path, status: { state: 'checking', problems: [] } }),
      );
    }, status ? POLL_MS : FIRST_ASK_MS);
    return () => clearTimeout(timer);
  }, [client, path, status]);

  return status;
}

/** The check's state in the status line; nothing before the first answer. */
export function IntegrityState({ status }: { status: IntegrityStatus | null }) {
  const { t } = useApp();
  if (!status) return null;
  return (
    <span className={`integrity integrity-${status.state}`} data-testid="integrity" data-state={status.state} title={status.problems.join('\n') || undefined}>
      {t(status.state === 'damaged' ? 'integrity.damagedShort' : `integrity.${status.state}`)}
    </span>
  );
}

/** Above the page, when the check found damage: what it means, what to do, and SQLite's own findings. */
export function IntegrityAlert({ status, path }: { status: IntegrityStatus | null; path: string }) {
  const { t } = useApp();
  if (status?.state !== 'damaged') return null;
  return (
    <div className="integrity-alert" role="alert" data-testid="integrity-alert">
      <p>{t('integrity.damaged', { path })}</p>
      <details>
        <summary>{t('integrity.details')}</summary>
        <ul>
          {status.problems.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
