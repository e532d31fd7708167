import type { DspMessage, DspMessageType, NegotiationEventType, Side } from './dsp-messages.js';

/**
 * The DSP 2025-1 HTTPS binding: which side serves which path for which message. Paths use the
 * `:param` form Fastify routes take. Where a path is resolved (`base`):
 * - `base`: the serving connector's DSP base, the root URL plus the `path` its version metadata
 *   (`GET <root>/.well-known/dspace-version`) gives for 2025-1;
 * - `callback`: the `callbackAddress` the other side sent in its initiating message (the
 *   consumer's callback paths, and the provider's in a provider-initiated negotiation: the
 *   binding spells them `/:callback/negotiations/…`, the `:callback` prefix being the address).
 *
 * `status` is the binding's success status: 201 with the process (ACK) for a message that
 * creates one, 200 otherwise. `response` is the body the binding defines (the ACK or the
 * resource); for the other POSTs "the response body is not specified". `error` is the body of a
 * 4xx: a refused state transition is 400, an unknown or hidden process 404.
 */

export type HttpMethod = 'GET' | 'POST';

export interface DspEndpoint {
  protocol: 'catalog' | 'negotiation' | 'transfer';
  /** The side that serves the endpoint, and receives the message. */
  role: Side;
  method: HttpMethod;
  path: string;
  base: 'base' | 'callback';
  /**
   * For a POST, the `@type` of its body. For a GET, what it stands for: `DatasetRequestMessage`
   * (the binding turns it into `GET /catalog/datasets/:id`), or the process it reads.
   */
  message: DspMessageType;
  /** The event message's endpoint by event type: ACCEPTED to the provider, FINALIZED to the consumer. */
  eventType?: NegotiationEventType;
  /** For the messages that can start a process: whether this endpoint takes the initiating form. */
  initiating?: boolean;
  status: 200 | 201;
  response?: DspMessageType;
  error: 'CatalogError' | 'ContractNegotiationError' | 'TransferError';
}

/** The version metadata, relative to the root URL (not the DSP base); unversioned and unauthenticated. */
export const dspVersionPath = '/.well-known/dspace-version';

const catalog = { protocol: 'catalog', role: 'provider', base: 'base', status: 200, error: 'CatalogError' } as const;
const cn = { protocol: 'negotiation', error: 'ContractNegotiationError', status: 200 } as const;
const tp = { protocol: 'transfer', error: 'TransferError', status: 200 } as const;
const cnProvider = { ...cn, role: 'provider', base: 'base', method: 'POST' } as const;
const cnConsumer = { ...cn, role: 'consumer', base: 'callback', method: 'POST' } as const;
const tpProvider = { ...tp, role: 'provider', base: 'base', method: 'POST' } as const;
const tpConsumer = { ...tp, role: 'consumer', base: 'callback', method: 'POST' } as const;

