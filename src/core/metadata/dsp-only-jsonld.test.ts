import jsonld from 'jsonld';
import type { JsonLdDocument, Options } from 'jsonld';
import { describe, expect, it } from 'vitest';
import { writeDspMessage } from '../dsp/dsp-builders.js';
import { dspContextDocument, dspOdrlProfileDocument, dspOdrlProfileUrl } from '../dsp/dsp-context-documents.js';
import { anInitialRequest, ASSET } from '../dsp/fixtures/dsp-fixtures.js';
import { readDspMessage } from '../dsp/dsp-reader.js';
import { sandboxAggregateOffer } from '../policy/index.js';
import { aCatalogEntry } from './catalog-entry-fixtures.js';
import { createDocumentLoader } from './dcat-context-loader.js';
import { dspContextUrl, tdsContextUrl, tdsNamespace } from './dcat-context.js';
import { toDcatJsonLd } from './dcat-jsonld.js';
import { tdsMember, toDspOnlyJsonLd } from './dsp-only-jsonld.js';

/** A DSP processor that knows the DSP context (and its ODRL profile) and nothing of ours. */
const dspOnlyLoader = (asked: string[]) => async (url: string) => {
  asked.push(url);
  if (url === dspContextUrl) return { contextUrl: null, documentUrl: url, document: structuredClone(dspContextDocument) };
  if (url === dspOdrlProfileUrl) return { contextUrl: null, documentUrl: url, document: structuredClone(dspOdrlProfileDocument) };
  throw new Error(`not resolvable: ${url}`);
};
/**
 * Expands in safe mode (a member the contexts do not define fails rather than vanish), with a
 * fresh jsonld.js instance each time, as a peer's own processor: one instance's resolved-context
 * cache, shared across documents, was seen to drop DSP's `callbackAddress` after a Dataset.
 */
const expand = (doc: unknown, documentLoader: unknown) =>
  (jsonld as unknown as () => typeof jsonld)().expand(doc as JsonLdDocument, { documentLoader, safe: true } as unknown as Options.Expand);
const ourLoader = createDocumentLoader({ [dspContextUrl]: dspContextDocument, [dspOdrlProfileUrl]: dspOdrlProfileDocument });

const anEntry = () =>
  aCatalogEntry({ distributions: [{ format: 'HttpData-PULL', accessMode: 'download', accessService: { id: 'urn:tds:henan:p_grid01:connector' } }] });

describe('DSP bodies under the DSP context alone', () => {
  it('writes a DSP Dataset that a processor knowing only the DSP context expands to what our catalog context says', async () => {
    const asked: string[] = [];
    const dsp = toDcatJsonLd(anEntry(), { profile: 'dsp' });
    expect(dsp['@context']).toEqual([dspContextUrl]);
    const theirs = await expand(dsp, dspOnlyLoader(asked));
    expect(new Set(asked)).toEqual(new Set([dspContextUrl, dspOdrlProfileUrl]));
    // What the same body said under [DSP, ours], as it was sent before (ADR 0015).
    const { '@context': _catalog, ...body } = toDcatJsonLd(anEntry());
    expect(theirs).toEqual(await expand({ '@context': [dspContextUrl, tdsContextUrl], ...body }, ourLoader));
    expect(JSON.stringify(theirs)).toContain(`${tdsNamespace}classificationLevel`);
  });

  it('writes a contract request whose policy uses our left operands with the DSP context only, and reads it back', async () => {
    const offer = sandboxAggregateOffer({ uid: 'urn:uuid:offer-sandbox', target: ASSET, purposes: ['credit-risk'], k: 20 });
    const message = anInitialRequest({ offer: { ...offer, type: 'Offer', target: ASSET } });
    const json = writeDspMessage(message);
    expect(json['@context']).toEqual([dspContextUrl]);
    expect(JSON.stringify(json)).not.toMatch(/"tds:/);
    const expanded = JSON.stringify(await expand(json, dspOnlyLoader([])));
    expect(expanded).toContain(tdsNamespace);
    const back = readDspMessage(json, 'ContractRequestMessage');
    expect(back.ok ? back.message : back.problems).toEqual(message);
  });

  it('spells members of ours beside DSP members as full IRIs that expand, and reads them under either spelling', async () => {
    const body = toDspOnlyJsonLd({ '@context': [dspContextUrl, 'https://w3id.org/trustspace/ns/context.jsonld'], '@type': 'ContractAgreementVerificationMessage', providerPid: 'urn:uuid:p', consumerPid: 'urn:uuid:c', 'tds:signature': 'eyJ.sig' });
    expect(body).toEqual({ '@context': [dspContextUrl], '@type': 'ContractAgreementVerificationMessage', providerPid: 'urn:uuid:p', consumerPid: 'urn:uuid:c', [`${tdsNamespace}signature`]: 'eyJ.sig' });
    const [node] = (await expand(body, dspOnlyLoader([]))) as Array<Record<string, unknown>>;
    expect(node![`${tdsNamespace}signature`]).toEqual([{ '@value': 'eyJ.sig' }]);
    expect(tdsMember(body, 'signature')).toBe('eyJ.sig');
    expect(tdsMember({ 'tds:signature': 'old' }, 'signature')).toBe('old');
  });
});
