import type { DataDictionary, DictionaryField, FieldStatistics, FieldType, PiiKind } from './data-dictionary.js';
import { scanField, type PiiScan, type PiiScanOptions } from './pii-detection.js';

/**
 * Infers a data dictionary (数据字典) from sample rows: CSV records of strings or JSON Lines
 * objects. One pass, memory bounded by the caps (distinct values and PII samples per column),
 * and deterministic: the same rows give the same dictionary. The provider edits the result; the
 * inference only has to be a good, honest start.
 */

export interface InferenceOptions {
  /** Column order; by default the keys of the rows in order of first appearance. */
  columns?: readonly string[];
  /** Strings that mean "no value"; `['']` by default, as Frictionless. */
  missingValues?: readonly string[];
  /** Distinct values counted per column before counting stops; 10,000 by default. */
  distinctCap?: number;
  /** For the personal-information scan (`today`, `threshold`, `sampleLimit`). */
  pii: PiiScanOptions;
}

export interface DictionaryInference {
  dictionary: DataDictionary;
  /** The scan behind each field's `pii`, for the review's consistency check. */
  pii: PiiScan;
}

// Each value narrows the set of types every value so far fits; the column gets the first of
// `priority` still standing. Every scalar fits `string`, so a mix of scalars ends as string.
const INTEGER = 1;
const NUMBER = 2;
const BOOLEAN = 4;
const DATE = 8;
const DATETIME = 16;
const YEAR = 32;
const YEARMONTH = 64;
const STRING = 128;
const OBJECT = 256;
const ARRAY = 512;
const priority: ReadonlyArray<[number, FieldType]> = [
  [BOOLEAN, 'boolean'],
  [INTEGER, 'integer'],
  [NUMBER, 'number'],
  [DATE, 'date'],
  [DATETIME, 'datetime'],
  [YEARMONTH, 'yearmonth'],
  [STRING, 'string'],
  [OBJECT, 'object'],
  [ARRAY, 'array'],
];

// No leading zeros: 0371 and 007 are codes, and a number would lose their zeros.
const DECIMAL = /^[+-]?(?:0|[1-9]\d*)(\.\d+)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?(?:Z|([+-])([01]\d|2[0-3]):([0-5]\d))?$/;
const YEAR_MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): no Date objects on the hot path. */
function epochDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** `YYYY-MM-DD` that is a day on the calendar. */
function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const [y, m, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  return m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && isLeapYear(y) ? 29 : (monthDays[m - 1] ?? 0));
}

/**
 * Milliseconds since the epoch of an RFC 3339 date-time (or one with a space for the T), or
 * undefined for anything else. No offset is read as UTC: such values only compare with each
 * other. A leap second counts as :59.
 */
function instant(text: string): number | undefined {
  const m = ISO_DATETIME.exec(text);
  if (!m || !isCalendarDate(text.slice(0, 10))) return undefined;
  const day = epochDay(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
  const offset = m[6] ? (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8])) : 0;
  const seconds = ((day * 24 + Number(m[2])) * 60 + Number(m[3]) - offset) * 60 + Math.min(Number(m[4]), 59);
  return seconds * 1000 + (m[5] ? Math.trunc(Number(`0${m[5]}`) * 1000) : 0);
}

/** 4-digit integers are years only where the name says so; elsewhere they are counts or codes. */
const namesYear = (name: string) => /(^|[^a-z])(year|yr)s?([^a-z]|$)/i.test(name.replace(/([a-z])([A-Z])/g, '$1_$2')) || /年份|年度|年$/.test(name);

/**
 * Codes made of digits stay strings where the name says code: a region code (行政区划代码, GB/T
 * 2260: 410105), an industry code (GB/T 4754), a postcode or a USCC is compared and joined, never
 * summed, and an integer type would invite a program to drop leading zeros or add them up.
 */
