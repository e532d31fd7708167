import { describe, expect, it } from 'vitest';
import { negotiationStates, sides, type NegotiationState, type Side } from './dsp-messages.js';
import { aCounterRequest, anAgreementMessage, anInitialRequest, anOfferMessage, pids } from './fixtures/dsp-fixtures.js';
import {
  negotiationFingerprint,
  negotiationMessageKinds,
  negotiationTransitions,
  transitionNegotiation,
  type NegotiationMessageKind,
  type NegotiationMessageRef,
} from './negotiation-state-machine.js';

// Written from the DSP 2025-1 contract negotiation diagram and message sections, independently of
// the table in the code: C = sent by the consumer, P = by the provider. Termination: either party,
// in any state but the two terminal ones (protocol text; README on the diagram's narrower arrows).
type Row = Partial<Record<NegotiationMessageKind, { C?: NegotiationState; P?: NegotiationState }>>;
const end = { C: 'TERMINATED', P: 'TERMINATED' } as const;
const expected: Record<NegotiationState | 'NEW', Row> = {
  NEW: { ContractRequestMessage: { C: 'REQUESTED' }, ContractOfferMessage: { P: 'OFFERED' } },
  REQUESTED: { ContractOfferMessage: { P: 'OFFERED' }, ContractAgreementMessage: { P: 'AGREED' }, ContractNegotiationTerminationMessage: end },
  OFFERED: { ContractRequestMessage: { C: 'REQUESTED' }, 'ContractNegotiationEventMessage:ACCEPTED': { C: 'ACCEPTED' }, ContractNegotiationTerminationMessage: end },
  ACCEPTED: { ContractAgreementMessage: { P: 'AGREED' }, ContractNegotiationTerminationMessage: end },
  AGREED: { ContractAgreementVerificationMessage: { C: 'VERIFIED' }, ContractNegotiationTerminationMessage: end },
  VERIFIED: { 'ContractNegotiationEventMessage:FINALIZED': { P: 'FINALIZED' }, ContractNegotiationTerminationMessage: end },
  FINALIZED: {},
  TERMINATED: {},
};

/** Who may send each message at all (the spec's "Sent by"). */
const senders: Record<NegotiationMessageKind, Side[]> = {
  ContractRequestMessage: ['consumer'],
  ContractOfferMessage: ['provider'],
  'ContractNegotiationEventMessage:ACCEPTED': ['consumer'],
  ContractAgreementMessage: ['provider'],
  ContractAgreementVerificationMessage: ['consumer'],
  'ContractNegotiationEventMessage:FINALIZED': ['provider'],
  ContractNegotiationTerminationMessage: ['consumer', 'provider'],
};

const refOf = (kind: NegotiationMessageKind): NegotiationMessageRef => {
  const [type, eventType] = kind.split(':') as [NegotiationMessageRef['type'], 'ACCEPTED' | 'FINALIZED' | undefined];
  return eventType ? { type, eventType } : { type };
};

const cases = (['NEW', ...negotiationStates] as const).flatMap((from) =>
  negotiationMessageKinds.flatMap((kind) =>
    sides.flatMap((sender) =>
      sides.map((role) => {
        const to = expected[from][kind]?.[sender === 'consumer' ? 'C' : 'P'];
        const code = to ? undefined : !senders[kind].includes(sender) ? '400' : from === 'NEW' ? '404' : '400';
        return { from, kind, sender, role, to, code };
      }),
    ),
  ),
);

