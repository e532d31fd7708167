import type { Side, TransferState } from './dsp-messages.js';
import { applyTransition, messageFingerprint, type Edge, type ProcessMachine, type TransitionResult } from './process-transition.js';

/**
 * The DSP 2025-1 transfer process state machine (数据传输), for both sides, as the protocol's
 * state diagram draws it: only the provider starts a requested transfer; after that either side
 * may suspend, resume (start), complete or terminate.
 */

export const transferMessageTypes = [
  'TransferRequestMessage',
  'TransferStartMessage',
  'TransferSuspensionMessage',
  'TransferCompletionMessage',
  'TransferTerminationMessage',
] as const;
export type TransferMessageType = (typeof transferMessageTypes)[number];

const consumer: readonly Side[] = ['consumer'];
const provider: readonly Side[] = ['provider'];
const either: readonly Side[] = ['consumer', 'provider'];

export const terminalTransferStates: readonly TransferState[] = ['COMPLETED', 'TERMINATED'];

/** Every allowed transition. `from: undefined` starts a transfer process. */
export const transferTransitions: readonly Edge<TransferState, TransferMessageType>[] = [
  { from: undefined, message: 'TransferRequestMessage', by: consumer, to: 'REQUESTED' },
  { from: 'REQUESTED', message: 'TransferStartMessage', by: provider, to: 'STARTED' },
  { from: 'REQUESTED', message: 'TransferTerminationMessage', by: either, to: 'TERMINATED' },
  { from: 'STARTED', message: 'TransferSuspensionMessage', by: either, to: 'SUSPENDED' },
  { from: 'STARTED', message: 'TransferCompletionMessage', by: either, to: 'COMPLETED' },
  { from: 'STARTED', message: 'TransferTerminationMessage', by: either, to: 'TERMINATED' },
  { from: 'SUSPENDED', message: 'TransferStartMessage', by: either, to: 'STARTED' },
  { from: 'SUSPENDED', message: 'TransferTerminationMessage', by: either, to: 'TERMINATED' },
];

const machine: ProcessMachine<TransferState, TransferMessageType> = {
  name: 'transfer process',
  terminal: terminalTransferStates,
  edges: transferTransitions,
};

/** What the state machine reads of a message; the typed transfer messages fit it. */
export interface TransferMessageRef {
  type: TransferMessageType;
  /** The message's own `@id`. */
  id?: string | undefined;
}

/** How this message is recognised when it comes again (see `messageFingerprint`). */
export function transferFingerprint(message: TransferMessageRef, sender: Side): string {
  return messageFingerprint(sender, message.type, { id: message.id });
}

/**
 * Whether `message` may move a transfer process in `state` (undefined: none exists yet), and
 * where to. `sender`, `role` and `last` as for `transitionNegotiation`.
 *
 * A TransferRequestMessage for a process that exists is always a replay, whatever its state:
 * DSP asks providers to be idempotent on the request's `consumerPid` (the caller finds the
 * process by the consumer's identity and consumerPid) and to answer it again, for instance with
 * a TransferStartMessage.
 */
export function transitionTransfer(state: TransferState | undefined, message: TransferMessageRef, sender: Side, role: Side, last?: string): TransitionResult<TransferState> {
  const fingerprint = transferFingerprint(message, sender);
  if (message.type === 'TransferRequestMessage' && sender === 'consumer' && state !== undefined) {
    return { ok: true, next: state, replay: true, fingerprint: last ?? fingerprint };
  }
  return applyTransition(machine, { state, kind: message.type, sender, role, fingerprint, last });
}
