import type { Policy } from '../policy/index.js';
import type { DspMessageMapCatalog } from './dsp-catalog-messages.js';

/**
 * The Dataspace Protocol 2025-1 messages and process objects, as typed values. `readDspMessage`
 * returns them and the builders (`dsp-builders.ts`) write them as compacted JSON-LD under the DSP
 * context. Members keep the protocol's names (`providerPid`, `consumerPid`, `callbackAddress`,
 * `endpointURL`); the JSON-LD keys become plain fields: `@type` is `type`, `@id` is `id`.
 *
 * `id`, where a message has it, is the message's own optional `@id`. DSP's schemas neither require
 * nor forbid it; peers such as the DSP TCK and Eclipse EDC send one per message and keep it on a
 * retry, so the state machines use it to tell a retry from a new message (README, "Retries").
 */

/** The two parties of a contract negotiation or a transfer process. */
export type Side = 'provider' | 'consumer';
export const sides: readonly Side[] = ['provider', 'consumer'];

/** An Offer as a contract request or offer message carries it: DSP requires its `target`. */
export type MessageOffer = Policy & { type: 'Offer'; target: string };

/** An Agreement as DSP requires it: target, assigner, assignee and an xsd:dateTime timestamp. */
export type AgreementPolicy = Policy & { type: 'Agreement'; target: string; assigner: string; assignee: string; timestamp: string };

/** DSP's `reason`: one or more items, usually strings (the schema allows any JSON). */
export type Reason = unknown[];

interface Identified {
  /** The message's own `@id`, if it carried one. */
  id?: string;
}

interface Pids {
  providerPid: string;
  consumerPid: string;
}

// ─── Contract negotiation ─────────────────────────────────────────────────────────────────────

export const negotiationStates = ['REQUESTED', 'OFFERED', 'ACCEPTED', 'AGREED', 'VERIFIED', 'FINALIZED', 'TERMINATED'] as const;
export type NegotiationState = (typeof negotiationStates)[number];

export const negotiationEventTypes = ['ACCEPTED', 'FINALIZED'] as const;
export type NegotiationEventType = (typeof negotiationEventTypes)[number];

/**
 * Sent by the consumer. Initiating (to `POST /negotiations/request`): `callbackAddress` and no
 * `providerPid`. Answering an offer (to `/negotiations/:providerPid/request`): `providerPid` and no
 * `callbackAddress`. The schema makes the two exclusive (`oneOf`).
 */
export type ContractRequestMessage = Identified & { type: 'ContractRequestMessage'; consumerPid: string; offer: MessageOffer } & (
    | { callbackAddress: string; providerPid?: undefined }
    | { providerPid: string; callbackAddress?: undefined }
  );

/**
 * Sent by the provider. Initiating (to the consumer's `POST /negotiations/offers`):
 * `callbackAddress` and no `consumerPid`; otherwise `consumerPid` and no `callbackAddress`.
 */
export type ContractOfferMessage = Identified & { type: 'ContractOfferMessage'; providerPid: string; offer: MessageOffer } & (
    | { callbackAddress: string; consumerPid?: undefined }
    | { consumerPid: string; callbackAddress?: undefined }
  );

export interface ContractAgreementMessage extends Identified, Pids {
  type: 'ContractAgreementMessage';
  agreement: AgreementPolicy;
}

export interface ContractAgreementVerificationMessage extends Identified, Pids {
  type: 'ContractAgreementVerificationMessage';
}

/** `ACCEPTED` is the consumer's, `FINALIZED` the provider's. */
export interface ContractNegotiationEventMessage extends Identified, Pids {
  type: 'ContractNegotiationEventMessage';
  eventType: NegotiationEventType;
}

export interface ContractNegotiationTerminationMessage extends Identified, Pids {
  type: 'ContractNegotiationTerminationMessage';
  code?: string;
  reason?: Reason;
}

/** The ACK: the negotiation as one side holds it. */
export interface ContractNegotiation extends Pids {
  type: 'ContractNegotiation';
  state: NegotiationState;
}

export interface ContractNegotiationError extends Pids {
  type: 'ContractNegotiationError';
  code?: string;
  reason?: Reason;
}

// ─── Transfer process ─────────────────────────────────────────────────────────────────────────

