import { dspContextUrl } from '../metadata/dcat-context.js';
import { toDspOnlyJsonLd } from '../metadata/dsp-only-jsonld.js';
import { policyToJson } from '../policy/index.js';
import type { Catalog, Dataset } from './dsp-catalog-messages.js';
import type { DataAddress, DspMessage, DspMessageMap, Reason } from './dsp-messages.js';
import type { ProcessError } from './process-transition.js';

/**
 * DSP 2025-1 messages as compacted JSON-LD, exactly as the official JSON Schemas expect:
 * `@context` first (`["https://w3id.org/dspace/2025/1/context.jsonld"]`), then `@type`, the
 * message's own `@id` if it has one, and the members. Optional members are left out rather than
 * written empty (the schemas want at least one item wherever a list is given). Offers and
 * agreements are written by core/policy's `policyToJson`; a policy using our `tds:` terms has them
 * spelled as full IRIs (metadata/dsp-only-jsonld.ts), so the DSP context alone expands every
 * message: a peer never needs our context to read one.
 *
 * Catalogs and datasets are not built here: core/metadata writes them (`toDcatJsonLd`, profile
 * `dsp`) with their DCAT metadata.
 */

export type DspJson = { '@context'?: string[]; '@type'?: string } & Record<string, unknown>;

/** The messages the builders write: everything but catalogs and datasets. */
export type WritableDspMessage = Exclude<DspMessage, Catalog | Dataset>;

/** The members of a message without its `type` (each variant of a union kept apart). */
export type MessageFields<T> = T extends unknown ? Omit<T, 'type'> : never;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the JSON uses a term of ours (a `tds:` key or value), so the tds context must follow DSP's. */
const usesTdsTerms = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.startsWith('tds:')
    : Array.isArray(value)
      ? value.some(usesTdsTerms)
      : isRecord(value) && Object.entries(value).some(([key, v]) => key.startsWith('tds:') || usesTdsTerms(v));

const head = (type: string, id: string | undefined, ..._policies: unknown[]): DspJson => ({
  '@context': [dspContextUrl],
  '@type': type,
  ...(id ? { '@id': id } : {}),
});

const optional = <T>(name: string, value: T | undefined): Record<string, T> => (value === undefined ? {} : { [name]: value });

const codeAndReason = (m: { code?: string | undefined; reason?: Reason | undefined }) => ({
  ...optional('code', m.code),
  ...(m.reason?.length ? { reason: [...m.reason] } : {}),
});

export function dataAddressToJson(address: DataAddress): Record<string, unknown> {
  return {
    '@type': 'DataAddress',
    endpointType: address.endpointType,
    ...optional('endpoint', address.endpoint),
    ...(address.endpointProperties?.length
      ? { endpointProperties: address.endpointProperties.map((p) => ({ '@type': 'EndpointProperty', name: p.name, value: p.value })) }
      : {}),
  };
}

/** Any message as compacted JSON-LD under the DSP context alone. */
export function writeDspMessage(message: WritableDspMessage): DspJson {
  const json = writeCompacted(message);
  return usesTdsTerms(json) ? toDspOnlyJsonLd(json) : json;
}

