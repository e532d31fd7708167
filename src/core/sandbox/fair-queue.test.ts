import { describe, expect, it } from 'vitest';
import { fairOrder, queuePosition, type QueuedEntry } from './fair-queue.js';

const at = (second: number) => `2026-12-07T10:00:${String(second).padStart(2, '0')}.000Z`;
const job = (consumer: string, second: number, id = `${consumer}${second}`): QueuedEntry => ({ id, consumer, createdAt: at(second) });
const flood = (consumer: string, count: number, from = 0) => Array.from({ length: count }, (_, i) => job(consumer, from + i));

describe('fair scheduling of sandbox jobs across consumers', () => {
  it('runs a late consumer’s job right after the job running now, however many another queued first', () => {
    const queued = [...flood('A', 30), job('B', 45)];
    // A has just been served (its first job is running): B's job is next.
    expect(fairOrder(queued, new Map([['A', 7]]))[0]!.id).toBe('B45');
    // Nobody served yet: A's oldest goes first, then B's — B waits for one slot at most.
    expect(fairOrder(queued, new Map()).slice(0, 2).map((e) => e.id)).toEqual(['A0', 'B45']);
  });

  it('alternates consumers turn by turn, oldest first within each', () => {
    const order = fairOrder([...flood('A', 3), job('B', 10), job('B', 11), job('C', 12)], new Map([['A', 3], ['B', 2]]));
    expect(order.map((e) => e.id)).toEqual(['C12', 'B10', 'A0', 'B11', 'A1', 'A2']);
  });

  it('keeps first-come order when only one consumer is waiting', () => {
    expect(fairOrder([job('A', 3), job('A', 1), job('A', 2)], new Map([['A', 9]])).map((e) => e.id)).toEqual(['A1', 'A2', 'A3']);
  });

  it('gives the queue position, 1 for the next job to run', () => {
    const queued = [...flood('A', 5), job('B', 20)];
    const turns = new Map([['A', 1]]);
    expect(queuePosition('B20', queued, turns)).toBe(1);
    expect(queuePosition('A0', queued, turns)).toBe(2);
    expect(queuePosition('A4', queued, turns)).toBe(6);
    expect(queuePosition('gone', queued, turns)).toBeUndefined();
  });
});
