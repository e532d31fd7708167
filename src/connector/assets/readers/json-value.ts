/**
 * Database values as plain JSON values, the same for every reader: integers beyond 2^53 as
 * decimal strings (never silently rounded), dates as ISO 8601 strings, bytes as base64.
 */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return bigintToJson(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJsonValue(item)]));
  }
  return value;
}

/** A number when exact, else its decimal string. */
export function bigintToJson(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/** A row of driver values as JSON values. */
export function toJsonRow(row: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) result[key] = toJsonValue(value);
  return result;
}
