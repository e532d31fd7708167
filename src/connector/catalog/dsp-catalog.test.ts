import fs from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import type { AssetPublication, AssetRecord } from '../../core/assets/asset-record.js';
import { dspContextUrl } from '../../core/metadata/dcat-context.js';
import { aCatalogEntry } from '../../core/metadata/catalog-entry-fixtures.js';
import { deliveredModes, dspCatalog, dspDataset, liveOffers, peerMaySee } from './dsp-catalog.js';

const DSP = new URL('../../../test/conformance/dsp-2025-1/', import.meta.url);
const json = (file: string) => JSON.parse(fs.readFileSync(new URL(file, DSP), 'utf8')) as Record<string, unknown>;

function anAsset(): AssetRecord {
  return { id: 'electricity', name: '企业用电数据', source: { kind: 'file', format: 'csv', path: 'a.csv', uploaded: true }, entry: aCatalogEntry(), version: 2, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
}

function aPublication(): AssetPublication {
  return {
    assetId: 'electricity',
    entryId: 'urn:tds:space:p_grid:electricity',
    status: 'published',
    version: 1,
    offers: [{ id: 'sandbox', accessMode: 'sandbox', priceModel: 'payAfterUse', policy: { '@id': 'urn:tds:offer:electricity:sandbox', '@type': 'Offer', permission: [{ action: 'use' }] } }],
    visibility: { scope: 'members' },
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

describe('the connector’s DSP catalog', () => {
  it('writes a Catalog that validates against the DSP 2025-1 catalog schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    for (const file of ['common/context-schema.json', 'negotiation/contract-schema.json', 'catalog/dataset-schema.json']) ajv.addSchema(json(file));
    const validate = ajv.compile(json('catalog/catalog-schema.json'));
    const catalog = dspCatalog({
      did: 'did:web:op.example:participants:p_grid',
      serviceId: 'did:web:op.example:participants:p_grid#dsp',
      endpointUrl: 'https://grid.example/dsp',
      datasets: [dspDataset(anAsset(), aPublication(), 'did:web:op.example:participants:p_grid#dsp')],
      context: [dspContextUrl],
    });
    expect(validate(catalog), JSON.stringify(validate.errors)).toBe(true);
    expect(catalog.dataset).toEqual([expect.objectContaining({ '@id': 'urn:tds:space:p_grid:electricity', distribution: [expect.objectContaining({ format: 'TdsSandbox-PULL' })] })]);
  });

  it('serves an important-data offer beyond the sandbox only once a named reviewer approved it, and lists the distributions live offers allow', () => {
    const download = { id: 'download', accessMode: 'download' as const, priceModel: 'free' as const, policy: { '@id': 'urn:o:d', '@type': 'Offer', permission: [{ action: 'use', constraint: [{ leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'download' }] }] } };
    const sandbox = { ...aPublication().offers[0]!, policy: { '@id': 'urn:o:s', '@type': 'Offer', permission: [{ action: 'use', constraint: [{ leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' }] }] } };
    const asset: AssetRecord = { ...anAsset(), classification: { level: 'important' }, entry: { ...anAsset().entry, distributions: [{ accessMode: 'download' }, { accessMode: 'sandbox' }] } };
    const publication = { ...aPublication(), offers: [sandbox, download] };
    expect(liveOffers(asset, publication).map((o) => o.id)).toEqual(['sandbox']);
    expect(deliveredModes(asset, liveOffers(asset, publication))).toEqual(['sandbox']);
    const approved = { ...publication, review: { version: 1, automatic: { outcome: 'passed' as const, findings: [], at: 'x' }, manual: { required: true as const, reasons: [], outcome: 'approved' as const, approvedBy: { id: 'u1', name: '王审核' }, approvedChannels: ['download'] } } };
    expect(deliveredModes(asset, liveOffers(asset, approved))).toEqual(['download', 'sandbox']);
  });

  it('shows a peer what its rule allows; rules on industry or region are left to the operator’s catalog', () => {
    const peer = { participantId: 'p_bank', roles: ['consumer'] };
    expect(peerMaySee({ scope: 'members' }, peer)).toBe(true);
    expect(peerMaySee({ scope: 'named', participants: ['p_bank'] }, peer)).toBe(true);
    expect(peerMaySee({ scope: 'named', participants: ['p_other'] }, peer)).toBe(false);
    expect(peerMaySee({ scope: 'restricted', roles: ['consumer'] }, peer)).toBe(true);
    expect(peerMaySee({ scope: 'restricted', industries: ['J'] }, peer)).toBe(false);
  });
});