const namesCode = (name: string) =>
  /代码|编码|编号|区划|邮编|号码|代号/.test(name) ||
  /(^|[^a-z])(code|codes|uscc|zip|zipcode|postcode|adcode|division)([^a-z]|$)/i.test(name.replace(/([a-z])([A-Z])/g, '$1_$2'));

/** Identifiers made of digits stay strings: a phone or card number is no quantity. */
const identifierKinds: readonly PiiKind[] = ['id-number', 'phone', 'bank-card', 'financial-account'];

class ColumnProfile {
  mask = INTEGER | NUMBER | BOOLEAN | DATE | DATETIME | YEAR | YEARMONTH | STRING | OBJECT | ARRAY;
  nulls = 0;
  nonNull = 0;
  readonly distinct = new Set<string>();
  distinctCapped = false;
  numMin = Infinity;
  numMax = -Infinity;
  numSum = 0;
  isoMin: string | undefined;
  isoMax: string | undefined;
  timeMin: { at: number; text: string } | undefined;
  timeMax: { at: number; text: string } | undefined;
  /** Some datetime is not in the default XML Schema form (`2024-01-02 03:04:05`). */
  datetimeOther = false;
  readonly sample: unknown[] = [];

  constructor(
    readonly name: string,
    nullsBefore: number,
  ) {
    this.nulls = nullsBefore;
  }

  add(value: unknown, options: Required<Pick<InferenceOptions, 'distinctCap'>> & { sampleLimit: number }): void {
    this.nonNull++;
    if (this.sample.length < options.sampleLimit) this.sample.push(value);
    // Strings (the common case) are their own key; other values are marked apart from them.
    const key = typeof value === 'string' ? value : `\u0000${typeof value}:${typeof value === 'object' ? JSON.stringify(value) : String(value)}`;
    if (!this.distinctCapped && !this.distinct.has(key)) {
      if (this.distinct.size < options.distinctCap) this.distinct.add(key);
      else this.distinctCapped = true;
    }
    this.mask &= this.fits(value);
  }

  private number(n: number): void {
    if (n < this.numMin) this.numMin = n;
    if (n > this.numMax) this.numMax = n;
    this.numSum += n;
  }

  private fits(value: unknown): number {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return STRING;
      this.number(value);
      if (!Number.isSafeInteger(value)) return NUMBER | STRING;
      return INTEGER | NUMBER | STRING | (value >= 1000 && value <= 2999 ? YEAR : 0);
    }
    if (typeof value === 'boolean') return BOOLEAN | STRING;
    if (typeof value === 'bigint') return STRING;
    if (value instanceof Date) return this.text(value.toISOString());
    if (Array.isArray(value)) return ARRAY;
    if (typeof value === 'object') return OBJECT;
    return this.text(String(value));
  }

  private text(text: string): number {
    // Only types the column may still be are worth testing: once a column is plain text, its
    // values cost one length check each.
    const open = this.mask;
    if (open & BOOLEAN && text.length <= 5 && /^(?:true|false)$/i.test(text)) return BOOLEAN | STRING;
    const decimal = open & NUMBER ? DECIMAL.exec(text) : null;
    if (decimal) {
      const n = Number(text);
      const integral = decimal[1] === undefined && !/[eE]/.test(text);
      // Digits beyond double precision (18-digit ID numbers) are identifiers, not numbers.
      if (integral && !Number.isSafeInteger(n)) return STRING;
      this.number(n);
      return (integral ? INTEGER | (/^\d{4}$/.test(text) && n <= 2999 ? YEAR : 0) : 0) | NUMBER | STRING;
    }
    if (open & DATE && text.length === 10 && isCalendarDate(text)) return this.iso(text, DATE);
    if (open & YEARMONTH && text.length === 7 && YEAR_MONTH.test(text)) return this.iso(text, YEARMONTH);
    if (open & DATETIME && text.length >= 19) {
      const at = instant(text);
      if (at === undefined) return STRING;
      if (text.charAt(10) === ' ') this.datetimeOther = true;
      if (!this.timeMin || at < this.timeMin.at) this.timeMin = { at, text };
      if (!this.timeMax || at > this.timeMax.at) this.timeMax = { at, text };
      return DATETIME | STRING;
    }
    return STRING;
  }

  /** ISO dates and year-months order as strings do. */
  private iso(text: string, bit: number): number {
    if (this.isoMin === undefined || text < this.isoMin) this.isoMin = text;
    if (this.isoMax === undefined || text > this.isoMax) this.isoMax = text;
    return bit | STRING;
  }

  type(): FieldType {
    if (this.nonNull === 0) return 'any';
    const [bit, type] = priority.find(([b]) => (this.mask & b) !== 0) ?? [0, 'any'];
    return bit === INTEGER && this.mask & YEAR && namesYear(this.name) ? 'year' : type;
  }

  statistics(rows: number, type: FieldType): FieldStatistics {
    const stats: FieldStatistics = { rows, nulls: this.nulls, distinct: this.distinct.size };
    if (this.distinctCapped) stats.distinctCapped = true;
    if (type === 'integer' || type === 'number' || type === 'year') {
      Object.assign(stats, { min: this.numMin, max: this.numMax });
      if (type !== 'year') stats.mean = this.numSum / this.nonNull;
    } else if ((type === 'date' || type === 'yearmonth') && this.isoMin !== undefined && this.isoMax !== undefined) {
      Object.assign(stats, { min: this.isoMin, max: this.isoMax });
    } else if (type === 'datetime' && this.timeMin && this.timeMax) {
      Object.assign(stats, { min: this.timeMin.text, max: this.timeMax.text });
    }
    return stats;
  }
}

