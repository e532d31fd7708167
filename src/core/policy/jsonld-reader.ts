import type { FieldProblem } from '../errors/domain-error.js';
import { compactTerm, findKeys, joinPointer } from './odrl-terms.js';

/**
 * Reading compacted JSON-LD the way producers write it: a property may hold one value or an
 * array, a list may be wrapped in `@list`, an IRI may be a string or `{ "@id" }`, a literal a
 * plain value or `{ "@value", "@type" }`. Problems are collected with the JSON Pointer of the
 * member the client sent, so one answer lists every problem.
 */
export class JsonLdReader {
  readonly problems: FieldProblem[] = [];

  problem(pointer: string, detail: string): undefined {
    this.problems.push({ pointer, detail });
    return undefined;
  }

  /** The value of ODRL property `name` in `node` (any spelling) and its pointer; refuses two spellings at once. */
  member(node: Readonly<Record<string, unknown>>, pointer: string, name: string): { value: unknown; pointer: string } | undefined {
    const keys = findKeys(node, name);
    const [key] = keys;
    if (key === undefined) return undefined;
    if (keys.length > 1) return this.problem(joinPointer(pointer, key), `${name} is given more than once (${keys.join(', ')})`);
    return { value: node[key], pointer: joinPointer(pointer, key) };
  }

  /** The items of a single value, an array or an `@list`, each with its pointer. */
  items(value: unknown, pointer: string): Array<{ value: unknown; pointer: string }> {
    if (isRecord(value) && Object.hasOwn(value, '@list')) return this.items(value['@list'], joinPointer(pointer, '@list'));
    if (Array.isArray(value)) return value.map((item, i) => ({ value: item, pointer: joinPointer(pointer, i) }));
    return [{ value, pointer }];
  }

  /** An IRI: `"x"`, `{ "@id": "x" }` (a party or asset object's `@id`), or an array holding one. */
  iri(value: unknown, pointer: string, what: string): string | undefined {
    if (Array.isArray(value) && value.length === 1) return this.iri(value[0], joinPointer(pointer, 0), what);
    if (typeof value === 'string' && value !== '') return value;
    if (isRecord(value) && typeof value['@id'] === 'string' && value['@id'] !== '') return value['@id'];
    return this.problem(pointer, `${what} must be one IRI (a string or { "@id" })`);
  }

  /** A vocabulary term (action, operator, left operand, type) in compact form. */
  term(value: unknown, pointer: string, what: string): string | undefined {
    const iri = this.iri(value, pointer, what);
    return iri === undefined ? undefined : compactTerm(iri);
  }

  /** A plain string literal or `{ "@value": "…" }`. */
  text(value: unknown, pointer: string, what: string): string | undefined {
    if (typeof value === 'string') return value;
    if (isRecord(value) && typeof value['@value'] === 'string') return value['@value'];
    return this.problem(pointer, `${what} must be a string`);
  }

  /** The object's identifier: `@id`, or ODRL's `uid`. */
  uid(node: Readonly<Record<string, unknown>>, pointer: string): string | undefined {
    const key = Object.hasOwn(node, '@id') ? '@id' : findKeys(node, 'uid')[0];
    return key === undefined ? undefined : this.iri(node[key], joinPointer(pointer, key), 'The identifier');
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
