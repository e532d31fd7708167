import { dspContextDocument, dspOdrlProfileDocument } from '../dsp/dsp-context-documents.js';
import { catalogClassTerms, catalogPropertyTerms, dspContextUrl, namespaces, tdsNamespace, type Prefix, type TermDefinition } from './dcat-context.js';

/**
 * A DSP body for a peer that knows only the Dataspace Protocol's context. Our documents are
 * written compacted under `[DSP context, extension context]`; a DSP processor cannot resolve the
 * second (a peer must never need our context to read a DSP message). This rewrites such a body
 * so that `@context` is the DSP context alone and every member it does not define is spelled so
 * the DSP context alone expands it to the same IRI and value:
 *
 * - a term of ours (`classification`, `tds:purpose`) → its full IRI
 *   (`https://w3id.org/trustspace/ns#classification`), DCAT and DCMI terms → `dcat:` / `dct:`
 *   compact IRIs (the DSP context defines those prefixes), other vocabularies → full IRIs;
 * - its value as the term definition coerced it: `@id` → `{ "@id" }`, `@json` →
 *   `{ "@type": "@json", "@value" }`, `@list` → `{ "@list" }`;
 * - a `tds:` value where DSP expects a vocabulary term (an ODRL left operand) → its full IRI.
 *
 * DSP's own members are left exactly as they are, so the body still validates against the
 * official schemas. Readers accept both spellings.
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every term the DSP context and its ODRL profile define, at any depth (type-scoped included). */
function termsOf(context: unknown, into: Set<string>): Set<string> {
  if (!isRecord(context)) return into;
  for (const [key, value] of Object.entries(context)) {
    if (key.startsWith('@')) continue;
    into.add(key);
    if (isRecord(value) && isRecord(value['@context'])) termsOf(value['@context'], into);
  }
  return into;
}
const dspTerms = termsOf(dspOdrlProfileDocument['@context'], termsOf(dspContextDocument['@context'], new Set()));
/** Prefixes the DSP context defines, so `dct:title` needs nothing else. */
const dspPrefixes = new Set(['xsd', 'dct', 'dcat', 'odrl']);

/** How the DSP context alone spells a compact IRI of ours. */
function spelled(curie: string): string {
  const colon = curie.indexOf(':');
  const prefix = curie.slice(0, colon);
  if (dspPrefixes.has(prefix)) return curie;
  const ns = namespaces[prefix as Prefix];
  return ns ? ns + curie.slice(colon + 1) : curie;
}

const tdsValue = (v: unknown): unknown => (typeof v === 'string' && v.startsWith('tds:') ? tdsNamespace + v.slice(4) : v);

function typeValue(value: unknown, ours: boolean): unknown {
  const one = (t: unknown) => {
    if (typeof t !== 'string') return t;
    if (t.startsWith('tds:')) return tdsNamespace + t.slice(4);
    const cls = catalogClassTerms[t];
    return cls && (ours || !dspTerms.has(t)) ? spelled(cls) : t;
  };
  return Array.isArray(value) ? value.map(one) : one(value);
}

/** A value under one of our terms, as its definition coerces it. */
function coerced(value: unknown, def: TermDefinition | undefined): unknown {
  if (def?.type === '@json') return { '@type': '@json', '@value': value };
  const item = (v: unknown): unknown => {
    if (def?.type === '@id' && typeof v === 'string') return { '@id': spelledIri(v) };
    return ourNode(v);
  };
  const items = Array.isArray(value) ? value.map(item) : item(value);
  if (def?.container === '@list') return { '@list': Array.isArray(items) ? items : [items] };
  return items;
}

/** A compact IRI value of an `@id`-typed term (`tds:x`, `dct:y`) made absolute where needed. */
const spelledIri = (v: string): string => (/^[a-z]+:[^/]/.test(v) && v.split(':', 1)[0]! in namespaces ? spelled(v) : v);

/** A node inside our metadata: every key is one of ours. */
function ourNode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ourNode);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '@type') out[key] = typeValue(v, true);
    else if (key.startsWith('@')) out[key] = v;
    else if (key.startsWith('tds:')) out[tdsNamespace + key.slice(4)] = ourNode(v);
    else {
      const def = catalogPropertyTerms[key];
      out[def ? spelled(def.id) : key] = coerced(v, def);
    }
  }
  return out;
}

/** A node in DSP's part of the body: DSP's members stay, ours are spelled out. */
function dspNode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dspNode);
  if (!isRecord(value)) return tdsValue(value);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '@context') out[key] = [dspContextUrl];
    else if (key === '@type') out[key] = typeValue(v, false);
    else if (key.startsWith('@')) out[key] = v;
    else if (key.startsWith('tds:')) out[tdsNamespace + key.slice(4)] = ourNode(v);
    else if (dspTerms.has(key)) out[key] = dspNode(v);
    else {
      const def = catalogPropertyTerms[key];
      out[def ? spelled(def.id) : key] = coerced(v, def);
    }
  }
  return out;
}

/** The body with the DSP context alone as its `@context`, meaning the same. */
export function toDspOnlyJsonLd<T extends Record<string, unknown>>(body: T): T {
  return dspNode(body) as T;
}

/** A member of ours on a received DSP body, under either spelling (`tds:purpose` or its full IRI). */
export function tdsMember(body: Record<string, unknown> | undefined, name: string): unknown {
  return body?.[`tds:${name}`] ?? body?.[tdsNamespace + name];
}
