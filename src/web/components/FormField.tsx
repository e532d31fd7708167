import type { ReactNode } from 'react';

/** A labelled input with its hint and, when the server refused it, the field error beside it. */
export function FormField({ label, htmlFor, required, hint, error, children }: { label: ReactNode; htmlFor?: string; required?: boolean; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={htmlFor}>
        {required && <span className="field-required" aria-hidden="true">*</span>}
        {label}
      </label>
      <div className="field-control">
        {children}
        {error ? (
          <p className="field-error" role="alert" id={htmlFor ? `${htmlFor}-error` : undefined}>
            {error}
          </p>
        ) : (
          hint && <p className="field-hint">{hint}</p>
        )}
      </div>
    </div>
  );
}
