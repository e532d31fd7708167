// Fair use of the provider's sandbox (issue 15; ADR 0012) across processes: two consumers' own
// connectors submit to the utility's sandbox, which allows each consumer 3 jobs queued or running.
// A flood of heavy joins from one consumer delays another's cheap aggregate by one slot at most,
// each queued job shows where it waits, and a consumer past its limit gets 429 problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAIR_VIEW, startFairnessSpace, type FairnessSpace } from './support/fairness-space.js';
import { databaseKinds } from './support/test-databases.js';
import { waitFor } from './support/wait-for.js';

const HEAVY = `SELECT a.行业代码, count(*) AS 配对数 FROM ${FAIR_VIEW} a JOIN ${FAIR_VIEW} b ON a.月份 = b.月份 GROUP BY 1`;
const CHEAP = `SELECT 行业代码, count(*) AS 企业月数 FROM ${FAIR_VIEW} GROUP BY 1`;

describe.each(databaseKinds)('fair use of the sandbox across processes on %s', (kind) => {
  let space: FairnessSpace;

  beforeAll(async () => {
    space = await startFairnessSpace({ kind, enterprises: 300, utilityArgs: ['--sandbox-max-jobs', '3'] });
  }, 240_000);

  afterAll(async () => {
    await space?.stop();
  });

  it('runs another consumer’s job next, ahead of a flood, and shows every queued job its position', async () => {
    const flood: string[] = [];
    for (let i = 0; i < 3; i++) {
      const sent = await space.a.submit(HEAVY);
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      flood.push(sent.body.id);
    }
    // Past its limit, the flooding consumer is refused; the other consumer is not.
    const over = await space.a.submit(HEAVY);
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ code: 'sandbox.too-many-jobs', status: 429 });
    await waitFor(async () => (await space.a.read(flood[0]!)).state === 'running', 30_000, "A's first join to start");
    const cheap = await space.b.submit(CHEAP);
    expect(cheap.status, JSON.stringify(cheap.body)).toBe(201);
    // A's first join is running (or about to): B's aggregate comes next, before A's other two.
    expect(cheap.body.queuePosition).toBe(1);
    const waiting = await space.a.read(flood[2]!);
    expect(waiting.state).toBe('queued');
    expect(waiting.queuePosition).toBe(3);
    let done: Record<string, unknown> = {};
    await waitFor(async () => {
      done = await space.b.read(cheap.body.id);
      return done.state !== 'queued' && done.state !== 'running';
    }, 60_000, 'the cheap aggregate to end');
    expect(done.state).toBe('succeeded');
    expect(done.queuePosition).toBeUndefined();
    // When B's result is out, A's last join has not started: B waited for one slot at most.
    const last = await space.a.read(flood[2]!);
    expect(last.state).toBe('queued');
    expect(last.queuePosition).toBeLessThanOrEqual(2);
    for (const id of flood) await fetch(`${space.a.node.url}/api/v1/sandbox/jobs/${id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${space.a.key}` } });
  }, 120_000);
});
