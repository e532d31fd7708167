import { CatalogFormatError, refuse } from './catalog-entry-error.js';
import type { CatalogEntry } from './catalog-entry.js';
import { expandDocument, type ExpandOptions } from './dcat-jsonld-expand.js';
import { MappingError, asFormatError } from './dcat-jsonld-graph.js';
import { entryFromExpanded } from './dcat-jsonld-import.js';
import { sourcePointer } from './dcat-jsonld-pointer.js';

/**
 * DCAT 3 / DCAT-AP 3 JSON-LD for catalog entries: the entry point of this module's JSON-LD
 * support. Writing is toDcatJsonLd (dcat-jsonld-export.ts); reading takes our own documents on
 * the fast path and anything else through jsonld.js with the local loader
 * (dcat-jsonld-expand.ts), then maps the expanded graph (dcat-jsonld-import.ts).
 */
export { toDcatJsonLd, type DcatJsonLdOptions, type JsonLdObject } from './dcat-jsonld-export.js';
export type { ExpandOptions as DcatImportOptions } from './dcat-jsonld-expand.js';

/**
 * Reads one catalog entry from a JSON-LD document (text or parsed). Success: the entry, with
 * everything unknown in `extra`. Failure: a {@link CatalogFormatError} whose problem names the
 * rule (`jsonld.syntax`, `jsonld.context-refused`, `jsonld.invalid`, `jsonld.no-entry`,
 * `jsonld.literal`, …) and a JSON Pointer into the document. The entry is not validated for
 * publication here: that is validateCatalogEntry's job.
 */
export async function fromDcatJsonLd(input: unknown, options: ExpandOptions = {}): Promise<CatalogEntry> {
  const doc = typeof input === 'string' ? parseJson(input) : input;
  const { expanded } = await expandDocument(doc, options);
  return entryFromGraph(expanded, doc);
}

/** Whether a document would be read on the fast path (no jsonld.js): our own catalog context. */
export async function readsOnFastPath(doc: unknown): Promise<boolean> {
  return (await expandDocument(doc)).fast;
}

/** Maps an expanded graph, turning a mapping failure into a pointer into `source` (when there is one). */
export function entryFromGraph(expanded: Array<Record<string, unknown>>, source?: unknown): CatalogEntry {
  try {
    return entryFromExpanded(expanded).entry;
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    throw asFormatError(error, source === undefined ? undefined : sourcePointer(source, error.rootId, error.path));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return refuse({ rule: 'jsonld.syntax', pointer: '', detail: `not JSON: ${(error as Error).message}` });
  }
}

export { CatalogFormatError };
