import jsonld from 'jsonld';
import type { JsonLdDocument, Options } from 'jsonld';
import { createDocumentLoader } from '../metadata/dcat-context-loader.js';
import { dspContextUrl, tdsContextUrl } from '../metadata/dcat-context.js';
import { dspContextDocument, dspOdrlProfileDocument, dspOdrlProfileUrl } from './dsp-context-documents.js';

const loader = createDocumentLoader({ [dspContextUrl]: dspContextDocument, [dspOdrlProfileUrl]: dspOdrlProfileDocument });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a message is already compacted under the DSP context (the fast path: no JSON-LD processing). */
export function inDspContext(json: unknown): boolean {
  if (!isRecord(json)) return false;
  const context = json['@context'];
  return context === dspContextUrl || (Array.isArray(context) && context.includes(dspContextUrl));
}

/**
 * A DSP message written in another JSON-LD form (expanded, full IRIs, another context that maps
 * to the same terms) brought into DSP's compacted form, so the one reader reads it: expanded with
 * jsonld.js, then compacted with the DSP context (and ours, for `tds:` terms). Contexts are served
 * from memory; a context we do not hold is refused, never fetched. Undefined when it cannot be
 * processed (the caller answers with the reader's own problems).
 */
export async function toDspCompacted(json: unknown): Promise<Record<string, unknown> | undefined> {
  if (!isRecord(json) && !Array.isArray(json)) return undefined;
  try {
    const options = { documentLoader: loader } as unknown as Options.Expand;
    const expanded = await jsonld.expand(json as JsonLdDocument, options);
    if (expanded.length !== 1) return undefined;
    const compacted = (await jsonld.compact(expanded, { '@context': [dspContextUrl, tdsContextUrl] } as never, { documentLoader: loader } as unknown as Options.Compact)) as Record<string, unknown>;
    return compacted;
  } catch {
    return undefined;
  }
}
