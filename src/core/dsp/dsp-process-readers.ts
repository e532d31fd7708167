import type { DspMessageMapCatalog } from './dsp-catalog-messages.js';
import type { DspJsonReader, Node } from './dsp-json-reader.js';
import {
  negotiationEventTypes,
  negotiationStates,
  transferStates,
  type ContractOfferMessage,
  type ContractRequestMessage,
  type DataAddress,
  type DspMessageMap,
  type EndpointProperty,
} from './dsp-messages.js';
import { readAgreement, readMessageOffer } from './dsp-policy-reader.js';

/**
 * Readers of the contract negotiation and transfer process documents, one per `@type`. Each
 * reads every member (so every problem is reported), then returns the typed value only if none
 * was found. `@context` and `@type` are checked before, by `readDspMessage`.
 */

type Reader<T extends keyof DspMessageMap> = (r: DspJsonReader, node: Node) => DspMessageMap[T] | undefined;

const ok = (r: DspJsonReader, before: number): boolean => r.problems.length === before;

const pids = (r: DspJsonReader, node: Node) => ({ providerPid: r.string(node, 'providerPid', '', true), consumerPid: r.string(node, 'consumerPid', '', true) });

/** A message with both pids and nothing else to read (verification, completion). */
const pidsOnly =
  <T extends 'ContractAgreementVerificationMessage' | 'TransferCompletionMessage'>(type: T): Reader<T> =>
  (r, node) => {
    const before = r.problems.length;
    const id = r.messageId(node, '');
    const { providerPid, consumerPid } = pids(r, node);
    if (!ok(r, before) || !providerPid || !consumerPid) return undefined;
    return { type, ...id, providerPid, consumerPid } as DspMessageMap[T];
  };

/** Pids plus DSP's optional `code` and `reason`: terminations, suspension, the two errors. */
const withCode =
  <T extends 'ContractNegotiationTerminationMessage' | 'TransferSuspensionMessage' | 'TransferTerminationMessage' | 'ContractNegotiationError' | 'TransferError'>(
    type: T,
  ): Reader<T> =>
  (r, node) => {
    const before = r.problems.length;
    const { providerPid, consumerPid } = pids(r, node);
    const rest = r.codeAndReason(node, '');
    const id = type.endsWith('Error') ? {} : r.messageId(node, '');
    if (!ok(r, before) || !providerPid || !consumerPid) return undefined;
    return { type, ...id, providerPid, consumerPid, ...rest } as DspMessageMap[T];
  };

/** The schemas' `oneOf`: exactly one of the callback address (initiating) and the other side's pid. */
function exactlyOne(r: DspJsonReader, node: Node, pid: 'providerPid' | 'consumerPid'): void {
  const has = (key: string) => Object.hasOwn(node, key);
  if (has(pid) && has('callbackAddress')) r.problem('/callbackAddress', `Give ${pid} (answering) or callbackAddress (initiating), not both`);
  if (!has(pid) && !has('callbackAddress')) r.problem('', `Give ${pid} (answering) or callbackAddress (initiating)`);
}

const contractRequest: Reader<'ContractRequestMessage'> = (r, node) => {
  const before = r.problems.length;
  const id = r.messageId(node, '');
  const consumerPid = r.string(node, 'consumerPid', '', true);
  const providerPid = r.string(node, 'providerPid', '', false);
  const callbackAddress = r.url(node, 'callbackAddress', '', false);
  exactlyOne(r, node, 'providerPid');
  const offer = Object.hasOwn(node, 'offer') ? readMessageOffer(r, node.offer, '/offer') : r.problem('/offer', 'offer is required');
  if (!ok(r, before) || !consumerPid || !offer) return undefined;
  const base = { type: 'ContractRequestMessage' as const, ...id, consumerPid, offer };
  return (providerPid ? { ...base, providerPid } : { ...base, callbackAddress }) as ContractRequestMessage;
};

const contractOffer: Reader<'ContractOfferMessage'> = (r, node) => {
  const before = r.problems.length;
  const id = r.messageId(node, '');
  const providerPid = r.string(node, 'providerPid', '', true);
  const consumerPid = r.string(node, 'consumerPid', '', false);
  const callbackAddress = r.url(node, 'callbackAddress', '', false);
  exactlyOne(r, node, 'consumerPid');
  const offer = Object.hasOwn(node, 'offer') ? readMessageOffer(r, node.offer, '/offer') : r.problem('/offer', 'offer is required');
  if (!ok(r, before) || !providerPid || !offer) return undefined;
  const base = { type: 'ContractOfferMessage' as const, ...id, providerPid, offer };
  return (consumerPid ? { ...base, consumerPid } : { ...base, callbackAddress }) as ContractOfferMessage;
};

const contractAgreement: Reader<'ContractAgreementMessage'> = (r, node) => {
  const before = r.problems.length;
  const id = r.messageId(node, '');
  const { providerPid, consumerPid } = pids(r, node);
  const agreement = Object.hasOwn(node, 'agreement') ? readAgreement(r, node.agreement, '/agreement') : r.problem('/agreement', 'agreement is required');
  if (!ok(r, before) || !providerPid || !consumerPid || !agreement) return undefined;
  return { type: 'ContractAgreementMessage', ...id, providerPid, consumerPid, agreement };
};

