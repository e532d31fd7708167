import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { CatalogFormatError } from './catalog-entry-error.js';
import { aCatalogEntry } from './catalog-entry-fixtures.js';
import { dspContextUrl } from './dcat-context.js';
import { fromDcatJsonLd, toDcatJsonLd } from './dcat-jsonld.js';

// The Dataspace Protocol 2025-1 conformance files: the connector will serve its DSP catalog from
// this same mapping, so its Dataset must import and validate against the DSP schema.
const DSP = new URL('../../../test/conformance/dsp-2025-1/', import.meta.url);
const json = (path: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(path, DSP), 'utf8')) as Record<string, unknown>;
const dspContexts = {
  [dspContextUrl]: json('context/dspace.jsonld'),
  'https://w3id.org/dspace/2025/1/odrl-profile.jsonld': json('context/odrl.jsonld'),
};

function datasetValidator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addSchema(json('common/context-schema.json'));
  ajv.addSchema(json('negotiation/contract-schema.json'));
  return ajv.compile(json('catalog/dataset-schema.json'));
}

const offer = (json('catalog/example/dataset.json').hasPolicy as unknown[])[0];
const dspEntry = () =>
  aCatalogEntry({
    distributions: [
      {
        format: 'HttpData-PULL',
        accessMode: 'download',
        accessService: { id: 'urn:tds:henan:p_grid01:connector', endpointUrl: 'https://connector.grid.example.cn/api/dsp' },
      },
      { format: 'HttpData-PUSH', accessService: { id: 'urn:tds:henan:p_grid01:connector' } },
    ],
  });

describe('Dataspace Protocol catalog compatibility', () => {
  it('imports the DSP example dataset, keeping its offer', async () => {
    const entry = await fromDcatJsonLd(json('catalog/example/dataset.json'), { contexts: dspContexts });
    expect(entry).toMatchObject({
      kind: 'dataset',
      id: 'urn:uuid:3afeadd8-ed2d-569e-d634-8394a8836d57',
      distributions: [{ format: 'HttpData-PULL', accessService: { id: 'urn:uuid:4aa2dcc8-4d2d-569e-d634-8394a8834d77', endpointUrl: 'https://provider-a.com/connector' } }],
    });
    const policies = entry.extra?.['http://www.w3.org/ns/odrl/2/hasPolicy'] as Array<Record<string, unknown>>;
    expect(policies[0]?.['@id']).toBe('urn:uuid:2828282:3dd1add8-4d2d-569e-d634-8394a8836a88');
  });

  it('refuses the DSP context when nobody supplied it (it is never fetched)', async () => {
    const error = await fromDcatJsonLd(json('catalog/example/dataset.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogFormatError);
    expect((error as CatalogFormatError).problems[0]).toMatchObject({ rule: 'jsonld.context-refused', pointer: '/@context/0' });
  });

  it('writes a Dataset that validates against the DSP dataset schema', () => {
    const validate = datasetValidator();
    expect(validate(json('catalog/example/dataset.json'))).toBe(true);
    const doc = toDcatJsonLd(dspEntry(), { profile: 'dsp', hasPolicy: [offer] });
    expect(doc['@context']).toEqual([dspContextUrl]);
    const valid = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('reads its DSP Dataset back: our members, spelled as full IRIs, expand under the DSP context alone', async () => {
    const entry = dspEntry();
    const back = await fromDcatJsonLd(toDcatJsonLd(entry, { profile: 'dsp', hasPolicy: [offer] }), { contexts: dspContexts });
    const { extra, ...rest } = back;
    expect(rest).toEqual(entry);
    expect(Object.keys(extra ?? {})).toEqual(['http://www.w3.org/ns/odrl/2/hasPolicy']);
  });
});
