import { describe, expect, it } from 'vitest';
import { dspContextUrl } from '../metadata/dcat-context.js';
import { writeDspMessage, type DspJson } from './dsp-builders.js';
import type { DspMessageType } from './dsp-messages.js';
import { readDspMessage } from './dsp-reader.js';
import { aCounterRequest, aTransferRequest, aTransferStart, anAgreementMessage, anInitialRequest, pids } from './fixtures/dsp-fixtures.js';

/** The pointers of the problems found, the message first going through JSON (as on the wire: `undefined` members vanish). */
const problems = (json: unknown, type: DspMessageType | readonly DspMessageType[]) => {
  const result = readDspMessage(JSON.parse(JSON.stringify(json)) as unknown, type);
  return result.ok ? [] : result.problems.map((p) => p.pointer);
};

const request = writeDspMessage(anInitialRequest());
const agreement = writeDspMessage(anAgreementMessage());
const offerOf = (doc: DspJson) => doc.offer as Record<string, unknown>;
const agreementOf = (doc: DspJson) => doc.agreement as Record<string, unknown>;
const permission0 = (policy: Record<string, unknown>) => (policy.permission as Array<Record<string, unknown>>)[0] ?? {};

describe('readDspMessage: bad messages, by pointer', () => {
  it.each<[string, unknown, DspMessageType, string[]]>([
    ['not an object', [request], 'ContractRequestMessage', ['']],
    ['another @type', request, 'ContractOfferMessage', ['/@type']],
    ['no @type', { ...request, '@type': undefined }, 'ContractRequestMessage', ['/@type']],
    ['no @context', { ...request, '@context': undefined }, 'ContractRequestMessage', ['/@context']],
    ['a context without DSP’s', { ...request, '@context': ['https://example.org/ctx'] }, 'ContractRequestMessage', ['/@context']],
    ['a context that is not a URL', { ...request, '@context': [dspContextUrl, { x: 1 }] }, 'ContractRequestMessage', ['/@context/1']],
    ['no consumerPid', { ...request, consumerPid: undefined }, 'ContractRequestMessage', ['/consumerPid']],
    ['an empty consumerPid', { ...request, consumerPid: '' }, 'ContractRequestMessage', ['/consumerPid']],
    ['both providerPid and callbackAddress', { ...request, providerPid: 'urn:x' }, 'ContractRequestMessage', ['/callbackAddress']],
    ['neither providerPid nor callbackAddress', { ...request, callbackAddress: undefined }, 'ContractRequestMessage', ['']],
    ['a callbackAddress that is no URL', { ...request, callbackAddress: 'consumer.example' }, 'ContractRequestMessage', ['/callbackAddress']],
    ['no offer', { ...request, offer: undefined }, 'ContractRequestMessage', ['/offer']],
    ['an offer without target', { ...request, offer: { ...offerOf(request), target: undefined } }, 'ContractRequestMessage', ['/offer/target']],
    ['an offer typed Set', { ...request, offer: { ...offerOf(request), '@type': 'Set' } }, 'ContractRequestMessage', ['/offer/@type']],
    ['an offer without @id', { ...request, offer: { ...offerOf(request), '@id': undefined } }, 'ContractRequestMessage', ['/offer/@id']],
    ['an offer with only an obligation', { ...request, offer: { ...offerOf(request), permission: undefined, obligation: [{ action: 'delete' }] } }, 'ContractRequestMessage', ['/offer']],
    ['a rule with its own target', { ...request, offer: { ...offerOf(request), permission: [{ ...permission0(offerOf(request)), target: 'urn:x' }] } }, 'ContractRequestMessage', ['/offer/permission/0/target']],
    ['DSP’s term-lteq operator', { ...request, offer: { ...offerOf(request), permission: [{ action: 'use', constraint: [{ leftOperand: 'dateTime', operator: 'term-lteq', rightOperand: 'x' }] }] } }, 'ContractRequestMessage', ['/offer/permission/0/constraint/0/operator']],
    ['an agreement without assignee', { ...agreement, agreement: { ...agreementOf(agreement), assignee: undefined } }, 'ContractAgreementMessage', ['/agreement/assignee']],
    ['an agreement with a date as timestamp', { ...agreement, agreement: { ...agreementOf(agreement), timestamp: '2025-06-01' } }, 'ContractAgreementMessage', ['/agreement/timestamp']],
    ['an agreement typed Offer', { ...agreement, agreement: { ...agreementOf(agreement), '@type': 'Offer' } }, 'ContractAgreementMessage', ['/agreement/@type']],
    ['an unknown eventType', { ...writeDspMessage({ type: 'ContractNegotiationEventMessage', ...pids, eventType: 'ACCEPTED' }), eventType: 'REJECTED' }, 'ContractNegotiationEventMessage', ['/eventType']],
    ['an unknown state', { ...writeDspMessage({ type: 'ContractNegotiation', ...pids, state: 'AGREED' }), state: 'DONE' }, 'ContractNegotiation', ['/state']],
    ['an empty reason', { ...writeDspMessage({ type: 'ContractNegotiationTerminationMessage', ...pids }), reason: [] }, 'ContractNegotiationTerminationMessage', ['/reason']],
    ['a code that is a number', { ...writeDspMessage({ type: 'TransferError', ...pids }), code: 404 }, 'TransferError', ['/code']],
    ['a message @id that is no string', { ...writeDspMessage({ type: 'TransferCompletionMessage', ...pids }), '@id': 7 }, 'TransferCompletionMessage', ['/@id']],
    ['a transfer request without format and agreementId', { ...writeDspMessage(aTransferRequest()), format: undefined, agreementId: undefined }, 'TransferRequestMessage', ['/agreementId', '/format']],
    ['no endpointType', { ...writeDspMessage(aTransferStart()), dataAddress: { '@type': 'DataAddress' } }, 'TransferStartMessage', ['/dataAddress/endpointType']],
    ['empty endpointProperties', { ...writeDspMessage(aTransferStart()), dataAddress: { '@type': 'DataAddress', endpointType: 'x', endpointProperties: [] } }, 'TransferStartMessage', ['/dataAddress/endpointProperties']],
    [
      'an endpoint property without value nor @type',
      { ...writeDspMessage(aTransferStart()), dataAddress: { '@type': 'DataAddress', endpointType: 'x', endpointProperties: [{ name: 'authorization' }] } },
      'TransferStartMessage',
      ['/dataAddress/endpointProperties/0/@type', '/dataAddress/endpointProperties/0/value'],
    ],
    ['a dataset request without dataset', { '@context': [dspContextUrl], '@type': 'DatasetRequestMessage' }, 'DatasetRequestMessage', ['/dataset']],
    ['a version without binding', { protocolVersions: [{ version: '2025-1', path: '/dsp' }] }, 'VersionResponse', ['/protocolVersions/0/binding']],
  ])('%s', (_, json, type, pointers) => {
    expect(problems(json, type)).toEqual(pointers);
  });

  it('lists every problem at once', () => {
    const bad = { ...writeDspMessage(aCounterRequest()), '@context': undefined, providerPid: 7, offer: { ...offerOf(request), target: undefined } };
    expect(problems(bad, 'ContractRequestMessage')).toEqual(['/@context', '/providerPid', '/offer/target']);
  });

  it('points into catalogs: a dataset without offers, an offer with a target, a catalog with offers of its own', () => {
    const catalog = {
      '@context': [dspContextUrl],
      '@type': 'Catalog',
      '@id': 'urn:catalog',
      participantId: 'did:web:grid.example.cn',
      hasPolicy: [],
      dataset: [
        { '@id': 'urn:a', '@type': 'Dataset', distribution: [{ format: 'HttpData-PULL', accessService: 'urn:s' }] },
        { '@id': 'urn:b', '@type': 'Dataset', hasPolicy: [{ '@id': 'urn:o', '@type': 'Offer', target: 'urn:b', permission: [{ action: 'use' }] }], distribution: [{ format: 'HttpData-PULL' }] },
      ],
    };
    expect(problems(catalog, 'Catalog')).toEqual(['/hasPolicy', '/dataset/0/hasPolicy', '/dataset/1/hasPolicy/0/target', '/dataset/1/distribution/0/accessService']);
    expect(problems({ ...catalog, participantId: undefined, hasPolicy: undefined, dataset: undefined }, 'Catalog')).toEqual(['/participantId']);
  });
});

