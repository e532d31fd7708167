import { createHash } from 'node:crypto';
import type { AssetRecord } from '../../core/assets/asset-record.js';
import { desensitizationKeys, desensitizationSql, type DesensitizationRule } from '../../core/desensitization/index.js';
import type { DictionaryField } from '../../core/metadata/data-dictionary.js';
import { quoteIdentifier, quoteString, rowColumn, subjectColumn, type GrantedColumn } from '../../core/sandbox/index.js';
import { rowFilterColumns, type SandboxTerms } from '../../core/sandbox/sandbox-terms.js';
import type { EngineTable } from './engine-protocol.js';

/**
 * How an asset becomes a view in a job's grant schema: only the columns the agreement allows,
 * each through its dictionary's desensitization rule (脱敏), identifiers hidden unless hashed or
 * tokenized (then usable only to join), rows filtered by the agreement, and the subject each row
 * is about in a hidden column for the k-anonymity counts.
 */
const identifierKinds = new Set(['name', 'id-number', 'phone', 'email', 'bank-card', 'financial-account']);
const subjectConcepts = new Set(['tds:uscc', 'tds:residentId', 'tds:organizationCode']);

/** The field naming whom a row is about: a USCC or ID number by concept or kind, else the key's first field. */
export function subjectField(fields: readonly DictionaryField[], primaryKey?: readonly string[]): DictionaryField | undefined {
  return (
    fields.find((f) => (f.concept && subjectConcepts.has(f.concept)) || f.pii?.kind === 'id-number') ??
    fields.find((f) => primaryKey?.length && f.name === primaryKey[0])
  );
}

const isIdentifier = (f: DictionaryField, subject?: DictionaryField) => f === subject || (f.pii !== undefined && identifierKinds.has(f.pii.kind));

const numeric = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL.*)$/;

const duckdbTypes: Record<string, string> = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE' };

export function engineTable(asset: AssetRecord, source: { path: string; format: EngineTable['format'] }): EngineTable {
  const fields = asset.entry.dictionary?.fields ?? [];
  const types = Object.fromEntries(fields.map((f) => [f.name, duckdbTypes[f.type] ?? 'VARCHAR']));
  const table = `raw_${createHash('sha256').update(`${asset.id}:${asset.version}:${source.path}`).digest('hex').slice(0, 20)}`;
  return { table, path: source.path, format: source.format, ...(source.format === 'csv' ? { types } : {}) };
}

export interface ViewPlan {
  name: string;
  columns: GrantedColumn[];
  hasSubject: boolean;
  /** `CREATE VIEW` body (after `AS`), reading the raw table. */
  body: string;
  /** The raw table's subject column, to measure the most rows per subject. */
  subjectSql?: string;
  /** Carries the hidden row numbers the query-set audit remembers. */
  hasRowNumbers: true;
}

const ruleType = (rule: DesensitizationRule | undefined, raw: string): string => {
  if (!rule) return raw;
  if (rule.method === 'noise' || (rule.method === 'generalize' && rule.to === 'number-band')) return 'DOUBLE';
  return 'VARCHAR';
};

export function viewPlan(options: {
  asset: AssetRecord;
  table: EngineTable;
  rawColumns: ReadonlyArray<{ name: string; type: string }>;
  terms: SandboxTerms;
  agreementId: string;
  master: Uint8Array;
}): ViewPlan {
  const { asset, table, terms } = options;
  const dictionary = asset.entry.dictionary;
  const fields = dictionary?.fields ?? [];
  const subject = subjectField(fields, dictionary?.primaryKey);
  const keys = desensitizationKeys(options.master, asset.id, options.agreementId);
  const allowed = terms.fields?.length ? new Set(terms.fields) : undefined;
  const columns: GrantedColumn[] = [];
  const select: string[] = [];
  for (const raw of options.rawColumns) {
    const field = fields.find((f) => f.name === raw.name);
    if (allowed && !allowed.has(raw.name)) continue;
    const rule = field?.desensitization;
    if (rule?.method === 'suppress') continue;
    const identifier = field ? isIdentifier(field, subject) : false;
    // An identifier leaves only as a keyed hash or token, and even then only to join views.
    if (identifier && rule?.method !== 'hash' && rule?.method !== 'tokenize') continue;
    const source = quoteIdentifier(raw.name);
    // Numbers are DOUBLE in every view: arithmetic on them never fails on a particular value
    // (an overflow error would tell the consumer that some row holds a large number).
    const type = ruleType(rule, numeric.test(raw.type) ? 'DOUBLE' : raw.type);
    // The rules' SQL gives text (the same text the data plane delivers); numeric ones are cast back.
    const expr = type === 'DOUBLE' ? `TRY_CAST(${rule ? desensitizationSql(rule, source, keys) : source} AS DOUBLE)` : rule ? desensitizationSql(rule, source, keys) : source;
    select.push(`${expr} AS ${source}`);
    const bounds = type === 'DOUBLE' && field?.bounds && field.bounds.min <= field.bounds.max ? { bounds: [field.bounds.min, field.bounds.max] as const } : {};
    columns.push({ name: raw.name, type, ...(identifier ? { identifier: true } : {}), ...bounds });
  }
  const subjectSql = subject && options.rawColumns.some((c) => c.name === subject.name) ? `CAST(${quoteIdentifier(subject.name)} AS VARCHAR)` : undefined;
  if (subjectSql) select.push(`${subjectSql} AS ${quoteIdentifier(subjectColumn)}`);
  // The table's row numbers are fixed once it is loaded (insertion order is preserved): the audit's memory of rows.
  select.push(`rowid AS ${quoteIdentifier(rowColumn)}`);
  const filters = [...rowFilterColumns(terms.rowFilter ?? [])].map(
    ([column, values]) => `CAST(${quoteIdentifier(column)} AS VARCHAR) IN (${values.map(quoteString).join(', ')})`,
  );
  const body = `SELECT ${select.join(', ')} FROM main.${quoteIdentifier(table.table)}${filters.length ? ` WHERE ${filters.join(' AND ')}` : ''}`;
  return { name: asset.name, columns, hasSubject: subjectSql !== undefined, hasRowNumbers: true, body, ...(subjectSql ? { subjectSql } : {}) };
}
