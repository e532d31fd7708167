import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { catalogContext, catalogContextUrl, catalogPropertyTerms, structuralPropertyTerms, tdsContext, tdsContextUrl } from './dcat-context.js';
import { createDocumentLoader, RemoteContextRefusedError } from './dcat-context-loader.js';

describe('DCAT contexts', () => {
  it('serves only the fixed contexts, each load a fresh copy', async () => {
    const load = createDocumentLoader({ 'https://example.org/extra.jsonld': { '@context': {} } });
    expect((await load(tdsContextUrl)).document).toEqual(tdsContext);
    expect((await load(catalogContextUrl)).document).toEqual(catalogContext);
    expect((await load(catalogContextUrl)).document).not.toBe((await load(catalogContextUrl)).document);
    await expect(load('https://example.org/extra.jsonld')).resolves.toMatchObject({ documentUrl: 'https://example.org/extra.jsonld' });
    await expect(load('https://w3id.org/dspace/2025/1/context.jsonld')).rejects.toBeInstanceOf(RemoteContextRefusedError);
  });

  it('keeps the DSP-protected structural terms out of the extension context', () => {
    for (const term of [...Object.keys(structuralPropertyTerms), 'Dataset', 'DataService', 'Distribution']) {
      expect(Object.keys(tdsContext['@context'])).not.toContain(term);
      expect(Object.keys(catalogContext['@context'])).toContain(term);
    }
  });

  it('is a valid JSON-LD 1.1 context whose every term expands to its IRI', async () => {
    const doc = { '@context': catalogContextUrl, ...Object.fromEntries(Object.keys(catalogPropertyTerms).map((t) => [t, { '@id': 'urn:x' }])) };
    const [node] = (await jsonld.expand(doc, { documentLoader: createDocumentLoader() as never })) as Array<Record<string, unknown>>;
    expect(Object.keys(node ?? {})).toHaveLength(Object.keys(catalogPropertyTerms).length);
  });
});
