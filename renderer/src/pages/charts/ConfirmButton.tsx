import { useState } from 'react';
import { useApp } from '../../app-context';

/** A destructive action that asks once, in place, before it runs. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, testId, className }: { label: string; question: string; confirmLabel: string; onConfirm: () => void; testId?: string; className?: string }) {
  const { t } = useApp();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="danger"
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={testId ? `${testId}-confirm` : undefined}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
