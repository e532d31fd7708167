import jsonld from 'jsonld';
import type { JsonLdDocument, Options } from 'jsonld';
import { DataFactory, Writer, type BlankNode, type Literal, type NamedNode, type Quad, type Quad_Object } from 'n3';
import { CatalogFormatError } from './catalog-entry-error.js';
import { canonicalLanguageTag, type CatalogEntry } from './catalog-entry.js';
import { namespaces } from './dcat-context.js';
import { createDocumentLoader } from './dcat-context-loader.js';
import { expandDocument } from './dcat-jsonld-expand.js';
import { toDcatJsonLd } from './dcat-jsonld-export.js';

/**
 * Writes a catalog entry as RDF Turtle. The RDF is the JSON-LD mapping's (entry → our compacted
 * JSON-LD → expanded → quads via jsonld.toRDF), so the two formats cannot disagree; n3's Writer
 * then prints it with our prefixes, nesting each blank node used once as `[ … ]` and each
 * well-formed RDF list as `( … )`, the way a person would write it.
 */

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const { namedNode, blankNode, literal, quad } = DataFactory;

interface JsonLdTerm {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  value: string;
  datatype?: { value: string };
  language?: string;
}
interface JsonLdQuad {
  subject: JsonLdTerm;
  predicate: JsonLdTerm;
  object: JsonLdTerm;
}

export const turtlePrefixes: Readonly<Record<string, string>> = { ...namespaces, rdf: RDF };

export async function toTurtle(entry: CatalogEntry): Promise<string> {
  const { expanded } = await expandDocument(toDcatJsonLd(entry));
  let dataset: JsonLdQuad[];
  try {
    // Safe mode: a relative IRI (possible only inside `extra`) cannot be written in RDF; refuse rather than drop it.
    // Expanded input needs no context; the loader is there so that nothing could ever be fetched.
    const options = { safe: true, documentLoader: createDocumentLoader() } as unknown as Options.ToRdf;
    dataset = (await jsonld.toRDF(expanded as JsonLdDocument, options)) as unknown as JsonLdQuad[];
  } catch (error) {
    const detail = (error as { details?: { event?: { message?: string; details?: unknown } } }).details?.event;
    throw new CatalogFormatError([{ rule: 'turtle.unrepresentable', detail: `${detail?.message ?? (error as Error).message} ${JSON.stringify(detail?.details ?? '')}` }]);
  }
  return write(dataset.map(toN3), entry.id);
}

function toTerm(t: JsonLdTerm): NamedNode | BlankNode | Literal {
  if (t.termType === 'BlankNode') return blankNode(t.value.replace(/^_:/, ''));
  // jsonld.js lower-cases language tags; print them in BCP 47 case (`zh-CN`), as people write them.
  if (t.termType === 'Literal') return literal(t.value, t.language ? canonicalLanguageTag(t.language) : namedNode(t.datatype?.value ?? `${namespaces.xsd}string`));
  return namedNode(t.value);
}

const toN3 = (q: JsonLdQuad): Quad => quad(toTerm(q.subject) as NamedNode | BlankNode, toTerm(q.predicate) as NamedNode, toTerm(q.object));

function write(quads: Quad[], rootId: string): Promise<string> {
  const bySubject = new Map<string, Quad[]>();
  const uses = new Map<string, number>();
  for (const q of quads) {
    const key = q.subject.termType === 'BlankNode' ? `_:${q.subject.value}` : q.subject.value;
    bySubject.set(key, [...(bySubject.get(key) ?? []), q]);
    if (q.object.termType === 'BlankNode') uses.set(q.object.value, (uses.get(q.object.value) ?? 0) + 1);
  }
  const writer = new Writer({ prefixes: turtlePrefixes });
  const inlined = new Set<string>();
  const nestable = (id: string) => uses.get(id) === 1 && bySubject.has(`_:${id}`) && !inlined.has(id);

  const object = (o: Quad_Object): Quad_Object => {
    if (o.termType !== 'BlankNode' || !nestable(o.value)) return o;
    inlined.add(o.value);
    const items = listItems(o.value);
    // @types/n3 types list() as returning the array; n3 returns one serialised term.
    if (items) return writer.list(items.map((item) => object(item))) as unknown as Quad_Object;
    const own = bySubject.get(`_:${o.value}`) ?? [];
    return writer.blank(own.map((q) => ({ predicate: q.predicate, object: object(q.object) })));
  };

  // A list node is exactly one rdf:first and one rdf:rest, ending in rdf:nil, each link used once.
  const listItems = (head: string): Quad_Object[] | undefined => {
    const items: Quad_Object[] = [];
    const links: string[] = [];
    for (let id: string | undefined = head; id !== undefined; ) {
      const own: Quad[] = bySubject.get(`_:${id}`) ?? [];
      const first = own.find((q) => q.predicate.value === `${RDF}first`);
      const rest = own.find((q) => q.predicate.value === `${RDF}rest`);
      if (own.length !== 2 || !first || !rest || (links.length > 0 && uses.get(id) !== 1)) return undefined;
      items.push(first.object);
      links.push(id);
      if (rest.object.termType === 'NamedNode' && rest.object.value === `${RDF}nil`) break;
      if (rest.object.termType !== 'BlankNode') return undefined;
      id = rest.object.value;
    }
    for (const link of links.slice(1)) inlined.add(link);
    return items;
  };

  // The entry first, then any other named node (a distribution's access service, say).
  const subjects = [...bySubject.keys()].sort((a, b) => Number(b === rootId) - Number(a === rootId));
  for (const subject of subjects) {
    if (subject.startsWith('_:') && (inlined.has(subject.slice(2)) || uses.get(subject.slice(2)) === 1)) continue;
    for (const q of bySubject.get(subject) ?? []) writer.addQuad(q.subject, q.predicate, object(q.object));
  }
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}
