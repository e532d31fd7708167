import type { Logger } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { DeliveryTask } from '../../core/contracts/contract-records.js';
import { DeliveryQueue, type Deliverable, type DeliveryHandlers } from './delivery-queue.js';
import { PeerUnreachableError, type DspClient, type PeerAnswer } from './dsp-client.js';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const PEER = 'did:web:grid.example.cn';

function aTask(overrides: Partial<DeliveryTask> = {}): DeliveryTask {
  return {
    kind: 'ContractRequestMessage',
    url: 'https://grid.example.cn/dsp/negotiations/request',
    message: { '@id': 'urn:uuid:message-1', '@type': 'ContractRequestMessage' },
    next: 'REQUESTED',
    fingerprint: 'fp-1',
    ...overrides,
  };
}

function aRecord(overrides: Partial<Deliverable> = {}): Deliverable {
  return { id: 'urn:uuid:process-1', peerDid: PEER, outbox: aTask(), attempts: 0, ...overrides };
}

type Post = (url: string, did: string, message: unknown) => Promise<PeerAnswer>;

/** A peer that answers every message with `answer` (or throws it), remembering what it was sent. */
function aPeer(answer: PeerAnswer | Error | Post) {
  const sent: Array<{ url: string; did: string; message: unknown }> = [];
  const client = {
    post: (url: string, did: string, message: unknown) => {
      sent.push({ url, did, message });
      if (typeof answer === 'function') return answer(url, did, message);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
  return { client: client as unknown as DspClient, sent };
}

/**
 * In-memory handlers that act like the owning service: an acknowledgement or refusal clears the
 * outbox, a postponement counts the attempt and schedules the next one (or gives up).
 */
function inMemoryHandlers(...records: Deliverable[]) {
  const store = new Map(records.map((r) => [r.id, { ...r }]));
  const events: Array<{ outcome: 'acknowledged' | 'refused' | 'postponed'; id: string; status?: number; error?: string; nextAttemptAt?: string | undefined }> = [];
  const handlers: DeliveryHandlers<Deliverable> = {
    load: async (id) => {
      const r = store.get(id);
      return r && { ...r };
    },
    due: async () => [...store.values()].filter((r) => r.outbox),
    acknowledged: async (record, _task, answer) => {
      events.push({ outcome: 'acknowledged', id: record.id, status: answer.status });
      store.set(record.id, { ...record, outbox: undefined, attempts: 0 });
    },
    refused: async (record, _task, answer) => {
      events.push({ outcome: 'refused', id: record.id, status: answer.status });
      store.set(record.id, { ...record, outbox: undefined });
    },
    postponed: async (record, task, error, nextAttemptAt) => {
      events.push({ outcome: 'postponed', id: record.id, error, nextAttemptAt });
      store.set(record.id, { ...record, attempts: record.attempts + 1, outbox: nextAttemptAt ? task : undefined });
    },
  };
  return { handlers, events, store };
}

type QueueOptions = ConstructorParameters<typeof DeliveryQueue<Deliverable>>[3];

/** Runs one `soon` on a fresh queue and waits until its delivery has ended. */
async function deliverOnce(client: DspClient, handlers: DeliveryHandlers<Deliverable>, id: string, options: QueueOptions = {}): Promise<void> {
  const queue = new DeliveryQueue('test', client, handlers, { now: () => NOW, ...options });
  queue.soon(id);
  await queue.stop();
}

describe('DeliveryQueue', () => {
  it('sends the pending message to its url for the peer, and reports a 2xx as acknowledged once', async () => {
    const peer = aPeer({ status: 201, body: { '@type': 'ContractNegotiation', state: 'REQUESTED' } });
    const { handlers, events } = inMemoryHandlers(aRecord());
    await deliverOnce(peer.client, handlers, 'urn:uuid:process-1');
    expect(peer.sent).toEqual([{ url: aTask().url, did: PEER, message: aTask().message }]);
    expect(events).toEqual([{ outcome: 'acknowledged', id: 'urn:uuid:process-1', status: 201 }]);
  });

  it('sends nothing for a record that is gone or has nothing to deliver', async () => {
    const peer = aPeer({ status: 200, body: {} });
    const { handlers, events } = inMemoryHandlers(aRecord({ id: 'idle', outbox: undefined }));
    await deliverOnce(peer.client, handlers, 'idle');
    await deliverOnce(peer.client, handlers, 'missing');
    expect(peer.sent).toEqual([]);
    expect(events).toEqual([]);
  });

  it('reports a 4xx as refused for good', async () => {
    for (const status of [400, 401, 403, 404]) {
      const { handlers, events } = inMemoryHandlers(aRecord());
      await deliverOnce(aPeer({ status, body: { code: 'x' } }).client, handlers, 'urn:uuid:process-1');
      expect(events).toEqual([{ outcome: 'refused', id: 'urn:uuid:process-1', status }]);
    }
  });

  it('postpones a 5xx, a 408, a 409 (the peer was busy with the same process) and a 429 with a retry time', async () => {
    for (const status of [500, 503, 408, 409, 429]) {
      const { handlers, events } = inMemoryHandlers(aRecord());
      await deliverOnce(aPeer({ status, body: undefined }).client, handlers, 'urn:uuid:process-1');
      expect(events).toEqual([{ outcome: 'postponed', id: 'urn:uuid:process-1', error: `answered ${status}`, nextAttemptAt: '2026-03-01T08:00:01.000Z' }]);
    }
  });

  it('postpones when the peer cannot be reached, with the reason', async () => {
    const { handlers, events } = inMemoryHandlers(aRecord());
    const unreachable = new PeerUnreachableError(aTask().url, new Error('ECONNREFUSED'));
    await deliverOnce(aPeer(unreachable).client, handlers, 'urn:uuid:process-1');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'postponed', error: unreachable.message });
    expect(events[0]!.error).toContain('ECONNREFUSED');
  });

  it('backs off longer after each failed attempt, up to a minute, and gives up at the 12th', async () => {
    const { handlers, events, store } = inMemoryHandlers(aRecord());
    const peer = aPeer({ status: 503, body: undefined });
    for (let i = 0; i < 12; i++) await deliverOnce(peer.client, handlers, 'urn:uuid:process-1');
    const delays = events.map((e) => (e.nextAttemptAt === undefined ? undefined : Date.parse(e.nextAttemptAt) - NOW.getTime()));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000, 60000, undefined]);
    expect(events.every((e) => e.outcome === 'postponed')).toBe(true);
    expect(store.get('urn:uuid:process-1')?.outbox).toBeUndefined();
    expect(peer.sent).toHaveLength(12);
  });

  it('gives up at once on a record that already failed eleven times', async () => {
    const { handlers, events } = inMemoryHandlers(aRecord({ attempts: 11 }));
    await deliverOnce(aPeer({ status: 500, body: undefined }).client, handlers, 'urn:uuid:process-1');
    expect(events).toEqual([{ outcome: 'postponed', id: 'urn:uuid:process-1', error: 'answered 500', nextAttemptAt: undefined }]);
  });

  it('delivers a record by one call at a time, even when asked twice meanwhile', async () => {
    let answer!: (a: PeerAnswer) => void;
    const peer = aPeer(() => new Promise<PeerAnswer>((resolve) => (answer = resolve)));
    const { handlers, events } = inMemoryHandlers(aRecord());
    const queue = new DeliveryQueue('test', peer.client, handlers, { now: () => NOW });
    queue.soon('urn:uuid:process-1');
    queue.soon('urn:uuid:process-1');
    await vi.waitFor(() => expect(peer.sent).toHaveLength(1));
    queue.soon('urn:uuid:process-1');
    answer({ status: 200, body: {} });
    await queue.stop();
    expect(peer.sent).toHaveLength(1);
    expect(events).toEqual([{ outcome: 'acknowledged', id: 'urn:uuid:process-1', status: 200 }]);
  });

  it('delivers different records side by side', async () => {
    const answers: Array<(a: PeerAnswer) => void> = [];
    const peer = aPeer(() => new Promise<PeerAnswer>((resolve) => answers.push(resolve)));
    const { handlers, events } = inMemoryHandlers(aRecord({ id: 'a' }), aRecord({ id: 'b' }));
    const queue = new DeliveryQueue('test', peer.client, handlers, { now: () => NOW });
    queue.soon('a');
    queue.soon('b');
    await vi.waitFor(() => expect(peer.sent).toHaveLength(2));
    for (const answer of answers) answer({ status: 200, body: {} });
    await queue.stop();
    expect(events.map((e) => e.id).sort()).toEqual(['a', 'b']);
  });

  it('unseals a sealed message just before sending it, and sends the stored one otherwise', async () => {
    const sealedTask = aTask({ message: {}, sealed: 'sm4gcm:ciphertext' });
    const record = aRecord({ id: 'sealed', outbox: sealedTask });
    const { handlers } = inMemoryHandlers(record, aRecord({ id: 'plain' }));
    const peer = aPeer({ status: 200, body: {} });
    const unseal = vi.fn((task: DeliveryTask, r: Deliverable) => ({ '@type': 'TransferStartMessage', secret: `${task.sealed} of ${r.id}` }));
    await deliverOnce(peer.client, handlers, 'sealed', { unseal });
    await deliverOnce(peer.client, handlers, 'plain', { unseal });
    expect(unseal).toHaveBeenCalledTimes(1);
    expect(unseal).toHaveBeenCalledWith(sealedTask, record);
    expect(peer.sent.map((s) => s.message)).toEqual([{ '@type': 'TransferStartMessage', secret: 'sm4gcm:ciphertext of sealed' }, aTask().message]);
  });

  it('logs an unexpected failure of the client and backs off like an unreachable peer', async () => {
    const { handlers, events, store } = inMemoryHandlers(aRecord());
    const logger = { error: vi.fn() };
    await deliverOnce(aPeer(new TypeError('bug in the client')).client, handlers, 'urn:uuid:process-1', { logger: logger as unknown as Logger });
    expect(events.map((e) => e.outcome)).toEqual(['postponed']);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0]![1]).toBe('test delivery failed');
    expect(store.get('urn:uuid:process-1')?.outbox).toBeDefined();
  });

  it('delivers what is due when started, and nothing once stopped', async () => {
    const { handlers, events } = inMemoryHandlers(aRecord({ id: 'a' }), aRecord({ id: 'b' }), aRecord({ id: 'idle', outbox: undefined }));
    const peer = aPeer({ status: 200, body: {} });
    const queue = new DeliveryQueue('test', peer.client, handlers, { now: () => NOW, pollMs: 60_000 });
    queue.start();
    await vi.waitFor(() => expect(events).toHaveLength(2));
    await queue.stop();
    queue.soon('a');
    expect(events.map((e) => e.id).sort()).toEqual(['a', 'b']);
    expect(peer.sent).toHaveLength(2);
  });
});
