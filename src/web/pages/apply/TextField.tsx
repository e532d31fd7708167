import type { InputHTMLAttributes } from 'react';
import { FormField } from '../../components/FormField';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  error?: string;
  hint?: string;
};

/** One text input of the application form, with its server-side error below it. */
export function TextField({ id, label, value, onValue, error, hint, required, ...input }: Props) {
  return (
    <FormField label={label} htmlFor={id} required={required} error={error} hint={hint}>
      <input id={id} name={id} value={value} onChange={(e) => onValue(e.target.value)} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} {...input} />
    </FormField>
  );
}