describe('transitionNegotiation: every state × message × sender × role', () => {
  it('covers 8 states (with none yet) × 7 messages × 2 senders × 2 roles', () => {
    expect(cases).toHaveLength(224);
    expect(cases.filter((c) => c.to)).toHaveLength(2 * (2 + 4 + 4 + 3 + 3 + 3));
  });

  it.each(cases)('$from + $kind from the $sender at the $role → $to$code', ({ from, kind, sender, role, to, code }) => {
    const result = transitionNegotiation(from === 'NEW' ? undefined : from, refOf(kind), sender, role);
    if (to) expect(result).toMatchObject({ ok: true, next: to, replay: false });
    else expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('the exported table is the same as the expected one, edge for edge', () => {
    const fromTable = negotiationTransitions.flatMap((e) => e.by.map((by) => `${e.from ?? 'NEW'} ${e.message} ${by} → ${e.to}`)).sort();
    const fromSpec = cases.filter((c) => c.to && c.role === 'provider').map((c) => `${c.from} ${c.kind} ${c.sender} → ${c.to}`).sort();
    expect(fromTable).toEqual(fromSpec);
  });

  it('says why it refuses', () => {
    expect(transitionNegotiation('OFFERED', { type: 'ContractAgreementMessage' }, 'provider', 'consumer')).toEqual({
      ok: false,
      error: {
        code: '400',
        reason:
          'A contract negotiation in state OFFERED does not take ContractAgreementMessage from the provider; it takes ContractRequestMessage from the consumer; ContractNegotiationEventMessage:ACCEPTED from the consumer; ContractNegotiationTerminationMessage from the consumer or provider',
      },
    });
    expect(transitionNegotiation('VERIFIED', { type: 'ContractNegotiationEventMessage', eventType: 'FINALIZED' }, 'consumer', 'provider')).toMatchObject({
      error: { code: '400', reason: 'ContractNegotiationEventMessage:FINALIZED is sent by the provider only, not by the consumer' },
    });
    expect(transitionNegotiation('FINALIZED', { type: 'ContractNegotiationTerminationMessage' }, 'consumer', 'provider')).toMatchObject({
      error: { code: '400', reason: 'The contract negotiation is FINALIZED, a terminal state: it takes no ContractNegotiationTerminationMessage' },
    });
  });

  it('refuses an event message without a known eventType', () => {
    const result = transitionNegotiation('OFFERED', { type: 'ContractNegotiationEventMessage' }, 'consumer', 'provider');
    expect(result).toMatchObject({ ok: false, error: { code: '400' } });
  });
});

describe('the pids and the initiating form', () => {
  it('starts a negotiation from an initiating request or offer', () => {
    expect(transitionNegotiation(undefined, anInitialRequest(), 'consumer', 'provider')).toMatchObject({ ok: true, next: 'REQUESTED' });
    const initialOffer = anOfferMessage({ consumerPid: undefined, callbackAddress: 'https://provider.example/cb' });
    expect(transitionNegotiation(undefined, initialOffer, 'provider', 'consumer')).toMatchObject({ ok: true, next: 'OFFERED' });
  });

  it('answers 404 to a message naming the other side’s pid when no negotiation exists', () => {
    expect(transitionNegotiation(undefined, aCounterRequest(), 'consumer', 'provider')).toMatchObject({ ok: false, error: { code: '404' } });
    expect(transitionNegotiation(undefined, anOfferMessage(), 'provider', 'consumer')).toMatchObject({ ok: false, error: { code: '404' } });
    expect(transitionNegotiation(undefined, { type: 'ContractAgreementVerificationMessage', ...pids }, 'consumer', 'provider')).toMatchObject({ error: { code: '404' } });
  });

  it('refuses an initiating request for a negotiation that exists (unless it is the same request again)', () => {
    const first = anInitialRequest();
    const started = transitionNegotiation(undefined, first, 'consumer', 'provider');
    if (!started.ok) throw new Error('not started');
    expect(transitionNegotiation('OFFERED', anInitialRequest({ offer: { ...first.offer, uid: 'urn:uuid:other' } }), 'consumer', 'provider', started.fingerprint)).toMatchObject({
      ok: false,
      error: { code: '400' },
    });
    expect(transitionNegotiation('REQUESTED', first, 'consumer', 'provider', started.fingerprint)).toMatchObject({ ok: true, next: 'REQUESTED', replay: true });
  });
});

describe('idempotent retries', () => {
  /** Runs messages through the provider's record, keeping the fingerprint as a store would. */
  function run(steps: Array<[NegotiationMessageRef, Side]>) {
    let state: NegotiationState | undefined;
    let last: string | undefined;
    return steps.map(([message, sender]) => {
      const result = transitionNegotiation(state, message, sender, 'provider', last);
      if (result.ok) [state, last] = [result.next, result.fingerprint];
      return result;
    });
  }

  it('takes the same message again, in the state it produced, as a no-op success', () => {
    const request = aCounterRequest();
    const results = run([
      [anInitialRequest(), 'consumer'],
      [anOfferMessage(), 'provider'],
      [request, 'consumer'],
      [request, 'consumer'],
    ]);
    expect(results.map((r) => (r.ok ? `${r.next}${r.replay ? ' (replay)' : ''}` : r.error.code))).toEqual(['REQUESTED', 'OFFERED', 'REQUESTED', 'REQUESTED (replay)']);
  });

  it('recognises a retry by the message’s own @id when it has one; a new @id is a new message (DSP TCK CN:03-04)', () => {
    const counter = aCounterRequest({ id: 'urn:uuid:msg-1' });
    const same = run([[anInitialRequest(), 'consumer'], [anOfferMessage(), 'provider'], [counter, 'consumer'], [{ ...counter }, 'consumer']]);
    expect(same[3]).toMatchObject({ ok: true, replay: true });
    const again = run([[anInitialRequest(), 'consumer'], [anOfferMessage(), 'provider'], [counter, 'consumer'], [{ ...counter, id: 'urn:uuid:msg-2' }, 'consumer']]);
    expect(again[3]).toMatchObject({ ok: false, error: { code: '400' } });
  });

  it('tells a counter-request with another offer from a retry', () => {
    const results = run([[anInitialRequest(), 'consumer'], [anOfferMessage(), 'provider'], [aCounterRequest(), 'consumer'], [aCounterRequest({ offer: { ...aCounterRequest().offer, uid: 'urn:uuid:offer-9' } }), 'consumer']]);
    expect(results[3]).toMatchObject({ ok: false, error: { code: '400' } });
  });

  it('replays agreement, verification, finalization and termination', () => {
    const accepted = { type: 'ContractNegotiationEventMessage', eventType: 'ACCEPTED', ...pids } as const;
    const verification = { type: 'ContractAgreementVerificationMessage', ...pids } as const;
    const finalized = { type: 'ContractNegotiationEventMessage', eventType: 'FINALIZED', ...pids } as const;
    const steps: Array<[NegotiationMessageRef, Side]> = [
      [anInitialRequest(), 'consumer'],
      [anOfferMessage(), 'provider'],
      [accepted, 'consumer'],
      [accepted, 'consumer'],
      [anAgreementMessage(), 'provider'],
      [anAgreementMessage(), 'provider'],
      [verification, 'consumer'],
      [verification, 'consumer'],
      [finalized, 'provider'],
      [finalized, 'provider'],
    ];
    expect(run(steps).map((r) => r.ok && r.replay)).toEqual([false, false, false, true, false, true, false, true, false, true]);
  });

  it('replays a termination from the same side; the other side’s crossing termination gets 400', () => {
    const termination = { type: 'ContractNegotiationTerminationMessage', ...pids } as const;
    const results = run([[anInitialRequest(), 'consumer'], [termination, 'consumer'], [termination, 'consumer'], [termination, 'provider']]);
    expect(results.map((r) => (r.ok ? r.replay : r.error.code))).toEqual([false, false, true, '400']);
  });

  it('recognises no retry without the last fingerprint', () => {
    expect(transitionNegotiation('REQUESTED', aCounterRequest(), 'consumer', 'provider')).toMatchObject({ ok: false, error: { code: '400' } });
  });

  it('fingerprints by sender, kind and message or policy @id', () => {
    expect(negotiationFingerprint(aCounterRequest(), 'consumer')).toBe('consumer ContractRequestMessage policy=urn:uuid:offer-2');
    expect(negotiationFingerprint(aCounterRequest({ id: 'urn:uuid:m' }), 'consumer')).toBe('consumer ContractRequestMessage @id=urn:uuid:m');
    expect(negotiationFingerprint({ type: 'ContractNegotiationEventMessage', eventType: 'ACCEPTED' }, 'consumer')).toBe('consumer ContractNegotiationEventMessage:ACCEPTED');
  });
});