const negotiationEvent: Reader<'ContractNegotiationEventMessage'> = (r, node) => {
  const before = r.problems.length;
  const id = r.messageId(node, '');
  const { providerPid, consumerPid } = pids(r, node);
  const eventType = r.oneOf(node, 'eventType', '', negotiationEventTypes);
  if (!ok(r, before) || !providerPid || !consumerPid || !eventType) return undefined;
  return { type: 'ContractNegotiationEventMessage', ...id, providerPid, consumerPid, eventType };
};

const negotiation: Reader<'ContractNegotiation'> = (r, node) => {
  const before = r.problems.length;
  const { providerPid, consumerPid } = pids(r, node);
  const state = r.oneOf(node, 'state', '', negotiationStates);
  if (!ok(r, before) || !providerPid || !consumerPid || !state) return undefined;
  return { type: 'ContractNegotiation', providerPid, consumerPid, state };
};

function endpointProperty(r: DspJsonReader, value: unknown, pointer: string): EndpointProperty | undefined {
  const node = r.object(value, pointer, 'An endpoint property');
  if (!node) return undefined;
  r.type(node, pointer, 'EndpointProperty');
  const name = r.string(node, 'name', pointer, true);
  const v = r.string(node, 'value', pointer, true, { allowEmpty: true });
  return name !== undefined && v !== undefined ? { name, value: v } : undefined;
}

export function readDataAddress(r: DspJsonReader, value: unknown, pointer: string): DataAddress | undefined {
  const node = r.object(value, pointer, 'The dataAddress');
  if (!node) return undefined;
  r.type(node, pointer, 'DataAddress');
  const endpointType = r.string(node, 'endpointType', pointer, true);
  const endpoint = r.string(node, 'endpoint', pointer, false);
  const items = r.array(node, 'endpointProperties', pointer, { minItems: 1 });
  const endpointProperties = items?.map((item) => endpointProperty(r, item.value, item.pointer));
  if (!endpointType || endpointProperties?.some((p) => p === undefined)) return undefined;
  return {
    endpointType,
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(endpointProperties ? { endpointProperties: endpointProperties as EndpointProperty[] } : {}),
  };
}

const transferRequest: Reader<'TransferRequestMessage'> = (r, node) => {
  const before = r.problems.length;
  const id = r.messageId(node, '');
  const consumerPid = r.string(node, 'consumerPid', '', true);
  const agreementId = r.string(node, 'agreementId', '', true);
  const format = r.string(node, 'format', '', true);
  const callbackAddress = r.url(node, 'callbackAddress', '', true);
  const dataAddress = Object.hasOwn(node, 'dataAddress') ? readDataAddress(r, node.dataAddress, '/dataAddress') : undefined;
  if (!ok(r, before) || !consumerPid || !agreementId || !format || !callbackAddress) return undefined;
  return { type: 'TransferRequestMessage', ...id, consumerPid, agreementId, format, callbackAddress, ...(dataAddress ? { dataAddress } : {}) };
};

const transferStart: Reader<'TransferStartMessage'> = (r, node) => {
  const before = r.problems.length;
  const id = r.messageId(node, '');
  const { providerPid, consumerPid } = pids(r, node);
  const dataAddress = Object.hasOwn(node, 'dataAddress') ? readDataAddress(r, node.dataAddress, '/dataAddress') : undefined;
  if (!ok(r, before) || !providerPid || !consumerPid) return undefined;
  return { type: 'TransferStartMessage', ...id, providerPid, consumerPid, ...(dataAddress ? { dataAddress } : {}) };
};

const transferProcess: Reader<'TransferProcess'> = (r, node) => {
  const before = r.problems.length;
  const { providerPid, consumerPid } = pids(r, node);
  const state = r.oneOf(node, 'state', '', transferStates);
  if (!ok(r, before) || !providerPid || !consumerPid || !state) return undefined;
  return { type: 'TransferProcess', providerPid, consumerPid, state };
};

/** Every reader of this file, by the type it reads. */
export const processReaders: { [T in Exclude<keyof DspMessageMap, keyof DspMessageMapCatalog>]: Reader<T> } = {
  ContractRequestMessage: contractRequest,
  ContractOfferMessage: contractOffer,
  ContractAgreementMessage: contractAgreement,
  ContractAgreementVerificationMessage: pidsOnly('ContractAgreementVerificationMessage'),
  ContractNegotiationEventMessage: negotiationEvent,
  ContractNegotiationTerminationMessage: withCode('ContractNegotiationTerminationMessage'),
  ContractNegotiation: negotiation,
  ContractNegotiationError: withCode('ContractNegotiationError'),
  TransferRequestMessage: transferRequest,
  TransferStartMessage: transferStart,
  TransferSuspensionMessage: withCode('TransferSuspensionMessage'),
  TransferCompletionMessage: pidsOnly('TransferCompletionMessage'),
  TransferTerminationMessage: withCode('TransferTerminationMessage'),
  TransferProcess: transferProcess,
  TransferError: withCode('TransferError'),
};