/**
 * Infers each column's type (integer, number, boolean, date `YYYY-MM-DD`, datetime RFC 3339 or
 * with a space, year where the name says year, year-month `2024-01`, string; digits in a column
 * whose name says code (代码, 编码, code, …) or with leading zeros are strings; a mix of types is
 * string, objects or arrays mixed with scalars or all-null columns are `any`), its statistics,
 * `required` where no value is missing, and personal information from a scan of the first
 * values. A column a row lacks counts as null in that row.
 */
export function inferDictionary(rows: Iterable<Readonly<Record<string, unknown>>>, options: InferenceOptions): DictionaryInference {
  const missing = new Set(options.missingValues ?? ['']);
  const add = { distinctCap: options.distinctCap ?? 10_000, sampleLimit: options.pii.sampleLimit ?? 1000 };
  const profiles = (options.columns ?? []).map((c) => new ColumnProfile(c, 0));
  const known = new Set(options.columns);
  const discover = options.columns === undefined;
  let rowCount = 0;
  for (const row of rows) {
    if (discover) {
      for (const key in row) {
        if (!known.has(key)) {
          known.add(key);
          profiles.push(new ColumnProfile(key, rowCount));
        }
      }
    }
    for (const profile of profiles) {
      const value = row[profile.name];
      if (value === null || value === undefined || (typeof value === 'string' && missing.has(value))) profile.nulls++;
      else profile.add(value, add);
    }
    rowCount++;
  }
  const fields: DictionaryField[] = [];
  const scans: PiiScan['fields'] = [];
  for (const profile of profiles) {
    const scan = scanField(profile.name, profile.sample, options.pii);
    scans.push(scan);
    let type = profile.type();
    const numeric = type === 'integer' || type === 'number' || type === 'year';
    if (numeric && ((scan.pii && identifierKinds.includes(scan.pii.kind)) || namesCode(profile.name))) type = 'string';
    const field: DictionaryField = { name: profile.name, type };
    if (type === 'datetime' && profile.datetimeOther) field.format = 'any';
    if (rowCount > 0 && profile.nulls === 0) field.required = true;
    if (scan.pii) field.pii = scan.pii;
    field.statistics = profile.statistics(rowCount, type);
    fields.push(field);
  }
  const dictionary: DataDictionary = { fields, missingValues: [...missing] };
  return { dictionary, pii: { threshold: options.pii.threshold ?? 0.6, fields: scans } };
}
