import { useEffect, useId, useState } from 'react';
import type { ReleaseDate } from '../../../shared/api/data-contract';
import { seedLabel } from '../../../shared/i18n/seed-labels';
import { parseDateText } from '../../../shared/parse/date';
import { useApp } from '../app-context';

interface DateFieldProps {
  /** The date, ISO (YYYY-MM-DD), or '' for none. */
  value: string;
  /** Called with the ISO date whenever the text names one, and with '' when it is cleared. */
  onChange: (value: string) => void;
  testId: string;
  /** Offer the workspace's release dates (with their labels) as suggestions: for "data as known on" fields. */
  releases?: boolean;
  /** Pass a text that is no date on as typed, for a form that shows its own error; else the field marks it and keeps the last date. */
  passInvalid?: boolean;
  className?: string;
  required?: boolean;
  ariaLabel?: string;
  ariaInvalid?: boolean;
  ariaDescribedBy?: string;
}

/**
 * A date typed as analysts write it (2023-12-13, 2023/12/13, 2023年12月13日, 20231213), shown the same
 * in both languages whatever the browser's locale (a native date input follows the system's, and
 * showed mm/dd/yyyy on Chinese screens). Vintage fields suggest the dates figures were released on.
 */
export function DateField({ value, onChange, testId, releases = false, passInvalid = false, className, required, ariaLabel, ariaInvalid, ariaDescribedBy }: DateFieldProps) {
  const { client, t, locale } = useApp();
  const listId = useId();
  const [text, setText] = useState(value);
  const [dates, setDates] = useState<ReleaseDate[]>([]);
  // A date set from outside (a reset, "back to the latest") replaces the text unless the text already names it.
  const [held, setHeld] = useState(value);
  if (held !== value) {
    setHeld(value);
    if (parseDateText(text) !== value) setText(value);
  }
  const invalid = parseDateText(text) === null;

  useEffect(() => {
    if (!releases) return;
    client.call('catalogue.releaseDates', {}).then(setDates, () => setDates([]));
  }, [client, releases]);

  const change = (next: string) => {
    setText(next);
    const iso = parseDateText(next);
    if (iso !== null) onChange(iso);
    else if (passInvalid) onChange(next);
  };

  return (
    <>
      <input
        type="text"
        inputMode="numeric"
        className={['date-field', className].filter(Boolean).join(' ')}
        value={text}
        placeholder={t('date.placeholder')}
        title={invalid ? t('date.invalid', { text }) : t('date.hint')}
        list={releases ? listId : undefined}
        maxLength={20}
        required={required}
        aria-label={ariaLabel}
        aria-invalid={ariaInvalid ?? invalid}
        aria-describedby={ariaDescribedBy}
        onChange={(e) => change(e.target.value)}
        data-testid={testId}
      />
      {releases && (
        <datalist id={listId}>
          {dates.map((d) => (
            <option
              key={d.date}
              value={d.date}
              label={d.labels.length ? t('date.release', { labels: d.labels.map((l) => seedLabel(l, locale)).join(' / '), figures: d.figures }) : t('date.releaseCount', { figures: d.figures })}
            />
          ))}
        </datalist>
      )}
    </>
  );
}
