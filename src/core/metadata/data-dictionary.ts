import type { DesensitizationRule } from '../desensitization/desensitization-rule.js';

/**
 * A data dictionary (数据字典): what each field of a data resource is. Shared by the connector's
 * asset registry (inferred, then edited by the provider), the operator's catalog and review, the
 * DCAT extension vocabulary and Frictionless Table Schema import/export.
 */

/**
 * Field types, aligned with Frictionless Table Schema v1's so the mapping is one-to-one
 * (`geojson` included for that reason, although inference never produces it).
 */
export const fieldTypes = ['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'time', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'object', 'array', 'any'] as const;
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

/**
 * The kinds GB/T 35273-2020 Annex B lists as sensitive personal information: identity document
 * numbers, bank accounts and cards (财产信息), biometrics, health, whereabouts (行踪轨迹) and the
 * data of children aged 14 or under. Name, phone, email, address and birth date are personal
 * basic data (Annex A), personal but not sensitive on their own.
 */
export const sensitivePiiKinds: readonly PiiKind[] = ['id-number', 'bank-card', 'financial-account', 'biometric', 'health', 'location', 'minor'];

export const isSensitivePiiKind = (kind: PiiKind): boolean => sensitivePiiKinds.includes(kind);

/** What a person reads for each kind (review findings, the console's dictionary editor). */
export const piiKindNames: Readonly<Record<PiiKind, Record<'zh-CN' | 'en', string>>> = {
  name: { 'zh-CN': '姓名', en: 'name' },
  'id-number': { 'zh-CN': '身份证件号码', en: 'identity document number' },
  phone: { 'zh-CN': '电话号码', en: 'phone number' },
  email: { 'zh-CN': '电子邮箱', en: 'email address' },
  address: { 'zh-CN': '地址', en: 'address' },
  'bank-card': { 'zh-CN': '银行卡号', en: 'bank card number' },
  'birth-date': { 'zh-CN': '出生日期', en: 'date of birth' },
  location: { 'zh-CN': '行踪轨迹', en: 'location track' },
  biometric: { 'zh-CN': '生物识别信息', en: 'biometric data' },
  health: { 'zh-CN': '健康生理信息', en: 'health data' },
  'financial-account': { 'zh-CN': '金融账户', en: 'financial account' },
  minor: { 'zh-CN': '未成年人信息', en: "minors' data" },
  other: { 'zh-CN': '其他个人信息', en: 'other personal information' },
};

export interface FieldStatistics {
  rows: number;
  nulls: number;
  distinct?: number;
  /** Counting stopped at a cap to bound memory: the true number of distinct values is at least `distinct`. */
  distinctCapped?: boolean;
  min?: number | string;
  max?: number | string;
  mean?: number;
}

export interface DictionaryField {
  /** The column or property name as the source has it. */
  name: string;
  type: FieldType;
  /**
   * How values of `type` are written when not the type's default, in Frictionless terms
   * (`any`, `email`, `%Y-%m-%d %H:%M:%S`, …).
   */
  format?: string;
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
  /** What a value of this field becomes before it leaves the provider (脱敏), when it leaves at all. */
  desensitization?: DesensitizationRule;
  statistics?: FieldStatistics;
  /**
   * Clamping bounds (截断边界) of a numeric field, declared by the provider: under differential
   * privacy each value is clamped into them before it is summed, and the noise is scaled to them.
   * A sum or average of a numeric field with no bounds is refused under differential privacy.
   */
  bounds?: { min: number; max: number };
  /** Members a source had that this model does not know: kept for lossless round trips. */
  extra?: Record<string, unknown>;
}

export interface DataDictionary {
  fields: DictionaryField[];
  /** Field names that together identify a row, when known. */
  primaryKey?: string[];
  /** Source values that mean "no value" (Frictionless `missingValues`; `['']` when inferred from CSV). */
  missingValues?: string[];
  extra?: Record<string, unknown>;
}
