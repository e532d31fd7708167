import { validateDesensitizationRule } from '../desensitization/desensitization-rule.js';
import { format, type Locale, type Localized } from '../i18n/locale.js';
import { fieldTypes, piiKinds, type DataDictionary, type DictionaryField, type FieldStatistics, type FieldType } from './data-dictionary.js';

/**
 * A data dictionary as a Frictionless Table Schema (v1, https://specs.frictionlessdata.io/table-schema/)
 * and back. What the spec has is written the spec's way (`name`, `type`, `format`, `title`,
 * `description`, `constraints.required`, `primaryKey`, `missingValues`); what only we have goes
 * in `tds:`-prefixed members (`tds:title` with both languages, `tds:unit`, `tds:pii`,
 * `tds:concept`, `tds:desensitization`, `tds:statistics`), which the spec lets other tools carry along. Members neither
 * knows are kept in `extra` and written back, so dictionary → schema → dictionary is lossless.
 */

export interface TableSchemaField {
  name: string;
  type: FieldType;
  [member: string]: unknown;
}

export interface TableSchema {
  fields: TableSchemaField[];
  [member: string]: unknown;
}

type Texts = Partial<Record<'zh-CN' | 'en', string>>;
const languages = ['zh-CN', 'en'] as const;
/** The spec's single title is the Chinese one where there is one (zh-CN is the default locale). */
const primary = (texts: Texts | undefined) => texts?.['zh-CN'] ?? texts?.en;
const fieldMembers = new Set(['name', 'type', 'format', 'title', 'description', 'constraints']);
const ext = { title: 'tds:title', description: 'tds:description', unit: 'tds:unit', pii: 'tds:pii', concept: 'tds:concept', desensitization: 'tds:desensitization', statistics: 'tds:statistics' } as const;
const extensionMembers = new Set<string>(Object.values(ext));
const schemaMembers = new Set(['fields', 'primaryKey', 'missingValues']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function exportField(field: DictionaryField): TableSchemaField {
  const out: TableSchemaField = { name: field.name, type: field.type };
  if (field.format !== undefined) out.format = field.format;
  if (primary(field.title) !== undefined) out.title = primary(field.title);
  if (primary(field.description) !== undefined) out.description = primary(field.description);
  // Constraints we do not model (unique, minimum, pattern, …) wait in extra.constraints.
  const { constraints: otherConstraints, ...extra } = field.extra ?? {};
  const constraints = { ...(isRecord(otherConstraints) ? otherConstraints : {}), ...(field.required === undefined ? {} : { required: field.required }) };
  if (Object.keys(constraints).length > 0) out.constraints = constraints;
  if (field.title) out[ext.title] = { ...field.title };
  if (field.description) out[ext.description] = { ...field.description };
  if (field.unit !== undefined) out[ext.unit] = field.unit;
  if (field.pii) out[ext.pii] = { ...field.pii };
  if (field.concept !== undefined) out[ext.concept] = field.concept;
  if (field.desensitization) out[ext.desensitization] = { ...field.desensitization };
  if (field.statistics) out[ext.statistics] = { ...field.statistics };
  for (const [key, value] of Object.entries(extra)) if (!(key in out) && !fieldMembers.has(key) && !extensionMembers.has(key)) out[key] = value;
  return out;
}

/** The dictionary as a Table Schema, ready for JSON.stringify. Total: it never throws. */
export function toTableSchema(dictionary: DataDictionary): TableSchema {
  const schema: TableSchema = { fields: dictionary.fields.map(exportField) };
  if (dictionary.primaryKey) schema.primaryKey = [...dictionary.primaryKey];
  if (dictionary.missingValues) schema.missingValues = [...dictionary.missingValues];
  for (const [key, value] of Object.entries(dictionary.extra ?? {})) if (!schemaMembers.has(key)) schema[key] = value;
  return schema;
}

export const tableSchemaRules = [
  'table-schema.object',
  'table-schema.fields',
  'table-schema.field',
  'table-schema.name',
  'table-schema.name-duplicate',
  'table-schema.type',
  'table-schema.format',
  'table-schema.title',
  'table-schema.description',
  'table-schema.constraints',
  'table-schema.primary-key',
  'table-schema.missing-values',
  'table-schema.extension',
] as const;
export type TableSchemaRule = (typeof tableSchemaRules)[number];

export interface TableSchemaProblem {
  rule: TableSchemaRule;
  /** JSON Pointer (RFC 6901) to the member at fault. */
  pointer: string;
  expected?: string;
  actual?: string;
}

export type TableSchemaResult = { ok: true; value: DataDictionary } | { ok: false; problems: TableSchemaProblem[] };

type Report = (rule: TableSchemaRule, pointer: string, details?: Omit<TableSchemaProblem, 'rule' | 'pointer'>) => void;

const isTexts = (value: unknown): value is Texts =>
  isRecord(value) && Object.entries(value).every(([k, v]) => (languages as readonly string[]).includes(k) && typeof v === 'string');
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const statisticsChecks: Readonly<Record<keyof FieldStatistics, (value: unknown) => boolean>> = {
  rows: isCount,
  nulls: isCount,
  distinct: isCount,
  distinctCapped: (v) => typeof v === 'boolean',
  min: (v) => typeof v === 'string' || Number.isFinite(v),
  max: (v) => typeof v === 'string' || Number.isFinite(v),
  mean: (v) => Number.isFinite(v),
};
const isStatistics = (value: unknown): value is FieldStatistics =>
  isRecord(value) &&
  value.rows !== undefined &&
  value.nulls !== undefined &&
  Object.entries(value).every(([k, v]) => k in statisticsChecks && statisticsChecks[k as keyof FieldStatistics](v));

/** A title another tool edited replaces the text in its own script's language. */
function texts(plain: unknown, tagged: unknown, at: string, member: 'title' | 'description', report: Report): Texts | undefined {
  if (plain !== undefined && typeof plain !== 'string') report(`table-schema.${member}`, `${at}/${member}`, { expected: 'string' });
  if (tagged !== undefined && !isTexts(tagged)) report('table-schema.extension', `${at}/${ext[member]}`, { expected: '{ "zh-CN"?: string, "en"?: string }' });
  const result: Texts | undefined = isTexts(tagged) ? { ...tagged } : undefined;
  if (typeof plain !== 'string' || plain === primary(result)) return result;
  return { ...result, [/\p{Script=Han}/u.test(plain) ? 'zh-CN' : 'en']: plain };
}

function importField(raw: unknown, at: string, report: Report): DictionaryField | undefined {
  if (!isRecord(raw)) return void report('table-schema.field', at, { expected: 'object' });
  const { name, type = 'string', format: fmt, constraints } = raw;
  if (typeof name !== 'string' || name === '') report('table-schema.name', `${at}/name`, { expected: 'non-empty string' });
  if (!(fieldTypes as readonly unknown[]).includes(type)) report('table-schema.type', `${at}/type`, { expected: fieldTypes.join(', '), actual: String(type) });
  if (fmt !== undefined && typeof fmt !== 'string') report('table-schema.format', `${at}/format`, { expected: 'string' });
  if (constraints !== undefined && !isRecord(constraints)) report('table-schema.constraints', `${at}/constraints`, { expected: 'object' });
  const { required, ...otherConstraints } = isRecord(constraints) ? constraints : {};
  if (required !== undefined && typeof required !== 'boolean') report('table-schema.constraints', `${at}/constraints/required`, { expected: 'boolean' });
  const title = texts(raw.title, raw[ext.title], at, 'title', report);
  const description = texts(raw.description, raw[ext.description], at, 'description', report);
  const { [ext.unit]: unit, [ext.pii]: pii, [ext.concept]: concept, [ext.desensitization]: rule, [ext.statistics]: statistics } = raw;
  if (unit !== undefined && typeof unit !== 'string') report('table-schema.extension', `${at}/${ext.unit}`, { expected: 'string' });
  if (concept !== undefined && typeof concept !== 'string') report('table-schema.extension', `${at}/${ext.concept}`, { expected: 'string' });
  const piiOk = isRecord(pii) && Object.keys(pii).length === 2 && (piiKinds as readonly unknown[]).includes(pii.kind) && typeof pii.sensitive === 'boolean';
  if (pii !== undefined && !piiOk) report('table-schema.extension', `${at}/${ext.pii}`, { expected: `{ kind: ${piiKinds.join(' | ')}, sensitive: boolean }` });
  const desensitization = rule === undefined ? undefined : validateDesensitizationRule(rule);
  if (desensitization && !desensitization.ok) report('table-schema.extension', `${at}/${ext.desensitization}${desensitization.problems[0]!.pointer}`, { expected: desensitization.problems[0]!.message });
  if (statistics !== undefined && !isStatistics(statistics)) report('table-schema.extension', `${at}/${ext.statistics}`, { expected: 'rows, nulls, distinct, distinctCapped, min, max, mean' });

  const field: DictionaryField = { name: name as string, type: type as FieldType };
  if (typeof fmt === 'string') field.format = fmt;
  if (title) field.title = title;
  if (description) field.description = description;
  if (typeof unit === 'string') field.unit = unit;
  if (typeof required === 'boolean') field.required = required;
  if (piiOk) field.pii = pii as DictionaryField['pii'];
  if (typeof concept === 'string') field.concept = concept;
  if (desensitization?.ok) field.desensitization = { ...desensitization.value };
  if (isStatistics(statistics)) field.statistics = { ...statistics };
  const extra = Object.fromEntries(Object.entries(raw).filter(([key]) => !fieldMembers.has(key) && !extensionMembers.has(key)));
  if (Object.keys(otherConstraints).length > 0) extra.constraints = otherConstraints;
  if (Object.keys(extra).length > 0) field.extra = extra;
  return field;
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * Reads a Table Schema (parsed JSON) into a dictionary, or reports every problem with a JSON
 * Pointer to it. A missing `type` is `string` and a string `primaryKey` a one-field key, as the
 * spec says; `primaryKey` must name fields of the schema.
 */
export function fromTableSchema(input: unknown): TableSchemaResult {
  const problems: TableSchemaProblem[] = [];
  const report: Report = (rule, pointer, details = {}) => void problems.push({ rule, pointer, ...details });
  if (!isRecord(input)) return { ok: false, problems: [{ rule: 'table-schema.object', pointer: '', expected: 'object' }] };
  if (!Array.isArray(input.fields)) return { ok: false, problems: [{ rule: 'table-schema.fields', pointer: '/fields', expected: 'array' }] };
  const fields = input.fields.map((raw, i) => importField(raw, `/fields/${i}`, report));
  const names = new Set<string>();
  fields.forEach((field, i) => {
    if (field && typeof field.name === 'string' && field.name !== '') {
      if (names.has(field.name)) report('table-schema.name-duplicate', `/fields/${i}/name`, { actual: field.name });
      names.add(field.name);
    }
  });
  const { primaryKey: key, missingValues } = input;
  const primaryKey = typeof key === 'string' ? [key] : key;
  if (primaryKey !== undefined && !isStrings(primaryKey)) report('table-schema.primary-key', '/primaryKey', { expected: 'field name or array of field names' });
  if (isStrings(primaryKey)) {
    primaryKey.forEach((name, j) => {
      if (!names.has(name)) report('table-schema.primary-key', typeof key === 'string' ? '/primaryKey' : `/primaryKey/${j}`, { actual: name });
    });
  }
  if (missingValues !== undefined && !isStrings(missingValues)) report('table-schema.missing-values', '/missingValues', { expected: 'array of strings' });
  if (problems.length > 0) return { ok: false, problems };

  const dictionary: DataDictionary = { fields: fields as DictionaryField[] };
  if (isStrings(primaryKey)) dictionary.primaryKey = [...primaryKey];
  if (isStrings(missingValues)) dictionary.missingValues = [...missingValues];
  const extra = Object.fromEntries(Object.entries(input).filter(([k]) => !schemaMembers.has(k)));
  if (Object.keys(extra).length > 0) dictionary.extra = extra;
  return { ok: true, value: dictionary };
}

export const tableSchemaMessages: Readonly<Record<TableSchemaRule, Localized>> = {
  'table-schema.object': { 'zh-CN': 'Table Schema 应为 JSON 对象', en: 'A Table Schema must be a JSON object' },
  'table-schema.fields': { 'zh-CN': '{pointer}：应为字段数组', en: '{pointer}: must be an array of fields' },
  'table-schema.field': { 'zh-CN': '{pointer}：字段应为对象', en: '{pointer}: a field must be an object' },
  'table-schema.name': { 'zh-CN': '{pointer}：字段名应为非空字符串', en: '{pointer}: a field name must be a non-empty string' },
  'table-schema.name-duplicate': { 'zh-CN': '{pointer}：字段名 {actual} 重复', en: '{pointer}: field name {actual} is used twice' },
  'table-schema.type': { 'zh-CN': '{pointer}：类型 {actual} 无效，应为 {expected} 之一', en: '{pointer}: type {actual} is not valid, should be one of {expected}' },
  'table-schema.format': { 'zh-CN': '{pointer}：格式应为字符串', en: '{pointer}: format must be a string' },
  'table-schema.title': { 'zh-CN': '{pointer}：标题应为字符串', en: '{pointer}: title must be a string' },
  'table-schema.description': { 'zh-CN': '{pointer}：描述应为字符串', en: '{pointer}: description must be a string' },
  'table-schema.constraints': { 'zh-CN': '{pointer}：约束无效，应为 {expected}', en: '{pointer}: constraint is not valid, should be {expected}' },
  'table-schema.primary-key': { 'zh-CN': '{pointer}：主键应引用本表的字段', en: '{pointer}: the primary key must name fields of this schema' },
  'table-schema.missing-values': { 'zh-CN': '{pointer}：缺失值应为字符串数组', en: '{pointer}: missing values must be an array of strings' },
  'table-schema.extension': { 'zh-CN': '{pointer}：扩展属性无效，应为 {expected}', en: '{pointer}: extension member is not valid, should be {expected}' },
};

/** The problem as one sentence in the given locale. */
export function describeTableSchemaProblem(problem: TableSchemaProblem, locale: Locale): string {
  const values: Record<string, string> = { pointer: problem.pointer || '/' };
  if (problem.expected !== undefined) values.expected = problem.expected;
  if (problem.actual !== undefined) values.actual = problem.actual;
  return format(tableSchemaMessages[problem.rule][locale], values);
}
