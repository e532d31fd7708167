import type { SourceForm } from './source-form-state';

/** What each source kind's fields get: the form, and a setter for one member. */
export interface SourceFieldProps {
  form: SourceForm;
  set<K extends keyof SourceForm>(key: K, value: SourceForm[K]): void;
}
