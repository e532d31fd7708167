/**
 * A data dictionary (数据字典): what each field of a data resource is. Shared by the connector's
 * asset registry (inferred, then edited by the provider), the operator's catalog and review, the
 * DCAT extension vocabulary and Frictionless Table Schema import/export.
 */

/** Field types, aligned with Frictionless Table Schema's so the mapping is one-to-one. */
export const fieldTypes = ['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'time', 'year', 'yearmonth', 'duration', 'geopoint', 'object', 'array', 'any'] as const;
export type FieldType = (typeof fieldTypes)[number];

/**
 * Kinds of personal information (个人信息) a field may hold, after GB/T 35273-2020 Annex A/B;
 * the `sensitive` ones are 敏感个人信息 (Annex B).
 */
export const piiKinds = [
  'name',
  'id-number',
  'phone',
  'email',
  'address',
  'bank-card',
  'birth-date',
  'location',
  'biometric',
  'health',
  'financial-account',
  'minor',
  'other',
] as const;
export type PiiKind = (typeof piiKinds)[number];

export interface FieldStatistics {
  rows: number;
  nulls: number;
  distinct?: number;
  min?: number | string;
  max?: number | string;
  mean?: number;
}

export interface DictionaryField {
  /** The column or property name as the source has it. */
  name: string;
  type: FieldType;
  /** Language-tagged titles, zh-CN first: `{ 'zh-CN': '用电量', en: 'Electricity consumption' }`. */
  title?: Partial<Record<'zh-CN' | 'en', string>>;
  description?: Partial<Record<'zh-CN' | 'en', string>>;
  /** UCUM or a plain unit, e.g. `kW.h`, `CNY`. */
  unit?: string;
  required?: boolean;
  /** Personal information held by this field, if any. */
  pii?: { kind: PiiKind; sensitive: boolean };
  /** A shared vocabulary concept this field is mapped to (semantic mapping), e.g. `tds:uscc`. */
  concept?: string;
  statistics?: FieldStatistics;
  /** Members a source had that this model does not know: kept for lossless round trips. */
  extra?: Record<string, unknown>;
}

export interface DataDictionary {
  fields: DictionaryField[];
  /** Field names that together identify a row, when known. */
  primaryKey?: string[];
  extra?: Record<string, unknown>;
}
