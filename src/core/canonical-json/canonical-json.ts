/**
 * RFC 8785 JSON Canonicalization Scheme (JCS). Evidence leaves are hashed as bytes, so the same
 * value must always serialise to the same bytes, in any process and any language.
 */

import { MAX_JSON_DEPTH } from './json-depth.js';

export type CanonicalJsonFailure = 'not-json' | 'non-finite-number' | 'lone-surrogate' | 'cycle' | 'too-deep';

/** The value cannot be represented as I-JSON; `pointer` (RFC 6901) locates the bad part. */
export class CanonicalJsonError extends Error {
  constructor(
    readonly reason: CanonicalJsonFailure,
    readonly pointer: string,
    detail: string,
  ) {
    super(`${detail} at '${pointer}'`);
    this.name = 'CanonicalJsonError';
  }
}

// The pointer to a failing value is built only when something fails: the path is a stack of
// segments pushed and popped while walking, so the common case allocates no pointer strings.
type Path = Array<string | number>;

const pointerOf = (path: Path) =>
  path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

function fail(reason: CanonicalJsonFailure, path: Path, detail: string): never {
  throw new CanonicalJsonError(reason, pointerOf(path), detail);
}

function serializeString(s: string, path: Path): string {
  // Well-formed UTF-16 is required: a lone surrogate has no UTF-8 encoding, so the bytes would
  // depend on the encoder (RFC 8785 §3.2.2.2 via I-JSON).
  if (!s.isWellFormed()) fail('lone-surrogate', path, 'string contains a lone surrogate');
  // ECMAScript JSON.stringify escapes exactly as RFC 8785 §3.2.2.2 requires.
  return JSON.stringify(s);
}

function serializeNumber(n: number, path: Path): string {
  if (!Number.isFinite(n)) fail('non-finite-number', path, `${n} is not a JSON number`);
  // RFC 8785 §3.2.2.3 adopts ECMAScript Number::toString, which also maps -0 to "0".
  return String(n);
}

function serialize(value: unknown, path: Path, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return serializeString(value, path);
    case 'number':
      return serializeNumber(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return serializeContainer(value, path, ancestors);
    default:
      return fail('not-json', path, `a ${typeof value} is not a JSON value`);
  }
}

function serializeContainer(value: object, path: Path, ancestors: Set<object>): string {
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  // Honour toJSON like JSON.stringify does, so Dates serialise as their ISO string.
  if (typeof toJSON === 'function') return serialize(toJSON.call(value), path, ancestors);
  if (ancestors.has(value)) fail('cycle', path, 'value contains a cycle');
  // Checked before descending: the walk is recursive, and a value thousands deep would
  // otherwise end in a RangeError instead of a failure the caller can name.
  if (path.length >= MAX_JSON_DEPTH) fail('too-deep', path, `value nests deeper than ${MAX_JSON_DEPTH} levels`);
  ancestors.add(value);
  try {
    return Array.isArray(value) ? serializeArray(value, path, ancestors) : serializeObject(value, path, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function serializeArray(items: unknown[], path: Path, ancestors: Set<object>): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    // Unlike JSON.stringify, undefined items are not turned into null: that would change the data.
    if (i > 0) out += ',';
    path.push(i);
    out += serialize(items[i], path, ancestors);
    path.pop();
  }
  return `${out}]`;
}

function serializeObject(obj: object, path: Path, ancestors: Set<object>): string {
  const proto: unknown = Object.getPrototypeOf(obj);
  // Maps, Sets, typed arrays and the like would silently become {}; refuse them instead.
  if (proto !== Object.prototype && proto !== null) {
    fail('not-json', path, `a ${obj.constructor?.name ?? 'non-plain'} object is not JSON`);
  }
  const record = obj as Record<string, unknown>;
  // Default sort compares UTF-16 code units, which is the order RFC 8785 §3.2.3 prescribes.
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    // An undefined property is absent, as with JSON.stringify (optional fields in TypeScript).
    if (item === undefined) continue;
    if (!first) out += ',';
    first = false;
    path.push(key);
    out += `${serializeString(key, path)}:${serialize(item, path, ancestors)}`;
    path.pop();
  }
  return `${out}}`;
}

/**
 * The RFC 8785 canonical form of a JSON value. Throws CanonicalJsonError for anything that is
 * not JSON: undefined (except as an object property, which is omitted), NaN, ±Infinity, bigint,
 * functions, symbols, lone surrogates, cycles, non-plain objects without toJSON, and values
 * nested deeper than MAX_JSON_DEPTH.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, [], new Set());
}

const encoder = new TextEncoder();

/** The UTF-8 bytes of `canonicalJson(value)`: what gets hashed and stored. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalJson(value));
}
