import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import { refuse } from './catalog-entry-error.js';
import type { CatalogEntry } from './catalog-entry.js';
import { entryFromGraph } from './dcat-jsonld.js';

/**
 * Reads a catalog entry from RDF Turtle: n3 parses it (a syntax error is refused with its line),
 * jsonld.js turns the quads into expanded JSON-LD (flattened: lists rebuilt, rdf:JSON literals
 * parsed) and the JSON-LD mapping does the rest, so Turtle and JSON-LD read alike. Turtle has no
 * JSON Pointer: a value of the wrong kind is refused naming its property path instead.
 */
export interface TurtleImportOptions {
  /** Base IRI for relative IRIs in the document; without it they stay relative. */
  baseIri?: string;
}

export async function fromTurtle(text: string, options: TurtleImportOptions = {}): Promise<CatalogEntry> {
  let quads: Quad[];
  try {
    quads = new Parser({ format: 'text/turtle', ...(options.baseIri ? { baseIRI: options.baseIri } : {}) }).parse(text);
  } catch (error) {
    const line = (error as { context?: { line?: number } }).context?.line;
    return refuse({ rule: 'turtle.syntax', ...(line !== undefined ? { line } : {}), detail: (error as Error).message });
  }
  if (quads.some((q) => q.graph.termType !== 'DefaultGraph')) refuse({ rule: 'turtle.named-graph', detail: 'a catalog entry is one default graph' });
  // n3's terms carry termType, value, language and datatype as jsonld.js's RDF/JS reader expects.
  const expanded = (await jsonld.fromRDF(quads as never)) as Array<Record<string, unknown>>;
  return entryFromGraph(expanded);
}
