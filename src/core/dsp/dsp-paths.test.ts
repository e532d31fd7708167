import { describe, expect, it } from 'vitest';
import type { Side } from './dsp-messages.js';
import { dspEndpointFor, dspEndpoints, dspTargetOf, dspUrl, resolveDspPath } from './dsp-paths.js';
import { CONSUMER_PID, aCounterRequest, aTransferRequest, aTransferStart, anAgreementMessage, anInitialRequest, pids } from './fixtures/dsp-fixtures.js';
import { negotiationTransitions, type NegotiationMessageKind } from './negotiation-state-machine.js';
import { transferTransitions } from './transfer-state-machine.js';

// The path tables of the DSP 2025-1 HTTPS bindings (catalog, contract negotiation, transfer
// process), as the specification prints them.
const specified = [
  'provider POST /catalog/request',
  'provider GET /catalog/datasets/:id',
  'provider GET /negotiations/:providerPid',
  'provider POST /negotiations/request',
  'provider POST /negotiations/:providerPid/request',
  'provider POST /negotiations/:providerPid/events',
  'provider POST /negotiations/:providerPid/agreement/verification',
  'provider POST /negotiations/:providerPid/termination',
  'consumer GET /:callback/negotiations/:consumerPid',
  'consumer POST /negotiations/offers',
  'consumer POST /:callback/negotiations/:consumerPid/offers',
  'consumer POST /:callback/negotiations/:consumerPid/agreement',
  'consumer POST /:callback/negotiations/:consumerPid/events',
  'consumer POST /:callback/negotiations/:consumerPid/termination',
  'provider GET /transfers/:providerPid',
  'provider POST /transfers/request',
  'provider POST /transfers/:providerPid/start',
  'provider POST /transfers/:providerPid/completion',
  'provider POST /transfers/:providerPid/termination',
  'provider POST /transfers/:providerPid/suspension',
  'consumer POST /:callback/transfers/:consumerPid/start',
  'consumer POST /:callback/transfers/:consumerPid/completion',
  'consumer POST /:callback/transfers/:consumerPid/termination',
  'consumer POST /:callback/transfers/:consumerPid/suspension',
];

const other = (side: Side): Side => (side === 'provider' ? 'consumer' : 'provider');

describe('the HTTPS binding table', () => {
  it('has exactly the specified endpoints', () => {
    const ours = dspEndpoints.map((e) => `${e.role} ${e.method} ${e.base === 'callback' ? '/:callback' : ''}${e.path}`);
    expect(ours.sort()).toEqual([...specified].sort());
  });

  it('answers 201 with the process to the messages that create one, 200 to the rest', () => {
    expect(dspEndpoints.filter((e) => e.status === 201).map((e) => `${e.path} → ${e.response}`)).toEqual([
      '/negotiations/request → ContractNegotiation',
      '/negotiations/offers → ContractNegotiation',
      '/transfers/request → TransferProcess',
    ]);
  });

  it('has an endpoint for every message that crosses in the state machines, at the side that receives it', () => {
    const missing: string[] = [];
    for (const edge of negotiationTransitions) {
      const [type, eventType] = (edge.message as NegotiationMessageKind).split(':') as [Parameters<typeof dspEndpointFor>[1], 'ACCEPTED' | 'FINALIZED' | undefined];
      for (const sender of edge.by) {
        const found = dspEndpointFor(other(sender), type, { initiating: edge.from === undefined, ...(eventType ? { eventType } : {}) });
        if (!found) missing.push(`${edge.message} from the ${sender}`);
      }
    }
    for (const edge of transferTransitions) {
      for (const sender of edge.by) if (!dspEndpointFor(other(sender), edge.message, { initiating: edge.from === undefined })) missing.push(`${edge.message} from the ${sender}`);
    }
    expect(missing).toEqual([]);
  });

  it('maps (role, message) to its path', () => {
    expect(dspEndpointFor('provider', 'ContractRequestMessage', { initiating: true })?.path).toBe('/negotiations/request');
    expect(dspEndpointFor('provider', 'ContractRequestMessage')?.path).toBe('/negotiations/:providerPid/request');
    expect(dspEndpointFor('consumer', 'ContractOfferMessage', { initiating: true })).toMatchObject({ path: '/negotiations/offers', base: 'base' });
    expect(dspEndpointFor('provider', 'ContractNegotiationEventMessage', { eventType: 'ACCEPTED' })?.path).toBe('/negotiations/:providerPid/events');
    expect(dspEndpointFor('provider', 'ContractNegotiationEventMessage', { eventType: 'FINALIZED' })).toBeUndefined();
    expect(dspEndpointFor('provider', 'ContractAgreementMessage')).toBeUndefined();
  });
});

describe('where a message goes', () => {
  it.each<[string, Side, Parameters<typeof dspTargetOf>[1], string | undefined]>([
    ['an initiating request', 'provider', anInitialRequest(), '/negotiations/request'],
    ['a counter-request', 'provider', aCounterRequest(), '/negotiations/urn%3Auuid%3A5b0f5a4e-provider-pid/request'],
    ['an agreement', 'consumer', anAgreementMessage(), `/negotiations/${encodeURIComponent(CONSUMER_PID)}/agreement`],
    ['a finalized event', 'consumer', { type: 'ContractNegotiationEventMessage', ...pids, eventType: 'FINALIZED' }, `/negotiations/${encodeURIComponent(CONSUMER_PID)}/events`],
    ['a transfer request', 'provider', aTransferRequest(), '/transfers/request'],
    ['a start to the consumer', 'consumer', aTransferStart(), `/transfers/${encodeURIComponent(CONSUMER_PID)}/start`],
    ['a resume to the provider', 'provider', aTransferStart(), '/transfers/urn%3Auuid%3A5b0f5a4e-provider-pid/start'],
    ['a dataset request', 'provider', { type: 'DatasetRequestMessage', dataset: 'urn:tds:a/b' }, '/catalog/datasets/urn%3Atds%3Aa%2Fb'],
    ['an agreement to the provider (it sends them)', 'provider', anAgreementMessage(), undefined],
  ])('%s', (_, to, message, path) => {
    expect(dspTargetOf(to, message)?.path).toBe(path);
  });

  it('joins a base with or without its trailing slash', () => {
    expect(dspUrl('https://bank.example.cn/dsp/callback/', '/negotiations/x/offers')).toBe('https://bank.example.cn/dsp/callback/negotiations/x/offers');
    expect(dspUrl('https://bank.example.cn/dsp/callback', '/negotiations/x/offers')).toBe('https://bank.example.cn/dsp/callback/negotiations/x/offers');
  });

  it('refuses to fill a path without its parameter', () => {
    expect(() => resolveDspPath('/negotiations/:providerPid/events', {})).toThrow(':providerPid');
  });
});
