import { describe, expect, it } from 'vitest';
import { sides, transferStates, type Side, type TransferState } from './dsp-messages.js';
import { aTransferRequest, aTransferStart, pids } from './fixtures/dsp-fixtures.js';
import { transferMessageTypes, transferTransitions, transitionTransfer, type TransferMessageRef, type TransferMessageType } from './transfer-state-machine.js';

// Written from the DSP 2025-1 transfer process diagram, independently of the table in the code:
// C = sent by the consumer, P = by the provider. Only the provider starts a requested transfer;
// either side suspends, resumes (start), completes and terminates.
type Row = Partial<Record<TransferMessageType, { C?: TransferState; P?: TransferState }>>;
const both = (to: TransferState) => ({ C: to, P: to });
const expected: Record<TransferState | 'NEW', Row> = {
  NEW: { TransferRequestMessage: { C: 'REQUESTED' } },
  REQUESTED: { TransferStartMessage: { P: 'STARTED' }, TransferTerminationMessage: both('TERMINATED') },
  STARTED: { TransferSuspensionMessage: both('SUSPENDED'), TransferCompletionMessage: both('COMPLETED'), TransferTerminationMessage: both('TERMINATED') },
  SUSPENDED: { TransferStartMessage: both('STARTED'), TransferTerminationMessage: both('TERMINATED') },
  COMPLETED: {},
  TERMINATED: {},
};
const senders: Record<TransferMessageType, Side[]> = {
  TransferRequestMessage: ['consumer'],
  TransferStartMessage: ['consumer', 'provider'],
  TransferSuspensionMessage: ['consumer', 'provider'],
  TransferCompletionMessage: ['consumer', 'provider'],
  TransferTerminationMessage: ['consumer', 'provider'],
};

const cases = (['NEW', ...transferStates] as const).flatMap((from) =>
  transferMessageTypes.flatMap((type) =>
    sides.flatMap((sender) =>
      sides.map((role) => {
        const to = expected[from][type]?.[sender === 'consumer' ? 'C' : 'P'];
        // A repeated transfer request is idempotent on its consumerPid, in any state (spec).
        const replay = from !== 'NEW' && type === 'TransferRequestMessage' && sender === 'consumer';
        const code = to || replay ? undefined : !senders[type].includes(sender) ? '400' : from === 'NEW' ? '404' : '400';
        return { from, type, sender, role, to: replay ? from : to, replay, code };
      }),
    ),
  ),
);

describe('transitionTransfer: every state × message × sender × role', () => {
  it('covers 6 states (with none yet) × 5 messages × 2 senders × 2 roles', () => {
    expect(cases).toHaveLength(120);
  });

  it.each(cases)('$from + $type from the $sender at the $role → $to$code', ({ from, type, sender, role, to, replay, code }) => {
    const result = transitionTransfer(from === 'NEW' ? undefined : from, { type }, sender, role);
    if (to) expect(result).toMatchObject({ ok: true, next: to, replay });
    else expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('the exported table is the same as the expected one, edge for edge', () => {
    const fromTable = transferTransitions.flatMap((e) => e.by.map((by) => `${e.from ?? 'NEW'} ${e.message} ${by} → ${e.to}`)).sort();
    const fromSpec = cases.filter((c) => c.to && !c.replay && c.role === 'provider').map((c) => `${c.from} ${c.type} ${c.sender} → ${c.to}`).sort();
    expect(fromTable).toEqual(fromSpec);
  });

  it('says why it refuses', () => {
    expect(transitionTransfer('REQUESTED', { type: 'TransferStartMessage' }, 'consumer', 'provider')).toMatchObject({
      error: { code: '400', reason: expect.stringContaining('TransferStartMessage from the provider') },
    });
    expect(transitionTransfer(undefined, { type: 'TransferCompletionMessage' }, 'consumer', 'provider')).toMatchObject({
      error: { code: '404', reason: "No such transfer process at the provider: only TransferRequestMessage from the consumer start one, without the other side's pid" },
    });
  });
});

describe('idempotent retries', () => {
  function run(steps: Array<[TransferMessageRef, Side]>, role: Side = 'consumer') {
    let state: TransferState | undefined;
    let last: string | undefined;
    return steps.map(([message, sender]) => {
      const result = transitionTransfer(state, message, sender, role, last);
      if (result.ok) [state, last] = [result.next, result.fingerprint];
      return result.ok ? `${result.next}${result.replay ? ' (replay)' : ''}` : result.error.code;
    });
  }

  it('takes a repeated transfer request as a replay in any state, keeping the state', () => {
    const request = aTransferRequest();
    expect(run([[request, 'consumer'], [aTransferStart(), 'provider'], [request, 'consumer']], 'provider')).toEqual(['REQUESTED', 'STARTED', 'STARTED (replay)']);
    expect(transitionTransfer('COMPLETED', request, 'consumer', 'provider')).toMatchObject({ ok: true, next: 'COMPLETED', replay: true });
  });

  it('takes the provider’s start again (its answer to a repeated request) as a replay', () => {
    const start = aTransferStart();
    expect(run([[aTransferRequest(), 'consumer'], [start, 'provider'], [start, 'provider']])).toEqual(['REQUESTED', 'STARTED', 'STARTED (replay)']);
  });

  it('tells messages apart by their own @id when they have one', () => {
    const start = aTransferStart({ id: 'urn:uuid:m1' });
    expect(run([[aTransferRequest(), 'consumer'], [start, 'provider'], [{ ...start, id: 'urn:uuid:m2' }, 'provider']])).toEqual(['REQUESTED', 'STARTED', '400']);
  });

  it('replays a suspension from the same side; a second suspension from the other side is out of order', () => {
    const suspension = { type: 'TransferSuspensionMessage', ...pids } as const;
    const steps: Array<[TransferMessageRef, Side]> = [[aTransferRequest(), 'consumer'], [aTransferStart(), 'provider'], [suspension, 'consumer'], [suspension, 'consumer'], [suspension, 'provider']];
    expect(run(steps)).toEqual(['REQUESTED', 'STARTED', 'SUSPENDED', 'SUSPENDED (replay)', '400']);
  });

  it('replays completion and termination, and refuses anything else after them', () => {
    const completion = { type: 'TransferCompletionMessage', ...pids } as const;
    const termination = { type: 'TransferTerminationMessage', ...pids } as const;
    const steps: Array<[TransferMessageRef, Side]> = [[aTransferRequest(), 'consumer'], [aTransferStart(), 'provider'], [completion, 'provider'], [completion, 'provider'], [termination, 'provider']];
    expect(run(steps)).toEqual(['REQUESTED', 'STARTED', 'COMPLETED', 'COMPLETED (replay)', '400']);
  });

  it('resumes a suspended transfer from either side (DSP TCK TP:02-04, TP:01-04)', () => {
    const suspension = { type: 'TransferSuspensionMessage', ...pids } as const;
    const resume = { type: 'TransferStartMessage', ...pids } as const;
    expect(run([[aTransferRequest(), 'consumer'], [aTransferStart(), 'provider'], [suspension, 'consumer'], [resume, 'consumer']])).toEqual(['REQUESTED', 'STARTED', 'SUSPENDED', 'STARTED']);
    expect(run([[aTransferRequest(), 'consumer'], [aTransferStart(), 'provider'], [suspension, 'provider'], [resume, 'provider']])).toEqual(['REQUESTED', 'STARTED', 'SUSPENDED', 'STARTED']);
  });
});