function writeCompacted(message: WritableDspMessage): DspJson {
  switch (message.type) {
    case 'CatalogRequestMessage':
      return { ...head(message.type, undefined), ...optional('filter', message.filter && [...message.filter]) };
    case 'DatasetRequestMessage':
      return { ...head(message.type, undefined), dataset: message.dataset };
    case 'CatalogError':
      return { ...head(message.type, undefined), ...codeAndReason(message) };
    case 'ContractRequestMessage': {
      const offer = policyToJson(message.offer);
      return {
        ...head(message.type, message.id, offer),
        ...optional('providerPid', message.providerPid),
        consumerPid: message.consumerPid,
        offer,
        ...optional('callbackAddress', message.callbackAddress),
      };
    }
    case 'ContractOfferMessage': {
      const offer = policyToJson(message.offer);
      return {
        ...head(message.type, message.id, offer),
        providerPid: message.providerPid,
        ...optional('consumerPid', message.consumerPid),
        offer,
        ...optional('callbackAddress', message.callbackAddress),
      };
    }
    case 'ContractAgreementMessage': {
      const agreement = policyToJson(message.agreement);
      return { ...head(message.type, message.id, agreement), providerPid: message.providerPid, consumerPid: message.consumerPid, agreement };
    }
    case 'ContractAgreementVerificationMessage':
    case 'TransferCompletionMessage':
      return { ...head(message.type, message.id), providerPid: message.providerPid, consumerPid: message.consumerPid };
    case 'ContractNegotiationEventMessage':
      return { ...head(message.type, message.id), providerPid: message.providerPid, consumerPid: message.consumerPid, eventType: message.eventType };
    case 'ContractNegotiationTerminationMessage':
    case 'TransferSuspensionMessage':
    case 'TransferTerminationMessage':
      return { ...head(message.type, message.id), providerPid: message.providerPid, consumerPid: message.consumerPid, ...codeAndReason(message) };
    case 'ContractNegotiationError':
    case 'TransferError':
      return { ...head(message.type, undefined), providerPid: message.providerPid, consumerPid: message.consumerPid, ...codeAndReason(message) };
    case 'ContractNegotiation':
    case 'TransferProcess':
      return { ...head(message.type, undefined), providerPid: message.providerPid, consumerPid: message.consumerPid, state: message.state };
    case 'TransferRequestMessage':
      return {
        ...head(message.type, message.id),
        consumerPid: message.consumerPid,
        agreementId: message.agreementId,
        format: message.format,
        ...(message.dataAddress ? { dataAddress: dataAddressToJson(message.dataAddress) } : {}),
        callbackAddress: message.callbackAddress,
      };
    case 'TransferStartMessage':
      return {
        ...head(message.type, message.id),
        providerPid: message.providerPid,
        consumerPid: message.consumerPid,
        ...(message.dataAddress ? { dataAddress: dataAddressToJson(message.dataAddress) } : {}),
      };
    case 'VersionResponse':
      return { protocolVersions: message.protocolVersions.map((v) => ({ ...v, ...(v.auth ? { auth: { ...v.auth } } : {}) })) };
    case 'DidService':
      return { '@context': [dspContextUrl, 'https://www.w3.org/ns/did/v1'], id: message.id, type: message.serviceType, serviceEndpoint: message.serviceEndpoint };
  }
}

type Builder<T extends WritableDspMessage['type']> = (fields: MessageFields<DspMessageMap[T]>) => DspJson;
const builder =
  <T extends WritableDspMessage['type']>(type: T): Builder<T> =>
  (fields) =>
    writeDspMessage({ ...fields, type } as unknown as WritableDspMessage);

export const buildCatalogRequestMessage = builder('CatalogRequestMessage');
export const buildDatasetRequestMessage = builder('DatasetRequestMessage');
export const buildCatalogError = builder('CatalogError');
export const buildContractRequestMessage = builder('ContractRequestMessage');
export const buildContractOfferMessage = builder('ContractOfferMessage');
export const buildContractAgreementMessage = builder('ContractAgreementMessage');
export const buildContractAgreementVerificationMessage = builder('ContractAgreementVerificationMessage');
export const buildContractNegotiationEventMessage = builder('ContractNegotiationEventMessage');
export const buildContractNegotiationTerminationMessage = builder('ContractNegotiationTerminationMessage');
export const buildContractNegotiation = builder('ContractNegotiation');
export const buildContractNegotiationError = builder('ContractNegotiationError');
export const buildTransferRequestMessage = builder('TransferRequestMessage');
export const buildTransferStartMessage = builder('TransferStartMessage');
export const buildTransferSuspensionMessage = builder('TransferSuspensionMessage');
export const buildTransferCompletionMessage = builder('TransferCompletionMessage');
export const buildTransferTerminationMessage = builder('TransferTerminationMessage');
export const buildTransferProcess = builder('TransferProcess');
export const buildTransferError = builder('TransferError');
export const buildVersionResponse = builder('VersionResponse');
export const buildDidService = builder('DidService');

/** The error body for a refused transition: `{ code, reason: [reason] }` with the process's pids. */
export function processErrorJson(type: 'ContractNegotiationError' | 'TransferError', pids: { providerPid: string; consumerPid: string }, error: ProcessError): DspJson {
  return writeDspMessage({ type, ...pids, code: error.code, reason: [error.reason] });
}
