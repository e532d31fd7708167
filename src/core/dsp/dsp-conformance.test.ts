import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { dspContextUrl, tdsNamespace } from '../metadata/dcat-context.js';
import { sandboxAggregateOffer } from '../policy/index.js';
import { processErrorJson, writeDspMessage, type DspJson, type WritableDspMessage } from './dsp-builders.js';
import { negotiationStates, transferStates, type DspMessageType } from './dsp-messages.js';
import { readDspMessage } from './dsp-reader.js';
import { ASSET, CALLBACK, aCounterRequest, aDataAddress, aTransferRequest, aTransferStart, anAgreement, anAgreementMessage, anInitialRequest, anOffer, anOfferMessage, pids } from './fixtures/dsp-fixtures.js';
import { transitionNegotiation } from './negotiation-state-machine.js';

// The official Dataspace Protocol 2025-1 JSON Schemas and examples.
const DSP = new URL('../../../test/conformance/dsp-2025-1/', import.meta.url);
const text = (path: string): string => readFileSync(new URL(path, DSP), 'utf8');
const json = (path: string): Record<string, unknown> => JSON.parse(text(path)) as Record<string, unknown>;

// Erratum in the official files (still in the DSP repository): three transfer schemas refer to
// `transfer-schema.json#definitions/AbstractTransferCodeMessage`, a fragment that is not a JSON
// Pointer; Ajv refuses it, so it is read as the `#/definitions/…` it means.
const schema = (path: string) => JSON.parse(text(path).replaceAll('.json#definitions/', '.json#/definitions/')) as Record<string, unknown>;

const ajv = new Ajv2019({ strict: false, allErrors: true });
for (const folder of ['common', 'catalog', 'negotiation', 'transfer']) {
  for (const file of readdirSync(new URL(`${folder}/`, DSP))) if (file.endsWith('-schema.json')) ajv.addSchema(schema(`${folder}/${file}`));
}

const folderOf = (type: string) =>
  type.startsWith('Contract') ? 'negotiation' : type.startsWith('Transfer') || type === 'DataAddress' ? 'transfer' : type.startsWith('Catalog') || type.startsWith('Dataset') ? 'catalog' : 'common';
const schemaFile = (type: string) =>
  ({ VersionResponse: 'protocol-version', DidService: 'did-service' })[type] ?? type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
function validate(type: string, doc: unknown): unknown[] {
  const validator = ajv.getSchema(`https://w3id.org/dspace/2025/1/${folderOf(type)}/${schemaFile(type)}-schema.json`);
  if (!validator) throw new Error(`no schema for ${type}`);
  return validator(doc) ? [] : (validator.errors ?? []);
}

const withTds = sandboxAggregateOffer({ uid: 'urn:uuid:offer-sandbox', target: ASSET, purposes: ['credit-risk'], k: 20 });
const built: Array<[string, WritableDspMessage]> = [
  ['catalog request', { type: 'CatalogRequestMessage' }],
  ['catalog request with a filter', { type: 'CatalogRequestMessage', filter: [{ keyword: 'grid' }] }],
  ['dataset request', { type: 'DatasetRequestMessage', dataset: ASSET }],
  ['catalog error', { type: 'CatalogError', code: '404', reason: ['No such dataset'] }],
  ['bare catalog error', { type: 'CatalogError' }],
  ['initiating contract request', anInitialRequest()],
  ['contract request answering an offer', aCounterRequest({ id: 'urn:uuid:msg-1' })],
  ['contract request with our tds terms', anInitialRequest({ offer: { ...withTds, type: 'Offer', target: ASSET } })],
  ['initiating contract offer', anOfferMessage({ consumerPid: undefined, callbackAddress: 'https://connector.grid.example.cn/dsp' })],
  ['contract offer', anOfferMessage()],
  ['contract agreement', anAgreementMessage()],
  ['contract agreement with a prohibition only', anAgreementMessage({ agreement: anAgreement({ permissions: [], prohibitions: [{ action: 'distribute', constraints: [] }] }) })],
  ['agreement verification', { type: 'ContractAgreementVerificationMessage', ...pids }],
  ['accepted event', { type: 'ContractNegotiationEventMessage', ...pids, eventType: 'ACCEPTED' }],
  ['finalized event', { type: 'ContractNegotiationEventMessage', ...pids, eventType: 'FINALIZED' }],
  ['termination', { type: 'ContractNegotiationTerminationMessage', ...pids, code: 'offer.refused', reason: ['Purpose not allowed'] }],
  ['bare termination', { type: 'ContractNegotiationTerminationMessage', ...pids }],
  ...negotiationStates.map((state): [string, WritableDspMessage] => [`negotiation ${state}`, { type: 'ContractNegotiation', ...pids, state }]),
  ['negotiation error', { type: 'ContractNegotiationError', ...pids, code: '400', reason: ['Out of order'] }],
  ['transfer request (pull)', aTransferRequest()],
  ['transfer request (push)', aTransferRequest({ format: 'HttpData-PUSH', dataAddress: aDataAddress() })],
  ['transfer request, address without properties', aTransferRequest({ dataAddress: { endpointType: 'https://w3id.org/idsa/v4.1/HTTP' } })],
  ['transfer start', aTransferStart()],
  ['transfer start (push)', aTransferStart({ dataAddress: undefined })],
  ['transfer suspension', { type: 'TransferSuspensionMessage', ...pids, code: 'duty.breached', reason: ['Deletion overdue'] }],
  ['transfer completion', { type: 'TransferCompletionMessage', ...pids }],
  ['transfer termination', { type: 'TransferTerminationMessage', ...pids, reason: ['Agreement revoked'] }],
  ...transferStates.map((state): [string, WritableDspMessage] => [`transfer ${state}`, { type: 'TransferProcess', ...pids, state }]),
  ['transfer error', { type: 'TransferError', ...pids, code: '404' }],
  ['version metadata', { type: 'VersionResponse', protocolVersions: [{ version: '2025-1', path: '/dsp', binding: 'HTTPS', identifierType: 'did:web', serviceId: 'did:web:a#dsp' }] }],
  ['catalog service in a DID document', { type: 'DidService', id: 'did:web:grid.example.cn#catalog', serviceType: 'CatalogService', serviceEndpoint: 'https://grid.example.cn/dsp/catalog' }],
];

