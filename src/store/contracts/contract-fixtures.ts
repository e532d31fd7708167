// Test fixtures for the contract stores: builders with overrides and one default data set
// (a grid company in Zhengzhou providing load curves to a bank). Only tests import this file.
import type { AccessRecord, AgreementRecord, DeliveryTask, NegotiationRecord, ReceivedRecord, TransferRecord } from '../../core/contracts/contract-records.js';

let serial = 0;
const next = () => (serial += 1);

export const PROVIDER_DID = 'did:web:grid.example.cn';
export const CONSUMER_DID = 'did:web:bank.example.cn';
export const DATASET_ID = 'urn:tds:henan:p_grid01:dataset:load-curves';
export const T0 = '2026-03-01T08:00:00.000Z';

/** `T0` plus `seconds`, as an ISO instant. */
export const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

export function aDeliveryTask(overrides: Partial<DeliveryTask> = {}): DeliveryTask {
  const n = next();
  return {
    kind: 'ContractRequestMessage',
    url: 'https://grid.example.cn/dsp/negotiations/request',
    message: { '@id': `urn:uuid:message-${n}`, '@type': 'ContractRequestMessage', consumerPid: `urn:uuid:c-${n}` },
    next: 'REQUESTED',
    fingerprint: `fp-${n}`,
    ...overrides,
  };
}

/** A consumer-side negotiation just created: no peer pid, no state, nothing to deliver. */
export function aNegotiationRecord(overrides: Partial<NegotiationRecord> = {}): NegotiationRecord {
  const n = next();
  return {
    id: `urn:uuid:negotiation-${n}`,
    role: 'consumer',
    peerDid: PROVIDER_DID,
    peerAddress: 'https://grid.example.cn/dsp',
    attempts: 0,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    datasetId: DATASET_ID,
    offer: { '@id': `urn:uuid:offer-${n}`, '@type': 'Offer', target: DATASET_ID, permission: [{ action: 'use' }] },
    ...overrides,
  };
}

/** An ODRL Agreement as compacted JSON, bound to the default parties. */
export function anAgreementPolicy(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@id': id,
    '@type': 'Agreement',
    target: DATASET_ID,
    assigner: PROVIDER_DID,
    assignee: CONSUMER_DID,
    timestamp: T0,
    permission: [{ action: 'use', constraint: [{ leftOperand: 'count', operator: 'lteq', rightOperand: 2 }] }],
    ...overrides,
  };
}

/** A provider-side active agreement with no uses yet and only the required fields. */
export function anAgreementRecord(overrides: Partial<AgreementRecord> = {}): AgreementRecord {
  const n = next();
  const id = overrides.id ?? `urn:uuid:agreement-${n}`;
  return {
    id,
    negotiationId: `urn:uuid:negotiation-of-agreement-${n}`,
    role: 'provider',
    providerDid: PROVIDER_DID,
    consumerDid: CONSUMER_DID,
    datasetId: DATASET_ID,
    policy: anAgreementPolicy(id),
    hash: `sha256:${n.toString(16).padStart(64, '0')}`,
    status: 'active',
    uses: 0,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** A provider-side pull transfer just requested, with only the required fields. */
export function aTransferRecord(overrides: Partial<TransferRecord> = {}): TransferRecord {
  const n = next();
  return {
    id: `urn:uuid:transfer-${n}`,
    role: 'provider',
    peerDid: CONSUMER_DID,
    peerAddress: 'https://bank.example.cn/dsp/callback',
    attempts: 0,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    agreementId: `urn:uuid:agreement-of-transfer-${n}`,
    format: 'HttpData-PULL',
    ...overrides,
  };
}

export function anAccessRecord(overrides: Partial<AccessRecord> = {}): AccessRecord {
  const n = next();
  return {
    id: `access-${n}`,
    agreementId: 'urn:uuid:agreement-metered',
    transferId: 'urn:uuid:transfer-metered',
    kind: 'download',
    outcome: 'allowed',
    bytes: 1024,
    at: T0,
    ...overrides,
  };
}

export function aReceivedRecord(overrides: Partial<ReceivedRecord> = {}): ReceivedRecord {
  const n = next();
  return {
    id: `received-${n}`,
    agreementId: 'urn:uuid:agreement-received',
    transferId: `urn:uuid:transfer-received-${n}`,
    datasetId: DATASET_ID,
    providerDid: PROVIDER_DID,
    path: `received/load-curves-${n}.csv`,
    sha256: n.toString(16).padStart(64, 'a'),
    bytes: 2048,
    mediaType: 'text/csv',
    receivedAt: T0,
    ...overrides,
  };
}
