import { useEffect, useId, useState, type ReactNode } from 'react';
import { ProblemError } from '../api/client';
import { useI18n } from '../i18n';

/** A refusal as the form shows it: each message next to the field it names, the rest above the form. */
export type Refusal = { fields: Record<string, string>; message?: string } | null;

export function refusalOf(error: unknown, fields: readonly string[]): NonNullable<Refusal> {
  if (!(error instanceof ProblemError)) {
    return { fields: {}, message: error instanceof Error ? error.message : String(error) };
  }
  const placed: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const { field, message } of error.fieldErrors) {
    const named = field && fields.find((f) => f === field || field.startsWith(`${f}.`));
    if (named && !placed[named]) placed[named] = message;
    else unplaced.push(field ? `${field}: ${message}` : message);
  }
  return { fields: placed, message: unplaced.length ? unplaced.join('; ') : undefined };
}

/** A typed number, or a refusal next to its field before anything is sent (no NaN, no string coercion). */
export function numberIn(field: string, typed: string): number {
  const n = Number(typed.trim());
  if (typed.trim() === '' || !Number.isFinite(n)) {
    throw new ProblemError({ status: 400, title: 'Invalid', detail: `'${field}' must be a number` });
  }
  return n;
}

/** Runs a submit, keeping its refusal for the fields; what was typed stays. */
export function useSubmit(fields: readonly string[]) {
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [busy, setBusy] = useState(false);
  async function submit(action: () => Promise<void>) {
    setBusy(true);
    setRefusal(null);
    try {
      await action();
    } catch (e) {
      setRefusal(refusalOf(e, fields));
    } finally {
      setBusy(false);
    }
  }
  return { refusal, busy, submit, errorFor: (f: string) => refusal?.fields[f] };
}

export function FormError({ refusal }: { refusal: Refusal }) {
  if (!refusal?.message) {
    return null;
  }
  return (
    <p role="alert" className="error">
      {refusal.message}
    </p>
  );
}

type FieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  name?: string;
};

/** A labelled input whose refusal is read out with it (aria-describedby). */
export function Field({ label, value, onChange, error, type = 'text', required, autoComplete, name }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <span id={`${id}-error`} role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}

export function Select({ label, value, onChange, options, error }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
  error?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${id}-error`} role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Loads data for a page; reload() asks again (after a change). */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const { t } = useI18n();
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data }),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : t('error.generic') }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);
  return { data: state.data, error: state.error, reload: () => setVersion((v) => v + 1) };
}

/** A labelled group of checkboxes over a list of values; its refusal is read out with the group. */
export function Checks({ legend, options, chosen, onChange, error }: {
  legend: string; options: readonly (readonly [string, string])[]; chosen: readonly string[]; onChange: (chosen: string[]) => void; error?: string;
}) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? id : undefined}>
      <legend>{legend}</legend>
      {options.map(([value, label]) => (
        <label key={value} className="check">
          <input type="checkbox" checked={chosen.includes(value)}
            onChange={() => onChange(chosen.includes(value) ? chosen.filter((x) => x !== value) : [...chosen, value])} />
          {label}
        </label>
      ))}
      {error && <span id={id} role="alert" className="error">{error}</span>}
    </fieldset>
  );
}
