import { describe, expect, it, vi } from 'vitest';
import { CatalogFormatError } from './catalog-entry-error.js';
import { aCatalogEntry, generatedEntries } from './catalog-entry-fixtures.js';
import { catalogContext, catalogContextUrl } from './dcat-context.js';
import { expandDocument } from './dcat-jsonld-expand.js';
import { fromDcatJsonLd, readsOnFastPath, toDcatJsonLd } from './dcat-jsonld.js';
import { externalDcatAp, externalDcatApEntry } from './dcat-jsonld-fixtures.js';

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CatalogFormatError);
  return (error as CatalogFormatError).problems[0];
}

const lowerLanguages = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === '@language' && typeof v === 'string' ? v.toLowerCase() : v));

describe('DCAT JSON-LD round trip', () => {
  it('writes the demo entry as DCAT with language-tagged titles and the DSP shape', () => {
    const doc = toDcatJsonLd(aCatalogEntry({ distributions: [{ format: 'HttpData-PULL', accessService: { id: 'urn:tds:henan:p_grid01:connector', endpointUrl: 'https://grid.example.cn/dsp' } }] }));
    expect(doc['@context']).toBe(catalogContextUrl);
    expect(doc['@type']).toBe('Dataset');
    expect(doc.title).toEqual([
      { '@value': '企业用电数据', '@language': 'zh-CN' },
      { '@value': 'Enterprise electricity consumption', '@language': 'en' },
    ]);
    expect(doc.distribution).toEqual([
      { '@type': 'Distribution', format: 'HttpData-PULL', accessService: { '@id': 'urn:tds:henan:p_grid01:connector', '@type': 'DataService', endpointURL: 'https://grid.example.cn/dsp' } },
    ]);
    expect(toDcatJsonLd(aCatalogEntry({ kind: 'product' }))['@type']).toEqual(['Dataset', 'DataProduct']);
  });

  it('reads back every generated entry unchanged, on the fast path and through jsonld.js alike', async () => {
    for (const entry of generatedEntries(60, 7)) {
      const doc = toDcatJsonLd(entry);
      expect(await readsOnFastPath(doc)).toBe(true);
      expect(await fromDcatJsonLd(doc)).toEqual(entry);
      expect(await fromDcatJsonLd(JSON.stringify(doc), { forceExpand: true })).toEqual(entry);
      expect(await fromDcatJsonLd(toDcatJsonLd(entry, { inlineContext: true }))).toEqual(entry);
    }
  });

  it('expands our documents exactly as jsonld.js does (the fast path knows the context)', async () => {
    for (const entry of generatedEntries(30, 11)) {
      const doc = toDcatJsonLd(entry);
      const fast = await expandDocument(doc);
      const slow = await expandDocument(doc, { forceExpand: true });
      expect(fast.fast).toBe(true);
      expect(lowerLanguages(fast.expanded)).toEqual(slow.expanded);
    }
  });

  it('leaves the fast path for anything it was not written for', async () => {
    const doc = toDcatJsonLd(aCatalogEntry());
    expect(await readsOnFastPath({ ...doc, 'dct:creator': 'someone' })).toBe(false);
    expect(await readsOnFastPath({ ...doc, '@context': { ...catalogContext['@context'], extraTerm: 'http://example.org/x' } })).toBe(false);
  });

  it('carries dictionary fields’ desensitization rules as JSON literals and refuses a malformed one', async () => {
    const dictionary = aCatalogEntry().dictionary!;
    const fields = dictionary.fields.map((f) => (f.name === 'contact_phone' ? { ...f, desensitization: { method: 'hash', algorithm: 'hmac-sm3' } as const } : f));
    const entry = aCatalogEntry({ dictionary: { ...dictionary, fields } });
    const doc = toDcatJsonLd(entry);
    expect(await fromDcatJsonLd(doc)).toEqual(entry);
    expect(await fromDcatJsonLd(JSON.stringify(doc), { forceExpand: true })).toEqual(entry);
    const broken = JSON.parse(JSON.stringify(doc).replace('"hmac-sm3"', '"md5"'));
    expect(await refusal(fromDcatJsonLd(broken))).toMatchObject({ rule: 'jsonld.desensitization' });
  });

  it('keeps unknown properties, types and sheet columns through a round trip', async () => {
    const extra = {
      'http://example.org/ns#rating': [{ '@value': 4.5 }, { '@value': 'high', '@language': 'en' }],
      'http://example.org/ns#related': [{ '@id': 'https://example.org/other' }, { 'http://example.org/ns#label': [{ '@value': '嵌套' }] }],
      '@type': ['http://www.w3.org/ns/dcat#Resource'],
      目录编码: 'HN-2024-001',
    };
    const entry = aCatalogEntry({ extra, publisher: { id: 'p_grid01', name: '国网', extra: { 'http://xmlns.com/foaf/0.1/homepage': [{ '@id': 'https://grid.example.cn' }] } } });
    expect(await fromDcatJsonLd(toDcatJsonLd(entry))).toEqual(entry);
  });
});

