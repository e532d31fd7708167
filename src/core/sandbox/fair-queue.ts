/**
 * Fair scheduling of sandbox jobs across consumers (公平调度): round-robin by consumer. The
 * consumer served longest ago goes first (one never served before any served one, ties by
 * its oldest job), then each consumer's jobs take turns, oldest first within a consumer. A
 * flood of jobs from one consumer therefore delays another's next job by at most the job
 * running now. `lastTurn` is each consumer's last start, a counter kept in the database so a
 * restart resumes the same rotation.
 */
export interface QueuedEntry {
  id: string;
  consumer: string;
  createdAt: string;
}

const byAge = (a: QueuedEntry, b: QueuedEntry) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The queue in the order the runner will take it. */
export function fairOrder(queued: readonly QueuedEntry[], lastTurn: ReadonlyMap<string, number>): QueuedEntry[] {
  const perConsumer = new Map<string, QueuedEntry[]>();
  for (const entry of [...queued].sort(byAge)) perConsumer.set(entry.consumer, [...(perConsumer.get(entry.consumer) ?? []), entry]);
  const consumers = [...perConsumer.keys()].sort((a, b) => {
    const ta = lastTurn.get(a) ?? -1;
    const tb = lastTurn.get(b) ?? -1;
    return ta !== tb ? ta - tb : byAge(perConsumer.get(a)![0]!, perConsumer.get(b)![0]!);
  });
  const order: QueuedEntry[] = [];
  for (let round = 0; order.length < queued.length; round++) {
    for (const consumer of consumers) {
      const entry = perConsumer.get(consumer)![round];
      if (entry) order.push(entry);
    }
  }
  return order;
}

/** 1 for the job that runs next, and so on; undefined when the job is not queued. */
export function queuePosition(id: string, queued: readonly QueuedEntry[], lastTurn: ReadonlyMap<string, number>): number | undefined {
  const at = fairOrder(queued, lastTurn).findIndex((e) => e.id === id);
  return at < 0 ? undefined : at + 1;
}
