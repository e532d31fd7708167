import { describe, expect, it } from 'vitest';
import { projectEntries } from './evidence-projection.js';
import { anAgreementFinalized, aNegotiationFinalized, aSandboxJob, aTransfer, consumerDid, datasetId, providerDid } from './fixtures/process-evidence.js';

const empty = () => ({ agreements: new Map(), transfers: new Map(), jobs: new Map() });

describe('the projection of evidence entries', () => {
  it('counts an agreement once though both sides record it, with its dataset and parties', () => {
    const delta = projectEntries(anAgreementFinalized('a1', '2026-03-01T02:00:00.000Z'), empty());
    expect([...delta.agreements.values()]).toEqual([{ id: 'a1', datasetId, providerDid, consumerDid, finalizedAt: '2026-03-01T02:00:00.000Z', revokedAt: null }]);
  });

  it('keeps the dataset from the negotiation when the agreement’s own entry was too large to inline', () => {
    const delta = projectEntries([aNegotiationFinalized('a1', '2026-03-01T02:00:00.000Z'), ...anAgreementFinalized('a1', '2026-03-01T02:00:00.001Z', { inline: false })], empty());
    expect(delta.agreements.get('a1')).toMatchObject({ datasetId, providerDid, consumerDid, finalizedAt: '2026-03-01T02:00:00.001Z' });
  });

  it('counts a transfer once under the consumer’s process id, with when it started and completed', () => {
    const delta = projectEntries(aTransfer('t1', 'a1', { requested: '2026-03-01T01:00:00.000Z', started: '2026-03-01T01:00:01.000Z', completed: '2026-03-01T01:00:05.000Z' }), empty());
    expect([...delta.transfers.values()]).toEqual([
      expect.objectContaining({ id: 't1', agreementId: 'a1', providerDid, consumerDid, requestedAt: '2026-03-01T01:00:00.000Z', startedAt: '2026-03-01T01:00:01.000Z', completedAt: '2026-03-01T01:00:05.000Z', state: 'COMPLETED' }),
    ]);
  });

  it('measures a sandbox job’s running time and splits it at midnight in China Standard Time', () => {
    // 15:59:00Z is 23:59 in Beijing; the run ends two minutes later, on the next day there.
    const delta = projectEntries(aSandboxJob('j1', 'a1', { submitted: '2026-03-01T15:58:00.000Z', started: '2026-03-01T15:59:00.000Z', ended: '2026-03-01T16:01:00.000Z', outcome: 'sandbox.result.released' }), empty());
    expect(delta.jobs.get('j1')).toMatchObject({ state: 'succeeded', runMs: 120_000, runningSince: null, finishedAt: '2026-03-01T16:01:00.000Z', providerDid, consumerDid });
    expect(Object.fromEntries(delta.runtime)).toEqual({ '2026-03-01': 60_000, '2026-03-02': 60_000 });
  });

  it('finishes a run that started in an earlier batch from the stored job', () => {
    const [submitted, requested, started, released] = aSandboxJob('j1', 'a1', { submitted: '2026-03-01T01:00:00.000Z', started: '2026-03-01T01:00:10.000Z', ended: '2026-03-01T01:00:40.000Z', outcome: 'sandbox.result.released' });
    const first = projectEntries([submitted!, requested!, started!], empty());
    expect(first.jobs.get('j1')).toMatchObject({ state: 'running', runningSince: '2026-03-01T01:00:10.000Z', runMs: 0 });
    const second = projectEntries([released!], { ...empty(), jobs: first.jobs });
    expect(second.jobs.get('j1')).toMatchObject({ state: 'succeeded', runMs: 30_000 });
    expect(Object.fromEntries(second.runtime)).toEqual({ '2026-03-01': 30_000 });
  });

  it('counts every entry by day, type and actor', () => {
    const delta = projectEntries(anAgreementFinalized('a1', '2026-03-01T17:00:00.000Z'), empty());
    expect(Object.fromEntries(delta.activity)).toEqual({
      [`2026-03-02\u0000agreement.finalized\u0000${consumerDid}`]: 1,
      [`2026-03-02\u0000agreement.finalized\u0000${providerDid}`]: 1,
    });
  });
});
