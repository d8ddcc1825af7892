import { useId, type ReactNode } from 'react';
import { useApp } from '../../app-context';
import type { FieldError, FormField, SpecForm } from './spec-form';

export interface FormProps {
  form: SpecForm;
  set: (patch: Partial<SpecForm>) => void;
  errors: ReadonlyMap<FormField, FieldError>;
}

/**
 * A labelled control with its validation message right under it. A `group` (a list of checkboxes)
 * is named by its heading instead of a wrapping label, whose text would name every box inside.
 */
export function Field({ label, field, errors, hint, children, wide, group }: {
  label: string;
  field?: FormField;
  errors?: ReadonlyMap<FormField, FieldError>;
  hint?: string;
  children: ReactNode;
  wide?: boolean;
  group?: boolean;
}) {
  const { t } = useApp();
  const headingId = useId();
  const error = field ? errors?.get(field) : undefined;
  return (
    <div className={`field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      {group ? (
        <div className="field-group" role="group" aria-labelledby={headingId}>
          <span className="field-label" id={headingId}>
            {label}
          </span>
          {children}
        </div>
      ) : (
        <label>
          <span className="field-label">{label}</span>
          {children}
        </label>
      )}
      {hint && !error && <span className="field-hint">{hint}</span>}
      {error && (
        <span className="field-error" role="alert" data-testid={`error-${field}`}>
          {t(error.key, error.params)}
        </span>
      )}
    </div>
  );
}

/** A row of mutually exclusive choices, drawn as a segmented control. */
export function Segmented<T extends string>({ label, value, choices, onChange, name }: { label: string; value: T; choices: Array<{ value: T; label: string }>; onChange: (value: T) => void; name: string }) {
  return (
    <fieldset className="segmented">
      <legend>{label}</legend>
      <div className="segmented-options">
        {choices.map((choice) => (
          <label key={choice.value} className={choice.value === value ? 'checked' : undefined}>
            <input type="radio" name={name} value={choice.value} checked={choice.value === value} onChange={() => onChange(choice.value)} />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