export const transferStates = ['REQUESTED', 'STARTED', 'SUSPENDED', 'COMPLETED', 'TERMINATED'] as const;
export type TransferState = (typeof transferStates)[number];

/** One transport-specific property (`authorization`, `authType`, …). */
export interface EndpointProperty {
  name: string;
  value: string;
}

/** Where data is pushed to (transfer request) or pulled from (transfer start). */
export interface DataAddress {
  endpointType: string;
  endpoint?: string;
  /** At least one when given. */
  endpointProperties?: EndpointProperty[];
}

export interface TransferRequestMessage extends Identified {
  type: 'TransferRequestMessage';
  consumerPid: string;
  agreementId: string;
  /** A `format` of one of the dataset's distributions (`HttpData-PULL`). */
  format: string;
  callbackAddress: string;
  /** Only for push transfers: where the provider pushes. */
  dataAddress?: DataAddress;
}

export interface TransferStartMessage extends Identified, Pids {
  type: 'TransferStartMessage';
  /** Required for pull transfers: where the consumer pulls from. */
  dataAddress?: DataAddress;
}

export interface TransferSuspensionMessage extends Identified, Pids {
  type: 'TransferSuspensionMessage';
  code?: string;
  reason?: Reason;
}

export interface TransferCompletionMessage extends Identified, Pids {
  type: 'TransferCompletionMessage';
}

export interface TransferTerminationMessage extends Identified, Pids {
  type: 'TransferTerminationMessage';
  code?: string;
  reason?: Reason;
}

/** The ACK: the transfer process as one side holds it. */
export interface TransferProcess extends Pids {
  type: 'TransferProcess';
  state: TransferState;
}

export interface TransferError extends Pids {
  type: 'TransferError';
  code?: string;
  reason?: Reason;
}

export type NegotiationMessage =
  | ContractRequestMessage
  | ContractOfferMessage
  | ContractAgreementMessage
  | ContractAgreementVerificationMessage
  | ContractNegotiationEventMessage
  | ContractNegotiationTerminationMessage;

export type TransferMessage = TransferRequestMessage | TransferStartMessage | TransferSuspensionMessage | TransferCompletionMessage | TransferTerminationMessage;

/** Every document `readDspMessage` reads and the builders write, by its `@type`. */
export interface DspMessageMap extends DspMessageMapCatalog {
  ContractRequestMessage: ContractRequestMessage;
  ContractOfferMessage: ContractOfferMessage;
  ContractAgreementMessage: ContractAgreementMessage;
  ContractAgreementVerificationMessage: ContractAgreementVerificationMessage;
  ContractNegotiationEventMessage: ContractNegotiationEventMessage;
  ContractNegotiationTerminationMessage: ContractNegotiationTerminationMessage;
  ContractNegotiation: ContractNegotiation;
  ContractNegotiationError: ContractNegotiationError;
  TransferRequestMessage: TransferRequestMessage;
  TransferStartMessage: TransferStartMessage;
  TransferSuspensionMessage: TransferSuspensionMessage;
  TransferCompletionMessage: TransferCompletionMessage;
  TransferTerminationMessage: TransferTerminationMessage;
  TransferProcess: TransferProcess;
  TransferError: TransferError;
}

export type DspMessageType = keyof DspMessageMap;
export type DspMessage = DspMessageMap[DspMessageType];

export const dspMessageTypes = [
  'CatalogRequestMessage',
  'DatasetRequestMessage',
  'Catalog',
  'Dataset',
  'CatalogError',
  'ContractRequestMessage',
  'ContractOfferMessage',
  'ContractAgreementMessage',
  'ContractAgreementVerificationMessage',
  'ContractNegotiationEventMessage',
  'ContractNegotiationTerminationMessage',
  'ContractNegotiation',
  'ContractNegotiationError',
  'TransferRequestMessage',
  'TransferStartMessage',
  'TransferSuspensionMessage',
  'TransferCompletionMessage',
  'TransferTerminationMessage',
  'TransferProcess',
  'TransferError',
  'VersionResponse',
  'DidService',
] as const satisfies readonly DspMessageType[];

// Fails to compile when a type of the map is missing from the list.
const _everyTypeListed: [Exclude<DspMessageType, (typeof dspMessageTypes)[number]>] extends [never] ? true : false = true;
