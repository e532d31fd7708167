import jsonld from 'jsonld';
import type { JsonLdDocument, Options } from 'jsonld';
import { CatalogFormatError, refuse, toPointer } from './catalog-entry-error.js';
import { catalogClassTerms, catalogContext, catalogContextUrl, catalogPropertyTerms, namespaces, type TermDefinition } from './dcat-context.js';
import { createDocumentLoader, refusedContextUrl } from './dcat-context-loader.js';

/**
 * Turns a JSON-LD document into expanded form, the one shape the entry mapping reads.
 * Documents in our own catalog context take the fast path: a walk that knows that one context
 * (the term table in dcat-context.ts) and gives up, returning `undefined`, on anything it was
 * not written for. Everything else — other contexts, prefixed terms, @graph, expanded input —
 * goes through jsonld.js with the local document loader, in safe mode, so a term that would be
 * silently dropped is refused instead.
 */

export type ExpandedNode = Record<string, unknown>;

export interface ExpandOptions {
  /** More context documents the loader may serve (URL → document), e.g. the DSP context. */
  contexts?: Readonly<Record<string, unknown>>;
  /** Skip the fast path (tests use it to check both paths agree). */
  forceExpand?: boolean;
}

export async function expandDocument(doc: unknown, options: ExpandOptions = {}): Promise<{ expanded: ExpandedNode[]; fast: boolean }> {
  if (!doc || typeof doc !== 'object') refuse({ rule: 'jsonld.not-object', pointer: '', detail: 'a JSON-LD document is a JSON object or array' });
  if (!options.forceExpand) {
    const fast = fastExpand(doc);
    if (fast) return { expanded: fast, fast: true };
  }
  try {
    // `safe` is jsonld.js 9's option; @types/jsonld predates it.
    const expandOptions = { documentLoader: createDocumentLoader(options.contexts), safe: true } as unknown as Options.Expand;
    const expanded = await jsonld.expand(doc as JsonLdDocument, expandOptions);
    return { expanded: expanded as ExpandedNode[], fast: false };
  } catch (error) {
    throw asFormatError(error, doc);
  }
}

/** Maps a jsonld.js failure to a rule id and a pointer into the caller's document. */
function asFormatError(error: unknown, doc: unknown): CatalogFormatError {
  const url = refusedContextUrl(error);
  if (url !== undefined) {
    return new CatalogFormatError([{ rule: 'jsonld.context-refused', pointer: findPointer(doc, (v) => v === url, true) ?? '/@context', detail: `the context ${url} is not one of the local contexts; remote contexts are never fetched` }]);
  }
  const e = error as { name?: string; message?: string; details?: { code?: string; event?: { code?: string; message?: string; details?: Record<string, unknown> } } };
  const event = e.details?.event;
  if (event) {
    const d = event.details ?? {};
    const key = typeof d.property === 'string' ? d.property : undefined;
    const value = [d.id, d.type, d.language].find((v) => typeof v === 'string');
    const pointer = key !== undefined ? findPointer(doc, (_, k) => k === key) : value !== undefined ? findPointer(doc, (v) => v === value) : undefined;
    // A term the context does not define would be dropped silently: the one failure worth its own rule.
    const rule = event.code === 'invalid property' ? 'jsonld.undefined-term' : 'jsonld.invalid';
    return new CatalogFormatError([{ rule, pointer: pointer ?? '', detail: `${event.message ?? event.code ?? 'invalid JSON-LD'}${key ? ` (${key})` : ''}` }]);
  }
  return new CatalogFormatError([{ rule: 'jsonld.invalid', pointer: '', detail: `${e.details?.code ?? e.message ?? 'invalid JSON-LD'}` }]);
}