describe('every builder’s output', () => {
  it.each(built)('%s validates against the official schema', (_, message) => {
    expect(validate(message.type, writeDspMessage(message))).toEqual([]);
  });

  it.each(built)('%s reads back to the same value', (_, message) => {
    const result = readDspMessage(writeDspMessage(message), message.type);
    expect(result.ok ? result.message : result.problems).toEqual(message);
  });

  it('are checked by live validators (a schema violation is caught, also through the repaired transfer refs)', () => {
    expect(validate('ContractRequestMessage', { ...writeDspMessage(anInitialRequest()), providerPid: 'urn:x' })).not.toEqual([]);
    expect(validate('TransferTerminationMessage', { '@context': [dspContextUrl], '@type': 'TransferTerminationMessage', consumerPid: 'urn:x' })).not.toEqual([]);
  });

  it('states the DSP context alone, also when the policy uses our terms (spelled as full IRIs)', () => {
    expect(writeDspMessage(anInitialRequest())['@context']).toEqual([dspContextUrl]);
    const withOurTerms = writeDspMessage(built[7]![1]);
    expect(withOurTerms['@context']).toEqual([dspContextUrl]);
    expect(JSON.stringify(withOurTerms)).toContain(tdsNamespace);
  });

  it('writes the error body for a refused transition', () => {
    const refused = transitionNegotiation('OFFERED', { type: 'ContractAgreementMessage' }, 'provider', 'consumer');
    if (refused.ok) throw new Error('expected a refusal');
    const body = processErrorJson('ContractNegotiationError', pids, refused.error);
    expect(validate('ContractNegotiationError', body)).toEqual([]);
    expect(body).toMatchObject({ '@type': 'ContractNegotiationError', code: '400', reason: [expect.stringContaining('state OFFERED')] });
  });

  it('writes the members in the order of the examples', () => {
    expect(Object.keys(writeDspMessage(anInitialRequest({ id: 'urn:uuid:m' })))).toEqual(['@context', '@type', '@id', 'consumerPid', 'offer', 'callbackAddress']);
    expect(writeDspMessage(anInitialRequest())).toEqual({
      '@context': [dspContextUrl],
      '@type': 'ContractRequestMessage',
      consumerPid: pids.consumerPid,
      offer: { '@id': anOffer().uid, '@type': 'Offer', target: ASSET, permission: [{ action: 'use', constraint: [{ leftOperand: 'dateTime', operator: 'lteq', rightOperand: '2026-12-31T23:59:59Z' }] }] },
      callbackAddress: CALLBACK,
    });
  });
});

/** Every example of the conformance folders, with the type to read it as. */
function examples(): Array<[string, DspMessageType, DspJson]> {
  return ['catalog', 'negotiation', 'transfer', 'common'].flatMap((folder) =>
    readdirSync(new URL(`${folder}/example/`, DSP)).map((file): [string, DspMessageType, DspJson] => {
      const doc = json(`${folder}/example/${file}`);
      const type = (doc['@type'] as DspMessageType | undefined) ?? (file.includes('did-service') ? 'DidService' : 'VersionResponse');
      return [`${folder}/${file}`, type, doc];
    }),
  );
}

describe('the official examples', () => {
  const all = examples();

  it('are all found', () => {
    expect(all).toHaveLength(6 + 3 + 11 + 7);
  });

  it.each(all)('%s reads as %s', (_, type, doc) => {
    const result = readDspMessage(doc, type);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it.each(all.filter(([, type]) => type !== 'Catalog' && type !== 'Dataset'))('%s writes back as it came', (_, type, doc) => {
    const result = readDspMessage(doc, type);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(writeDspMessage(result.message as WritableDspMessage)).toEqual(doc);
  });

  it('keep what the protocol needs of a catalog', () => {
    const result = readDspMessage(json('catalog/example/catalog.json'), 'Catalog');
    if (!result.ok) throw new Error('does not read');
    expect(result.message).toMatchObject({
      participantId: 'urn:example:DataProviderA',
      services: [{ id: 'urn:uuid:4aa2dcc8-4d2d-569e-d634-8394a8834d77', endpointURL: 'https://provider-a.com/connector' }],
      datasets: [{ id: 'urn:uuid:3dd1add8-4d2d-569e-d634-8394a8836a88', distributions: [{ format: 'HttpData-PULL', accessService: 'urn:uuid:4aa2dcc8-4d2d-569e-d634-8394a8834d77' }] }],
    });
    expect(result.message.datasets[0]?.offers[0]?.permissions[0]?.action).toBe('use');
  });
});
