import { describe, expect, it } from 'vitest';
import { ActiveStreams, type Stoppable } from './active-streams.js';

/** A flow that remembers why it was stopped. */
function aFlow(): Stoppable & { stoppedWith: string[] } {
  const stoppedWith: string[] = [];
  return { stoppedWith, stop: (reason) => stoppedWith.push(reason) };
}

const BANK = 'did:web:bank.example.cn';
const INSURER = 'did:web:insurer.example.cn';

/** Three flows: two transfers of one agreement with the bank, one of another with an insurer. */
function threeFlows() {
  const streams = new ActiveStreams();
  const flows = { a: aFlow(), b: aFlow(), c: aFlow() };
  const leave = {
    a: streams.add({ transferId: 't-a', agreementId: 'ag-1', consumerDid: BANK, credentials: ['vc-bank'] }, flows.a),
    b: streams.add({ transferId: 't-b', agreementId: 'ag-1', consumerDid: BANK, credentials: ['vc-bank-2'] }, flows.b),
    c: streams.add({ transferId: 't-c', agreementId: 'ag-2', consumerDid: INSURER, credentials: ['vc-insurer'] }, flows.c),
  };
  return { streams, flows, leave };
}

describe('ActiveStreams', () => {
  it('halts the flows of one transfer only, with the reason', () => {
    const { streams, flows } = threeFlows();
    expect(streams.haltTransfer('t-b', 'the transfer was suspended')).toBe(1);
    expect(flows.b.stoppedWith).toEqual(['the transfer was suspended']);
    expect([flows.a.stoppedWith, flows.c.stoppedWith]).toEqual([[], []]);
    expect(streams.size).toBe(2);
  });

  it('halts every flow of one agreement only, with a default reason', () => {
    const { streams, flows } = threeFlows();
    expect(streams.haltAgreement('ag-1')).toBe(2);
    expect(flows.a.stoppedWith).toEqual(['the agreement was revoked']);
    expect(flows.b.stoppedWith).toEqual(['the agreement was revoked']);
    expect(flows.c.stoppedWith).toEqual([]);
    expect(streams.size).toBe(1);
  });

  it('halts every flow of one consumer only, with the reason', () => {
    const { streams, flows } = threeFlows();
    expect(streams.haltConsumer(INSURER, 'the participant was suspended')).toBe(1);
    expect(flows.c.stoppedWith).toEqual(['the participant was suspended']);
    expect([flows.a.stoppedWith, flows.b.stoppedWith]).toEqual([[], []]);
  });

  it('stops a flow once: halting again finds nothing', () => {
    const { streams, flows } = threeFlows();
    streams.haltTransfer('t-a');
    expect(streams.haltTransfer('t-a')).toBe(0);
    expect(streams.haltAgreement('ag-1')).toBe(1);
    expect(flows.a.stoppedWith).toEqual(['the transfer stopped']);
  });

  it('lists each consumer with running flows once, with the credentials of its first flow', () => {
    const { streams } = threeFlows();
    expect(streams.consumers()).toEqual(new Map([[BANK, ['vc-bank']], [INSURER, ['vc-insurer']]]));
    streams.haltConsumer(INSURER, 'gone');
    expect([...streams.consumers().keys()]).toEqual([BANK]);
  });

  it('forgets a flow that left: it is neither counted nor stopped later', () => {
    const { streams, flows, leave } = threeFlows();
    leave.c();
    expect(streams.size).toBe(2);
    expect(streams.haltConsumer(INSURER, 'suspended')).toBe(0);
    expect(flows.c.stoppedWith).toEqual([]);
    expect(streams.consumers().has(INSURER)).toBe(false);
    leave.c();
    expect(streams.size).toBe(2);
  });

  it('is empty to begin with', () => {
    const streams = new ActiveStreams();
    expect(streams.size).toBe(0);
    expect(streams.consumers().size).toBe(0);
    expect(streams.haltAgreement('ag-1')).toBe(0);
  });
});