/** The pointer to the first member (depth first) whose value and key satisfy `match`. */
function findPointer(doc: unknown, match: (value: unknown, key: string | number) => boolean, contextsOnly = false): string | undefined {
  const walk = (value: unknown, path: Array<string | number>): string | undefined => {
    if (!value || typeof value !== 'object') return undefined;
    for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      const here = [...path, k];
      const inContext = !contextsOnly || here.includes('@context');
      if (inContext && match(v, k)) return toPointer(here);
      const found = walk(v, here);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(doc, []);
}

const PREFIX = /^([A-Za-z][A-Za-z0-9_-]*):(.*)$/;

/** A compact IRI with one of our prefixes, an absolute IRI or a blank node label; `undefined` for anything relative. */
function expandIri(value: string): string | undefined {
  if (value.startsWith('_:')) return value;
  const m = PREFIX.exec(value);
  if (!m?.[1]) return undefined;
  if (m[2]?.startsWith('//')) return value;
  return Object.hasOwn(namespaces, m[1]) ? (namespaces as Record<string, string>)[m[1]] + (m[2] ?? '') : value;
}

const expandTerm = (curie: string) => expandIri(curie) as string;

/** Our own compacted documents only: `undefined` means "not sure, ask jsonld.js". */
function fastExpand(doc: object): ExpandedNode[] | undefined {
  if (Array.isArray(doc)) return undefined;
  const context = (doc as Record<string, unknown>)['@context'];
  if (context !== catalogContextUrl && !sameJson(context, catalogContext['@context'])) return undefined;
  const node = expandNode(doc as Record<string, unknown>, true);
  return node ? [node] : undefined;
}

function expandNode(obj: Record<string, unknown>, top = false): ExpandedNode | undefined {
  const out: ExpandedNode = {};
  for (const [key, value] of Object.entries(obj)) {
    if (key === '@context') {
      if (!top) return undefined;
    } else if (key === '@id') {
      const id = typeof value === 'string' ? expandIri(value) : undefined;
      if (id === undefined) return undefined;
      out['@id'] = id;
    } else if (key === '@type') {
      const types = ([] as unknown[]).concat(value).map((t) => (typeof t !== 'string' ? undefined : Object.hasOwn(catalogClassTerms, t) ? expandTerm(catalogClassTerms[t] as string) : t.includes(':') ? expandIri(t) : undefined));
      if (types.some((t) => t === undefined)) return undefined;
      out['@type'] = types;
    } else if (key.startsWith('@')) {
      return undefined;
    } else if (Object.hasOwn(catalogPropertyTerms, key)) {
      const def = catalogPropertyTerms[key] as TermDefinition;
      const values = expandValues(value, def);
      if (!values) return undefined;
      if (values.length) append(out, expandTerm(def.id), values);
    } else if (PREFIX.test(key) && !key.startsWith('_:') && expandIri(key) === key && Array.isArray(value) && value.every(isExpanded)) {
      // An absolute-IRI key holding expanded values: how our writer puts back unknown properties.
      append(out, key, value);
    } else return undefined;
  }
  return out;
}

function expandValues(value: unknown, def: TermDefinition): unknown[] | undefined {
  if (def.container === '@list') {
    if (!Array.isArray(value)) return undefined;
    const items = value.map((v) => expandValue(v, def));
    return items.some((v) => v === undefined) ? undefined : [{ '@list': items }];
  }
  if (def.type === '@json') return [{ '@value': value, '@type': '@json' }];
  const items = ([] as unknown[]).concat(value).filter((v) => v !== null).map((v) => expandValue(v, def));
  return items.some((v) => v === undefined) ? undefined : items;
}

function expandValue(value: unknown, def: TermDefinition): unknown {
  if (typeof value === 'string') {
    if (def.type !== '@id') return { '@value': value };
    const id = expandIri(value);
    return id === undefined ? undefined : { '@id': id };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return { '@value': value };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  if ('@value' in obj) {
    const { '@value': v, '@language': lang, '@type': type, ...rest } = obj;
    if (Object.keys(rest).length || (lang !== undefined && (typeof lang !== 'string' || type !== undefined || typeof v !== 'string'))) return undefined;
    if (v === null || typeof v === 'object') return undefined;
    if (type === undefined) return lang === undefined ? { '@value': v } : { '@value': v, '@language': lang };
    const t = typeof type === 'string' ? expandIri(type) : undefined;
    return t === undefined ? undefined : { '@value': v, '@type': t };
  }
  return Object.keys(obj).some((k) => k === '@list' || k === '@set' || k === '@graph') ? undefined : expandNode(obj);
}

/** Already in expanded form: value objects, node objects with absolute-IRI keys, lists. */
function isExpanded(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(([k, v]) => {
    if (k === '@value') return true;
    if (k === '@id' || k === '@language') return typeof v === 'string';
    if (k === '@type') return typeof v === 'string' || (Array.isArray(v) && v.every((t) => typeof t === 'string' && expandIri(t) === t));
    if (k === '@list') return Array.isArray(v) && v.every(isExpanded);
    return PREFIX.test(k) && expandIri(k) === k && Array.isArray(v) && v.every(isExpanded);
  });
}

function append(out: ExpandedNode, key: string, values: unknown[]) {
  out[key] = [...((out[key] as unknown[] | undefined) ?? []), ...values];
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
