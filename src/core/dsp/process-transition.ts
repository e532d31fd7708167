import type { Side } from './dsp-messages.js';

/**
 * What the two DSP state machines share: the shape of a transition table, the one algorithm that
 * applies it, and how a retried message is told from a new one. Pure: the caller loads the
 * process, passes its state and the fingerprint of the message that produced it, and stores what
 * comes back.
 */

/**
 * A refused message, ready to go into a ContractNegotiationError or TransferError (`reason` is
 * one item of its `reason` array). The code is the one the HTTPS binding prescribes: `400` for a
 * state transition the protocol does not allow (out of order, wrong sender, terminal state),
 * `404` for a message about a process that does not exist.
 */
export interface ProcessError {
  code: '400' | '404';
  reason: string;
}

/**
 * `next` is the state after the message. `replay` is true when the message is a retry of the one
 * that produced the current state: nothing changes, answer as before (the ACK with the process).
 * `fingerprint` identifies the message that produced `next`: store it with the state and pass it
 * back as `last` with the next message.
 */
export type TransitionResult<S extends string> =
  | { ok: true; next: S; replay: boolean; fingerprint: string }
  | { ok: false; error: ProcessError };

/** One allowed transition: in state `from` (undefined: no process yet), `message` sent by one of `by` leads to `to`. */
export interface Edge<S extends string, K extends string> {
  from: S | undefined;
  message: K;
  by: readonly Side[];
  to: S;
}

export interface ProcessMachine<S extends string, K extends string> {
  /** `contract negotiation`, `transfer process`: words the reasons. */
  name: string;
  terminal: readonly S[];
  edges: readonly Edge<S, K>[];
}

/**
 * How a message is told apart from another: its sender and kind, then its own `@id` when it has
 * one (peers keep it on a retry), else the `@id` of the offer or agreement it carries (DSP
 * requires every offer and agreement to have a unique one). `consumer ContractRequestMessage
 * policy=urn:uuid:…`.
 */
export function messageFingerprint(sender: Side, kind: string, ids: { id?: string | undefined; policyId?: string | undefined } = {}): string {
  const identity = ids.id ? ` @id=${ids.id}` : ids.policyId ? ` policy=${ids.policyId}` : '';
  return `${sender} ${kind}${identity}`;
}

export interface TransitionInput<S extends string, K extends string> {
  state: S | undefined;
  kind: K;
  sender: Side;
  role: Side;
  fingerprint: string;
  last: string | undefined;
  /**
   * true: the message is in its initiating form (it has a callbackAddress and does not name the
   * other side's process); false: it names the other side's process; undefined: not applicable.
   */
  initiating?: boolean | undefined;
}

export const refuse = (code: ProcessError['code'], reason: string): { ok: false; error: ProcessError } => ({ ok: false, error: { code, reason } });

const sendersOf = <S extends string, K extends string>(machine: ProcessMachine<S, K>, kind: K): Side[] =>
  (['consumer', 'provider'] as const).filter((side) => machine.edges.some((e) => e.message === kind && e.by.includes(side)));

const targetOf = <S extends string, K extends string>(machine: ProcessMachine<S, K>, kind: K): S | undefined => machine.edges.find((e) => e.message === kind)?.to;

const describe = (edges: readonly Edge<string, string>[]): string =>
  edges.length ? edges.map((e) => `${e.message} from the ${e.by.join(' or ')}`).join('; ') : 'nothing';

/**
 * Applies `machine` in this order: a message its sender may never send → 400; no process yet →
 * only a starting message in its initiating form, else 404; a retry of the message that produced
 * the current state → replay; a terminal state → 400; an initiating message for an existing
 * process → 400; then the table → `to`, or 400 naming what the state takes.
 */
export function applyTransition<S extends string, K extends string>(machine: ProcessMachine<S, K>, input: TransitionInput<S, K>): TransitionResult<S> {
  const { state, kind, sender, role, fingerprint, last } = input;
  const senders = sendersOf(machine, kind);
  if (!senders.includes(sender)) return refuse('400', `${kind} is sent by the ${senders.join(' or ')} only, not by the ${sender}`);
  if (state === undefined) {
    const starters = machine.edges.filter((e) => e.from === undefined);
    const edge = starters.find((e) => e.message === kind && e.by.includes(sender));
    if (edge && input.initiating !== false) return { ok: true, next: edge.to, replay: false, fingerprint };
    return refuse('404', `No such ${machine.name} at the ${role}: only ${describe(starters)} start one, without the other side's pid`);
  }
  if (last !== undefined && fingerprint === last && targetOf(machine, kind) === state) return { ok: true, next: state, replay: true, fingerprint };
  if (machine.terminal.includes(state)) return refuse('400', `The ${machine.name} is ${state}, a terminal state: it takes no ${kind}`);
  if (input.initiating === true) return refuse('400', `An initiating ${kind} (with a callbackAddress) cannot continue an existing ${machine.name} (${state})`);
  const edge = machine.edges.find((e) => e.from === state && e.message === kind && e.by.includes(sender));
  if (edge) return { ok: true, next: edge.to, replay: false, fingerprint };
  const allowed = machine.edges.filter((e) => e.from === state);
  return refuse('400', `A ${machine.name} in state ${state} does not take ${kind} from the ${sender}; it takes ${describe(allowed)}`);
}
