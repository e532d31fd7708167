import { CatalogFormatError } from './catalog-entry-error.js';
import { canonicalLanguageTag, untaggedLanguage, type LocalizedText } from './catalog-entry.js';
import { namespaces } from './dcat-context.js';
import type { ExpandedNode } from './dcat-jsonld-expand.js';

/**
 * Reading expanded JSON-LD, whether it came nested (jsonld.js `expand`, our fast path) or
 * flattened (jsonld.js `fromRDF` of a Turtle document: every node at the top, linked by @id).
 * A node reader hands out a property's values once and remembers it, so everything the entry
 * mapping did not take ends up in `extra`, in one normal form whatever the source: referenced
 * nodes inlined, blank-node labels dropped, canonical xsd numbers and booleans as JSON values,
 * language tags in canonical case. That normal form is what makes JSON-LD → entry → Turtle →
 * entry keep unknown properties equal.
 */

/** Steps from the entry node to a value: property IRIs and value (or list item) indices. */
export type Path = Array<string | number>;

export class MappingError extends Error {
  /** The entry node's @id, set once the entry node is known, to find it in the source document. */
  rootId: string | undefined;

  constructor(
    readonly rule: string,
    readonly path: Path,
    detail: string,
  ) {
    super(detail);
  }
}

const XSD = namespaces.xsd;

export class Graph {
  private readonly nodes = new Map<string, ExpandedNode>();
  private readonly referenced = new Set<string>();

  constructor(readonly top: ExpandedNode[]) {
    for (const node of top) this.collect(node, true);
  }

  private collect(value: unknown, topLevel = false): void {
    if (Array.isArray(value)) return value.forEach((v) => this.collect(v));
    if (!value || typeof value !== 'object' || '@value' in value) return;
    const node = value as ExpandedNode;
    const id = typeof node['@id'] === 'string' ? node['@id'] : undefined;
    if (id !== undefined && !topLevel) this.referenced.add(id);
    if (id !== undefined && Object.keys(node).length > 1 && !this.nodes.has(id)) this.nodes.set(id, node);
    for (const [key, inner] of Object.entries(node)) if (key !== '@id' && key !== '@type') this.collect(inner);
  }

  /** Top-level nodes no other node points to: the candidates for the described entry. */
  roots(): ExpandedNode[] {
    return this.top.filter((node) => typeof node['@id'] !== 'string' || !this.referenced.has(node['@id']));
  }

  /** The node a value stands for: itself when embedded, the indexed node when a reference. */
  resolve(value: unknown): ExpandedNode | undefined {
    if (!value || typeof value !== 'object' || Array.isArray(value) || '@value' in value || '@list' in value) return undefined;
    const node = value as ExpandedNode;
    const id = node['@id'];
    if (Object.keys(node).length === 1 && typeof id === 'string') return this.nodes.get(id) ?? node;
    return node;
  }

  /** A value in the normal form `extra` keeps (see the file comment). */
  normal(value: unknown, seen: ReadonlySet<string> = new Set()): unknown {
    if (!value || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.normal(v, seen));
    const obj = value as Record<string, unknown>;
    if ('@value' in obj) return normalLiteral(obj);
    if ('@list' in obj) return { '@list': this.normal(obj['@list'], seen) };
    const id = typeof obj['@id'] === 'string' ? obj['@id'] : undefined;
    const node = id !== undefined && !seen.has(id) ? (this.resolve(obj) ?? obj) : obj;
    const inner = id !== undefined ? new Set([...seen, id]) : seen;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(node)) {
      if (key === '@id') {
        if (!(v as string).startsWith('_:') || Object.keys(node).length === 1) out[key] = v;
      } else out[key] = key === '@type' ? v : this.normal(v, inner);
    }
    return out;
  }
}

function normalLiteral(obj: Record<string, unknown>): unknown {
  const v = obj['@value'];
  const type = obj['@type'];
  if (typeof obj['@language'] === 'string') return { ...obj, '@language': canonicalLanguageTag(obj['@language']) };
  if (typeof v !== 'string' || typeof type !== 'string') return obj;
  // Only where JSON-LD maps the JSON value back to the same datatype: a JSON integer is
  // xsd:integer, a JSON non-integral number xsd:double (an integral double or an xsd:decimal
  // would come back as xsd:integer / xsd:double, so those stay typed strings). The value is
  // kept; a non-canonical lexical form (`0.93e0`, `+5`) is not.
  if (type === `${XSD}boolean` && /^(true|false|1|0)$/.test(v)) return { '@value': v === 'true' || v === '1' };
  if (type === `${XSD}integer` && /^[+-]?\d+$/.test(v) && Number.isSafeInteger(Number(v))) return { '@value': Number(v) };
  if (type === `${XSD}double` && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) && Number.isFinite(Number(v)) && !Number.isInteger(Number(v))) return { '@value': Number(v) };
  return obj;
}

/** Hands out a node's properties once; {@link NodeReader.rest} is what nobody took. */
export class NodeReader {
  private readonly taken = new Set<string>();
  private readonly kept: Record<string, unknown[]> = {};
  private readonly typesTaken = new Set<string>();

  constructor(
    readonly graph: Graph,
    readonly node: ExpandedNode,
    readonly path: Path,
  ) {}

  /** The node's IRI; `undefined` for a blank node, whose label means nothing outside its document. */
  get id(): string | undefined {
    const id = this.node['@id'];
    return typeof id === 'string' && !id.startsWith('_:') ? id : undefined;
  }