/** Every endpoint of the binding. */
export const dspEndpoints: readonly DspEndpoint[] = [
  { ...catalog, method: 'POST', path: '/catalog/request', message: 'CatalogRequestMessage', response: 'Catalog' },
  { ...catalog, method: 'GET', path: '/catalog/datasets/:id', message: 'DatasetRequestMessage', response: 'Dataset' },

  { ...cnProvider, method: 'GET', path: '/negotiations/:providerPid', message: 'ContractNegotiation', response: 'ContractNegotiation' },
  { ...cnProvider, path: '/negotiations/request', message: 'ContractRequestMessage', initiating: true, status: 201, response: 'ContractNegotiation' },
  { ...cnProvider, path: '/negotiations/:providerPid/request', message: 'ContractRequestMessage', initiating: false },
  { ...cnProvider, path: '/negotiations/:providerPid/events', message: 'ContractNegotiationEventMessage', eventType: 'ACCEPTED' },
  { ...cnProvider, path: '/negotiations/:providerPid/agreement/verification', message: 'ContractAgreementVerificationMessage' },
  { ...cnProvider, path: '/negotiations/:providerPid/termination', message: 'ContractNegotiationTerminationMessage' },

  { ...cnConsumer, method: 'GET', path: '/negotiations/:consumerPid', message: 'ContractNegotiation', response: 'ContractNegotiation' },
  // No negotiation, hence no callback address yet: the provider posts to the consumer's DSP base.
  { ...cnConsumer, base: 'base', path: '/negotiations/offers', message: 'ContractOfferMessage', initiating: true, status: 201, response: 'ContractNegotiation' },
  { ...cnConsumer, path: '/negotiations/:consumerPid/offers', message: 'ContractOfferMessage', initiating: false },
  { ...cnConsumer, path: '/negotiations/:consumerPid/agreement', message: 'ContractAgreementMessage' },
  { ...cnConsumer, path: '/negotiations/:consumerPid/events', message: 'ContractNegotiationEventMessage', eventType: 'FINALIZED' },
  { ...cnConsumer, path: '/negotiations/:consumerPid/termination', message: 'ContractNegotiationTerminationMessage' },

  { ...tpProvider, method: 'GET', path: '/transfers/:providerPid', message: 'TransferProcess', response: 'TransferProcess' },
  { ...tpProvider, path: '/transfers/request', message: 'TransferRequestMessage', initiating: true, status: 201, response: 'TransferProcess' },
  { ...tpProvider, path: '/transfers/:providerPid/start', message: 'TransferStartMessage' },
  { ...tpProvider, path: '/transfers/:providerPid/completion', message: 'TransferCompletionMessage' },
  { ...tpProvider, path: '/transfers/:providerPid/termination', message: 'TransferTerminationMessage' },
  { ...tpProvider, path: '/transfers/:providerPid/suspension', message: 'TransferSuspensionMessage' },

  { ...tpConsumer, path: '/transfers/:consumerPid/start', message: 'TransferStartMessage' },
  { ...tpConsumer, path: '/transfers/:consumerPid/completion', message: 'TransferCompletionMessage' },
  { ...tpConsumer, path: '/transfers/:consumerPid/termination', message: 'TransferTerminationMessage' },
  { ...tpConsumer, path: '/transfers/:consumerPid/suspension', message: 'TransferSuspensionMessage' },
];

/**
 * The endpoint at which `role` receives `message`. `initiating` tells the two forms of a contract
 * request or offer apart; `eventType`, the two events. Undefined: `role` does not receive it.
 */
export function dspEndpointFor(role: Side, message: DspMessageType, options: { initiating?: boolean; eventType?: NegotiationEventType } = {}): DspEndpoint | undefined {
  return dspEndpoints.find(
    (e) =>
      e.role === role &&
      e.message === message &&
      (e.initiating === undefined || e.initiating === (options.initiating ?? false)) &&
      (e.eventType === undefined || e.eventType === options.eventType),
  );
}

/**
 * Where `message` goes when `to` receives it, with the path's parameter filled in: the provider's
 * pid on the provider, the consumer's pid on the consumer (`/negotiations/urn%3Auuid%3A…/events`).
 */
export function dspTargetOf(to: Side, message: DspMessage): { endpoint: DspEndpoint; path: string } | undefined {
  const initiating = 'callbackAddress' in message && message.callbackAddress !== undefined;
  const eventType = message.type === 'ContractNegotiationEventMessage' ? message.eventType : undefined;
  const endpoint = dspEndpointFor(to, message.type, { initiating, ...(eventType ? { eventType } : {}) });
  if (!endpoint) return undefined;
  const params: Record<string, string | undefined> = {
    providerPid: 'providerPid' in message ? message.providerPid : undefined,
    consumerPid: 'consumerPid' in message ? message.consumerPid : undefined,
    id: message.type === 'DatasetRequestMessage' ? message.dataset : undefined,
  };
  return { endpoint, path: resolveDspPath(endpoint.path, params) };
}

/** Fills `:name` parameters, each URL-encoded. A missing one is a caller's bug, and throws. */
export function resolveDspPath(path: string, params: Readonly<Record<string, string | undefined>>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (!value) throw new Error(`resolveDspPath: no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}

/** `base` (a DSP base or a callbackAddress) joined with a resolved path, with or without the base's trailing `/`. */
export const dspUrl = (base: string, path: string): string => `${base.replace(/\/+$/, '')}${path}`;
