import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/api/jobs-contract';
import { useApp } from '../app-context';

/**
 * Follows a background job: polls `jobs.get`, shows the step and a progress bar with a cancel
 * button, and calls `onFinished` once with the job's final status (done, failed or cancelled).
 */
export function JobProgress({ job, onFinished, pollMs = 250 }: { job: JobStatus; onFinished: (status: JobStatus) => void; pollMs?: number }) {
  const { client, t, describeError } = useApp();
  const [status, setStatus] = useState(job);
  const [error, setError] = useState<string | null>(null);
  const reported = useRef(false);

  useEffect(() => {
    if (status.state !== 'running') {
      if (!reported.current) onFinished(status);
      reported.current = true;
      return;
    }
    const timer = setTimeout(() => {
      client.call('jobs.get', { id: status.id }).then(setStatus, (e: unknown) => setError(describeError(e)));
    }, pollMs);
    return () => clearTimeout(timer);
  }, [client, status, pollMs, onFinished, describeError]);

  const percent = status.total > 0 ? Math.min(100, Math.round((100 * status.done) / status.total)) : 0;
  return (
    <div className="job-progress" role="status" data-testid="job-progress" data-state={status.state}>
      <span>{t(status.step)}</span>
      <progress max={100} value={percent} aria-label={t(status.step)} />
      <span className="muted">{percent}%</span>
      {status.state === 'running' && (
        <button type="button" onClick={() => client.call('jobs.cancel', { id: status.id }).then(setStatus, (e: unknown) => setError(describeError(e)))}>
          {t('job.cancel')}
        </button>
      )}
      {error && <span className="error">{error}</span>}
    </div>
  );
}