  types(): string[] {
    const t = this.node['@type'];
    return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
  }

  takeType(type: string): boolean {
    if (!this.types().includes(type)) return false;
    this.typesTaken.add(type);
    return true;
  }

  /** All values of a property (list values unwrapped), marked as taken. */
  take(iri: string): unknown[] {
    this.taken.add(iri);
    const values = this.node[iri];
    return Array.isArray(values) ? values : values === undefined ? [] : [values];
  }

  /** Gives a taken value back, to be kept in `extra`. */
  keep(iri: string, value: unknown): void {
    (this.kept[iri] ??= []).push(value);
  }

  at(iri: string, index: number): Path {
    return [...this.path, iri, index];
  }

  child(value: unknown, path: Path): NodeReader | undefined {
    const node = this.graph.resolve(value);
    return node ? new NodeReader(this.graph, node, path) : undefined;
  }

  /** What nobody took, in normal form; tds:extra's JSON members merged in; `undefined` when empty. */
  rest(jsonExtraIri: string): Record<string, unknown> | undefined {
    const out: Record<string, unknown> = {};
    for (const [key, values] of Object.entries(this.node)) {
      if (key.startsWith('@') || this.taken.has(key)) continue;
      if (key === jsonExtraIri) {
        const json = (values as Array<Record<string, unknown>>).find((v) => v['@type'] === '@json' && v['@value'] && typeof v['@value'] === 'object' && !Array.isArray(v['@value']));
        if (json && (values as unknown[]).length === 1) {
          Object.assign(out, json['@value']);
          continue;
        }
      }
      out[key] = this.graph.normal(values);
    }
    for (const [key, values] of Object.entries(this.kept)) out[key] = [...((out[key] as unknown[]) ?? []), ...(this.graph.normal(values) as unknown[])];
    const types = this.types().filter((t) => !this.typesTaken.has(t));
    if (types.length) out['@type'] = types;
    return Object.keys(out).length ? out : undefined;
  }
}

/** The lexical form of a literal, or a {@link MappingError} naming what was expected. */
export function literalOf(value: unknown, path: Path, rule = 'jsonld.literal'): { value: string; language?: string; type?: string } {
  const obj = value as Record<string, unknown> | null;
  if (obj && typeof obj === 'object' && typeof obj['@value'] === 'string') {
    const language = typeof obj['@language'] === 'string' ? canonicalLanguageTag(obj['@language']) : undefined;
    const type = typeof obj['@type'] === 'string' ? obj['@type'] : undefined;
    return { value: obj['@value'], ...(language ? { language } : {}), ...(type ? { type } : {}) };
  }
  throw new MappingError(rule, path, 'expected a text literal');
}

/** An IRI reference's IRI, or a literal's text (for properties DCAT types as IRIs but others write as text). */
export function iriOrText(value: unknown, path: Path, rule = 'jsonld.iri'): string {
  const obj = value as Record<string, unknown> | null;
  if (obj && typeof obj === 'object' && typeof obj['@id'] === 'string') return obj['@id'];
  if (obj && typeof obj === 'object' && typeof obj['@value'] === 'string') return obj['@value'];
  throw new MappingError(rule, path, 'expected an IRI or a text literal');
}

export function numberOf(value: unknown, path: Path, rule: string): number {
  const v = (value as Record<string, unknown> | null)?.['@value'];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n)) throw new MappingError(rule, path, 'expected a number');
  return n;
}

export function booleanOf(value: unknown, path: Path, rule: string): boolean {
  const v = (value as Record<string, unknown> | null)?.['@value'];
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new MappingError(rule, path, 'expected true or false');
}

export function jsonOf(value: unknown, path: Path, rule: string): unknown {
  const obj = value as Record<string, unknown> | null;
  if (obj && typeof obj === 'object' && obj['@type'] === '@json') return obj['@value'];
  throw new MappingError(rule, path, 'expected a JSON literal');
}

/** A list value's items (`{ "@list": [...] }`), or the values themselves when not a list. */
export function listItems(values: unknown[]): unknown[] {
  return values.flatMap((v) => (v && typeof v === 'object' && '@list' in v ? ((v as { '@list': unknown[] })['@list'] ?? []) : [v]));
}

/**
 * A mapping failure as a format error: at `pointer` when there is a source document to point
 * into, else (Turtle) with the property path, prefixed, in the detail.
 */
export function asFormatError(error: MappingError, pointer: string | undefined): CatalogFormatError {
  if (pointer !== undefined) return new CatalogFormatError([{ rule: error.rule, pointer, detail: error.message }]);
  const path = error.path.map((step) => (typeof step === 'number' ? `[${step}]` : ` ${prefixed(step)}`)).join('').trim();
  return new CatalogFormatError([{ rule: error.rule, detail: `${error.message}${path ? ` (at ${path})` : ''}` }]);
}

const prefixed = (value: string): string => {
  for (const [prefix, ns] of Object.entries(namespaces)) if (value.startsWith(ns)) return `${prefix}:${value.slice(ns.length)}`;
  return value;
};

/** Language-tagged literals to text; a second value in the same language is kept in `extra`. */
export function text(r: NodeReader, prop: string, languages?: readonly string[]): LocalizedText {
  const out: LocalizedText = {};
  r.take(prop).forEach((v, i) => {
    const { value, language = untaggedLanguage } = literalOf(v, r.at(prop, i));
    if (out[language] !== undefined || (languages && !languages.includes(language))) r.keep(prop, v);
    else out[language] = value;
  });
  return out;
}