describe('readDspMessage: types', () => {
  it('reads any of several expected types, by @type', () => {
    const error = writeDspMessage({ type: 'ContractNegotiationError', ...pids, code: '400', reason: ['no'] });
    const result = readDspMessage(error, ['ContractNegotiation', 'ContractNegotiationError']);
    expect(result).toMatchObject({ ok: true, message: { type: 'ContractNegotiationError', code: '400' } });
    expect(readDspMessage(error, ['ContractNegotiation', 'TransferProcess'])).toEqual({
      ok: false,
      problems: [{ pointer: '/@type', detail: '@type must be ContractNegotiation or TransferProcess (got "ContractNegotiationError")' }],
    });
  });

  it('takes a lone context URL as the array it stands for', () => {
    expect(readDspMessage({ ...request, '@context': dspContextUrl }, 'ContractRequestMessage').ok).toBe(true);
  });

  it('returns the typed message, with its own @id', () => {
    const result = readDspMessage({ ...request, '@id': 'urn:uuid:m-1' }, 'ContractRequestMessage');
    if (!result.ok) throw new Error('does not read');
    expect(result.message).toMatchObject({ id: 'urn:uuid:m-1', consumerPid: pids.consumerPid, callbackAddress: anInitialRequest().callbackAddress, offer: { uid: 'urn:uuid:offer-1', target: anInitialRequest().offer.target } });
  });
});
