import { negotiationStates, type NegotiationEventType, type NegotiationState, type Side } from './dsp-messages.js';
import { applyTransition, messageFingerprint, refuse, type Edge, type ProcessMachine, type TransitionResult } from './process-transition.js';

/**
 * The DSP 2025-1 contract negotiation state machine (合约协商), for both sides: DSP keeps one
 * state that provider and consumer share, and each moves it when the other acknowledges a
 * message, so one table serves the provider's record and the consumer's. Source: the protocol's
 * state diagram and message sections; where they differ, README "Where the spec is ambiguous".
 */

/** A message as the state machine tells it: the event message counts as two, by its eventType. */
export const negotiationMessageKinds = [
  'ContractRequestMessage',
  'ContractOfferMessage',
  'ContractNegotiationEventMessage:ACCEPTED',
  'ContractAgreementMessage',
  'ContractAgreementVerificationMessage',
  'ContractNegotiationEventMessage:FINALIZED',
  'ContractNegotiationTerminationMessage',
] as const;
export type NegotiationMessageKind = (typeof negotiationMessageKinds)[number];

const consumer: readonly Side[] = ['consumer'];
const provider: readonly Side[] = ['provider'];
const either: readonly Side[] = ['consumer', 'provider'];

export const terminalNegotiationStates: readonly NegotiationState[] = ['FINALIZED', 'TERMINATED'];

/** Every allowed transition. `from: undefined` starts a negotiation. */
export const negotiationTransitions: readonly Edge<NegotiationState, NegotiationMessageKind>[] = [
  { from: undefined, message: 'ContractRequestMessage', by: consumer, to: 'REQUESTED' },
  { from: undefined, message: 'ContractOfferMessage', by: provider, to: 'OFFERED' },
  { from: 'REQUESTED', message: 'ContractOfferMessage', by: provider, to: 'OFFERED' },
  { from: 'REQUESTED', message: 'ContractAgreementMessage', by: provider, to: 'AGREED' },
  { from: 'OFFERED', message: 'ContractRequestMessage', by: consumer, to: 'REQUESTED' },
  { from: 'OFFERED', message: 'ContractNegotiationEventMessage:ACCEPTED', by: consumer, to: 'ACCEPTED' },
  { from: 'ACCEPTED', message: 'ContractAgreementMessage', by: provider, to: 'AGREED' },
  { from: 'AGREED', message: 'ContractAgreementVerificationMessage', by: consumer, to: 'VERIFIED' },
  { from: 'VERIFIED', message: 'ContractNegotiationEventMessage:FINALIZED', by: provider, to: 'FINALIZED' },
  // "The message MAY be sent at any state of a Contract Negotiation", by either party.
  ...negotiationStates
    .filter((state) => !terminalNegotiationStates.includes(state))
    .map((from) => ({ from, message: 'ContractNegotiationTerminationMessage' as const, by: either, to: 'TERMINATED' as const })),
];

const machine: ProcessMachine<NegotiationState, NegotiationMessageKind> = {
  name: 'contract negotiation',
  terminal: terminalNegotiationStates,
  edges: negotiationTransitions,
};

/**
 * What the state machine reads of a message. The typed messages `readDspMessage` returns fit it;
 * a bare `{ type }` (with `eventType` for the event message) is enough for the table.
 */
export interface NegotiationMessageRef {
  type:
    | 'ContractRequestMessage'
    | 'ContractOfferMessage'
    | 'ContractAgreementMessage'
    | 'ContractAgreementVerificationMessage'
    | 'ContractNegotiationEventMessage'
    | 'ContractNegotiationTerminationMessage';
  eventType?: NegotiationEventType | undefined;
  /** The message's own `@id`. */
  id?: string | undefined;
  providerPid?: string | undefined;
  consumerPid?: string | undefined;
  callbackAddress?: string | undefined;
  offer?: { uid: string } | undefined;
  agreement?: { uid: string } | undefined;
}

/** The kind of a message; undefined for an event message without a known eventType. */
export function negotiationMessageKind(message: NegotiationMessageRef): NegotiationMessageKind | undefined {
  if (message.type !== 'ContractNegotiationEventMessage') return message.type;
  return message.eventType === 'ACCEPTED' || message.eventType === 'FINALIZED' ? `ContractNegotiationEventMessage:${message.eventType}` : undefined;
}

/** How this message is recognised when it comes again (see `messageFingerprint`). */
export function negotiationFingerprint(message: NegotiationMessageRef, sender: Side): string {
  return messageFingerprint(sender, negotiationMessageKind(message) ?? message.type, { id: message.id, policyId: message.offer?.uid ?? message.agreement?.uid });
}

/**
 * Whether `message` may move a negotiation in `state` (undefined: none exists yet), and where to.
 *
 * - `sender`: who sent the message. `role`: whose record this is. A side applies the other's
 *   message when it receives it, and its own once the other acknowledged it; the table is the
 *   same, since DSP keeps one shared state.
 * - `last`: the fingerprint the previous transition returned. With it, the same message again in
 *   the state it produced is a replay (a no-op success). Without it no retry is recognised.
 * - An initiating request or offer (with a callbackAddress) starts a negotiation; one that names
 *   the other side's pid while none exists gets 404; one for an existing negotiation gets 400
 *   unless it is a replay.
 *
 * Failure: `{ code: '400' | '404', reason }` for the ContractNegotiationError the HTTPS binding
 * requires. Success: `{ next, replay, fingerprint }`.
 */
export function transitionNegotiation(
  state: NegotiationState | undefined,
  message: NegotiationMessageRef,
  sender: Side,
  role: Side,
  last?: string,
): TransitionResult<NegotiationState> {
  const kind = negotiationMessageKind(message);
  if (!kind) return refuse('400', `ContractNegotiationEventMessage needs an eventType of ACCEPTED or FINALIZED (got ${String(message.eventType)})`);
  const otherPid = message.type === 'ContractRequestMessage' ? message.providerPid : message.type === 'ContractOfferMessage' ? message.consumerPid : undefined;
  const starting = kind === 'ContractRequestMessage' || kind === 'ContractOfferMessage';
  const initiating = !starting ? undefined : otherPid !== undefined ? false : message.callbackAddress !== undefined ? true : undefined;
  return applyTransition(machine, { state, kind, sender, role, fingerprint: negotiationFingerprint(message, sender), last, initiating });
}
