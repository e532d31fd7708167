import type { SourceInput } from '../../api/asset-types';

export const connectKinds = ['table', 'http-api', 'file'] as const;
export type ConnectKind = (typeof connectKinds)[number];

/**
 * The "connect a source" form. `url` (it may hold a database password) and `authValue` are
 * secrets: typed into password inputs, sent once, stored encrypted by the connector and never
 * shown again.
 */
export interface SourceForm {
  kind: ConnectKind;
  name: string;
  engine: 'postgres' | 'sqlite';
  url: string;
  schema: string;
  table: string;
  baseUrl: string;
  samplePath: string;
  authName: string;
  authValue: string;
  format: 'csv' | 'jsonl' | 'parquet';
  path: string;
}

export const emptySourceForm: SourceForm = {
  kind: 'table',
  name: '',
  engine: 'postgres',
  url: '',
  schema: '',
  table: '',
  baseUrl: '',
  samplePath: '',
  authName: 'Authorization',
  authValue: '',
  format: 'csv',
  path: '',
};

export function sourceInput(form: SourceForm): SourceInput {
  switch (form.kind) {
    case 'table':
      return { kind: 'table', engine: form.engine, url: form.url.trim(), table: form.table.trim(), ...(form.schema.trim() ? { schema: form.schema.trim() } : {}) };
    case 'http-api':
      return {
        kind: 'http-api',
        baseUrl: form.baseUrl.trim(),
        ...(form.samplePath.trim() ? { samplePath: form.samplePath.trim() } : {}),
        ...(form.authName.trim() && form.authValue ? { authHeader: { name: form.authName.trim(), value: form.authValue } } : {}),
      };
    case 'file':
      return { kind: 'file', format: form.format, path: form.path.trim() };
  }
}

/** Whether the form has what its kind needs before it is sent (the connector checks the rest). */
export function isComplete(form: SourceForm): boolean {
  if (!form.name.trim()) return false;
  if (form.kind === 'table') return Boolean(form.url.trim() && form.table.trim());
  if (form.kind === 'http-api') return /^https?:\/\//.test(form.baseUrl.trim());
  return Boolean(form.path.trim());
}
