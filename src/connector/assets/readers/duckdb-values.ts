import {
  DuckDBArrayValue,
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBUnionValue,
  DuckDBVariantValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import { bigintToJson } from './json-value.js';

/**
 * A DuckDB value as plain JSON: BIGINT/HUGEINT as a number when exact else a string, DECIMAL as
 * a number, DATE as `YYYY-MM-DD`, TIMESTAMP as ISO 8601 without zone (it has none), TIMESTAMPTZ
 * as ISO 8601 UTC with microseconds, BLOB as base64, LIST/STRUCT/MAP as arrays and objects (a MAP
 * as `[{ key, value }]`, since its keys need not be strings), ±infinity as a string; the rest
 * (TIME, INTERVAL, UUID, BIT, …) as DuckDB prints them.
 */
export function duckdbValueToJson(value: DuckDBValue): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return bigintToJson(value);
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBDateValue) return value.isFinite ? value.toString() : infinity(value.days > 0);
  if (value instanceof DuckDBTimestampTZValue) {
    return value.isFinite ? `${isoLocal(new DuckDBTimestampValue(value.micros))}Z` : infinity(value.micros > 0n);
  }
  if (
    value instanceof DuckDBTimestampValue ||
    value instanceof DuckDBTimestampSecondsValue ||
    value instanceof DuckDBTimestampMillisecondsValue ||
    value instanceof DuckDBTimestampNanosecondsValue
  ) {
    return value.isFinite ? isoLocal(value) : String(value);
  }
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return value.items.map(duckdbValueToJson);
  if (value instanceof DuckDBStructValue) {
    return Object.fromEntries(Object.entries(value.entries).map(([key, item]) => [key, duckdbValueToJson(item)]));
  }
  if (value instanceof DuckDBMapValue) {
    return value.entries.map(({ key, value: item }) => ({ key: duckdbValueToJson(key), value: duckdbValueToJson(item) }));
  }
  if (value instanceof DuckDBBlobValue) return Buffer.from(value.bytes).toString('base64');
  if (value instanceof DuckDBUnionValue || value instanceof DuckDBVariantValue) return duckdbValueToJson(value.value);
  return String(value);
}

/** DuckDB prints timestamps as `YYYY-MM-DD HH:MM:SS[.ffffff]`: the ISO 8601 form needs a T. */
function isoLocal(value: { toString(): string }): string {
  return value.toString().replace(' ', 'T');
}

function infinity(positive: boolean): string {
  return positive ? 'infinity' : '-infinity';
}