describe('DCAT JSON-LD written elsewhere', () => {
  it('imports a hand-written DCAT-AP document with another context, prefixed terms and @graph', async () => {
    expect(await readsOnFastPath(externalDcatAp())).toBe(false);
    expect(await fromDcatJsonLd(externalDcatAp())).toEqual(externalDcatApEntry());
  });

  it('writes back what it imported, unknown properties included', async () => {
    const entry = await fromDcatJsonLd(externalDcatAp());
    expect(await fromDcatJsonLd(toDcatJsonLd(entry))).toEqual(entry);
  });

  it('reads expanded JSON-LD', async () => {
    const { expanded } = await expandDocument(toDcatJsonLd(aCatalogEntry()));
    expect(await fromDcatJsonLd(expanded)).toEqual(aCatalogEntry());
  });
});

describe('refusals', () => {
  it('never fetches a remote context: the local loader refuses it', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const problem = await refusal(fromDcatJsonLd({ '@context': 'https://contexts.example.org/catalog.jsonld', '@type': 'Dataset', title: 'x' }));
    expect(problem).toMatchObject({ rule: 'jsonld.context-refused', pointer: '/@context' });
    expect(problem?.detail).toContain('https://contexts.example.org/catalog.jsonld');
    const second = await refusal(fromDcatJsonLd({ '@context': [catalogContextUrl, 'http://localhost:9/evil.jsonld'], '@id': 'urn:x', '@type': 'Dataset' }));
    expect(second).toMatchObject({ rule: 'jsonld.context-refused', pointer: '/@context/1' });
    const imported = await refusal(fromDcatJsonLd({ '@context': { '@version': 1.1, '@import': 'https://contexts.example.org/base.jsonld' }, '@id': 'urn:x' }));
    expect(imported).toMatchObject({ rule: 'jsonld.context-refused' });
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('points at the wrong value in our own documents', async () => {
    const doc = toDcatJsonLd(aCatalogEntry());
    expect(await refusal(fromDcatJsonLd({ ...doc, classification: { '@type': 'ClassificationLabel', classificationLevel: 'secret' } }))).toMatchObject({
      rule: 'jsonld.classification',
      pointer: '/classification/classificationLevel',
    });
    expect(await refusal(fromDcatJsonLd({ ...doc, title: 5 }))).toMatchObject({ rule: 'jsonld.literal', pointer: '/title' });
    const dictionary = structuredClone(doc.dictionary) as { field: Array<Record<string, unknown>> };
    (dictionary.field[1] as Record<string, unknown>).fieldType = 'varchar';
    expect(await refusal(fromDcatJsonLd({ ...doc, dictionary }))).toMatchObject({ rule: 'jsonld.field-type', pointer: '/dictionary/field/1/fieldType' });
    const distribution = [{ '@type': 'Distribution', accessMode: 'email' }];
    expect(await refusal(fromDcatJsonLd({ ...doc, distribution }))).toMatchObject({ rule: 'jsonld.access-mode', pointer: '/distribution/0/accessMode' });
  });

  it('points at the wrong value in documents with their own context', async () => {
    const doc = externalDcatAp();
    ((doc['@graph'] as Array<Record<string, unknown>>)[0] as Record<string, unknown>)['dcat:distribution'] = 'see the website';
    expect(await refusal(fromDcatJsonLd(doc))).toMatchObject({ rule: 'jsonld.node', pointer: '/@graph/0/dcat:distribution' });
    const undefinedTerm = externalDcatAp();
    ((undefinedTerm['@graph'] as Array<Record<string, unknown>>)[2] as Record<string, unknown>).byteSize = 1024;
    expect(await refusal(fromDcatJsonLd(undefinedTerm))).toMatchObject({ rule: 'jsonld.undefined-term', pointer: '/@graph/2/byteSize' });
  });

  it('refuses what is not one entry', async () => {
    expect(await refusal(fromDcatJsonLd('{"@context": '))).toMatchObject({ rule: 'jsonld.syntax', pointer: '' });
    expect(await refusal(fromDcatJsonLd(42))).toMatchObject({ rule: 'jsonld.not-object' });
    expect(await refusal(fromDcatJsonLd({ '@context': catalogContextUrl, '@id': 'urn:x', '@type': 'Concept' }))).toMatchObject({ rule: 'jsonld.no-entry' });
    const two = { '@context': catalogContextUrl, '@graph': [{ '@id': 'urn:a', '@type': 'Dataset' }, { '@id': 'urn:b', '@type': 'Dataset' }] };
    expect(await refusal(fromDcatJsonLd(two))).toMatchObject({ rule: 'jsonld.ambiguous-entry' });
    expect(await refusal(fromDcatJsonLd({ '@context': catalogContextUrl, '@type': 'Dataset', title: 'x' }))).toMatchObject({ rule: 'jsonld.id', pointer: '/@id' });
  });
});
