import type { FieldProblem } from '../errors/index.js';
import { dspContextUrl } from '../metadata/dcat-context.js';

/**
 * Reads the members of a compacted DSP message, collecting every problem with the JSON Pointer
 * (RFC 6901) of the member the sender wrote, or of where a missing one belongs, so one answer
 * lists them all. Terms are read as the DSP context compacts them (`providerPid`, not
 * `dspace:providerPid`): a message under another context is for jsonld.js to compact first.
 */

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON Pointer segment escaping (`~` → `~0`, `/` → `~1`). */
export const pointerTo = (base: string, ...segments: Array<string | number>): string =>
  segments.reduce<string>((pointer, s) => `${pointer}/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`, base);

export type Node = Readonly<Record<string, unknown>>;

export interface Item {
  value: unknown;
  pointer: string;
}

export class DspJsonReader {
  readonly problems: FieldProblem[] = [];

  problem(pointer: string, detail: string): undefined {
    this.problems.push({ pointer, detail });
    return undefined;
  }

  /** A JSON object, or a problem. */
  object(value: unknown, pointer: string, what: string): Node | undefined {
    return isRecord(value) ? value : this.problem(pointer, `${what} must be a JSON object`);
  }

  /** A string member. Identifiers and addresses must not be empty. */
  string(node: Node, key: string, base: string, required: boolean, options: { allowEmpty?: boolean } = {}): string | undefined {
    const pointer = pointerTo(base, key);
    if (!Object.hasOwn(node, key)) return required ? this.problem(pointer, `${key} is required`) : undefined;
    const value = node[key];
    if (typeof value !== 'string') return this.problem(pointer, `${key} must be a string`);
    if (value === '' && !options.allowEmpty) return this.problem(pointer, `${key} must not be empty`);
    return value;
  }

  /** An absolute http(s) URL: DSP requires the HTTPS scheme to be supported; we also take http for local set-ups. */
  url(node: Node, key: string, base: string, required: boolean): string | undefined {
    const value = this.string(node, key, base, required);
    if (value === undefined) return undefined;
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return this.problem(pointerTo(base, key), `${key} must be an absolute https URL`);
    return value;
  }

  /** One of `values`. */
  oneOf<T extends string>(node: Node, key: string, base: string, values: readonly T[]): T | undefined {
    const value = this.string(node, key, base, true);
    if (value === undefined) return undefined;
    return (values as readonly string[]).includes(value) ? (value as T) : this.problem(pointerTo(base, key), `${key} must be one of ${values.join(', ')} (got ${value})`);
  }

  /** An array member's items; `minItems` 1 where the schema asks for at least one. */
  array(node: Node, key: string, base: string, options: { required?: boolean; minItems?: number } = {}): Item[] | undefined {
    const pointer = pointerTo(base, key);
    if (!Object.hasOwn(node, key)) return options.required ? this.problem(pointer, `${key} is required`) : undefined;
    const value = node[key];
    if (!Array.isArray(value)) return this.problem(pointer, `${key} must be an array`);
    if (value.length < (options.minItems ?? 0)) return this.problem(pointer, `${key} must have at least ${options.minItems} item(s)`);
    return value.map((item, i) => ({ value: item, pointer: pointerTo(pointer, i) }));
  }

  /** DSP's `code` and `reason` (a non-empty array) of errors, terminations and suspensions. */
  codeAndReason(node: Node, base: string): { code?: string; reason?: unknown[] } {
    const code = this.string(node, 'code', base, false, { allowEmpty: true });
    const reason = this.array(node, 'reason', base, { minItems: 1 })?.map((item) => item.value);
    return { ...(code !== undefined ? { code } : {}), ...(reason ? { reason } : {}) };
  }

  /** The message's own optional `@id`. */
  messageId(node: Node, base: string): { id?: string } {
    const id = this.string(node, '@id', base, false);
    return id === undefined ? {} : { id };
  }

  /**
   * `@context` must name the DSP 2025-1 context. The schema wants an array of strings containing
   * it; a lone string equal to it means the same in JSON-LD and is taken too.
   */
  context(node: Node, required: boolean): void {
    if (!Object.hasOwn(node, '@context')) {
      if (required) this.problem('/@context', `@context is required and must include ${dspContextUrl}`);
      return;
    }
    const value = node['@context'];
    if (value === dspContextUrl) return;
    if (!Array.isArray(value)) return void this.problem('/@context', `@context must be an array of context URLs including ${dspContextUrl}`);
    value.forEach((item, i) => typeof item !== 'string' && this.problem(pointerTo('/@context', i), 'A context must be given by its URL'));
    if (!value.includes(dspContextUrl)) this.problem('/@context', `@context must include ${dspContextUrl}`);
  }

  /** A node's `@type` must be `expected`, if `required` or present. */
  type(node: Node, base: string, expected: string, required = true): boolean {
    const pointer = pointerTo(base, '@type');
    if (!Object.hasOwn(node, '@type')) return required ? (this.problem(pointer, `@type ${expected} is required`), false) : true;
    if (node['@type'] === expected) return true;
    this.problem(pointer, `@type must be ${expected} (got ${JSON.stringify(node['@type'])})`);
    return false;
  }
}
