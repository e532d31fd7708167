import { toPointer } from './catalog-entry-error.js';
import { catalogPropertyTerms, namespaces, type TermDefinition } from './dcat-context.js';
import type { Path } from './dcat-jsonld-graph.js';

/**
 * The mapping reports a wrong value by its path in expanded form (property IRIs and indices);
 * the caller wants a JSON Pointer into the document it sent. This walks that document along the
 * path, recognising a key by what it expands to: one of our terms (which DSP spells the same),
 * an absolute IRI, a compact IRI of a known or inline-declared prefix, or an inline-declared
 * term. Where the walk cannot follow (a node reached through an @id reference, a remote
 * context's own terms), the pointer stops at the deepest member it could find.
 */
export function sourcePointer(doc: unknown, rootId: string | undefined, path: Path): string {
  const mappings = inlineMappings(doc);
  const expandKey = (key: string): string | undefined => {
    const own = Object.hasOwn(catalogPropertyTerms, key) ? (catalogPropertyTerms[key] as TermDefinition).id : undefined;
    const target = own ?? mappings.get(key) ?? key;
    const m = /^([A-Za-z][\w-]*):(.*)$/.exec(target);
    if (!m?.[1]) return undefined;
    if (m[2]?.startsWith('//')) return target;
    const ns = Object.hasOwn(namespaces, m[1]) ? (namespaces as Record<string, string>)[m[1]] : mappings.get(m[1]);
    return ns !== undefined ? ns + (m[2] ?? '') : target;
  };

  const segments: Array<string | number> = [];
  let current: unknown = doc;
  const graph = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc['@graph']) ? doc['@graph'] : undefined;
  if (graph) {
    const index = graph.findIndex((node) => isObject(node) && (rootId === undefined || node['@id'] === rootId || expandKey(String(node['@id'])) === rootId));
    if (index < 0) return '';
    if (!Array.isArray(doc)) segments.push('@graph');
    segments.push(index);
    current = graph[index];
  }
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (!isObject(current) || typeof step !== 'string') break;
    if (step.startsWith('@')) {
      segments.push(step);
      break;
    }
    const key = Object.keys(current).find((k) => expandKey(k) === step);
    if (key === undefined) break;
    segments.push(key);
    let value = current[key];
    if (isObject(value) && Array.isArray(value['@list'])) {
      segments.push('@list');
      value = value['@list'];
    }
    const index = typeof path[i + 1] === 'number' ? (path[i + 1] as number) : 0;
    i++;
    if (Array.isArray(value)) {
      segments.push(index);
      current = value[index];
    } else current = value;
  }
  return toPointer(segments);
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** Term and prefix definitions of the document's inline (top-level) contexts. */
function inlineMappings(doc: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const contexts = isObject(doc) ? ([] as unknown[]).concat(doc['@context'] ?? []) : [];
  for (const context of contexts) {
    if (!isObject(context)) continue;
    for (const [term, def] of Object.entries(context)) {
      if (typeof def === 'string') out.set(term, def);
      else if (isObject(def) && typeof def['@id'] === 'string') out.set(term, def['@id']);
    }
  }
  return out;
}
