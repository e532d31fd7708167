import type { DeliveryTask } from '../../core/contracts/contract-records.js';
import type { DspEndpoint, TransitionResult } from '../../core/dsp/index.js';
import type { Tx } from '../../store/database.js';
import type { VerifiedPeer } from './contract-context.js';
import { processError, type DspReply } from './dsp-reply.js';

interface StepRecord<S extends string> {
  role: 'provider' | 'consumer';
  peerDid: string;
  peerPid?: string;
  state?: S;
  lastFingerprint?: string;
  outbox?: DeliveryTask;
}

export type Step<S extends string, R> = { ok: true; record: R; next: S; fingerprint: string; replay: boolean; peerPid: string } | { ok: false; reply: DspReply };

/**
 * The part of receiving a DSP message that negotiations and transfers share, inside the
 * transaction: the process must be ours with this peer (else 404), the peer's pid must be the one
 * we hold, and the message must be allowed by the state machine (`transition`). A message that
 * answers one of ours whose acknowledgement has not reached us yet proves the peer got ours: our
 * transition is applied first (`acknowledge`), then the message.
 */
export async function stepProcess<S extends string, R extends StepRecord<S>>(input: {
  tx: Tx;
  errorType: 'ContractNegotiationError' | 'TransferError';
  what: string;
  endpoint: DspEndpoint;
  pids: { providerPid: string; consumerPid: string };
  pathPid: string;
  peer: VerifiedPeer;
  load: () => Promise<R | undefined>;
  transition: (state: S | undefined, last: string | undefined) => TransitionResult<S>;
  acknowledge: (record: R, task: DeliveryTask, peerPid: string) => Promise<R>;
}): Promise<Step<S, R>> {
  const { endpoint, pids, pathPid, errorType } = input;
  let record = await input.load();
  if (!record || record.role !== endpoint.role || record.peerDid !== input.peer.did) {
    return { ok: false, reply: processError(errorType, pids, { code: '404', reason: `No ${input.what} ${pathPid} with you at this ${endpoint.role}` }) };
  }
  const peerPid = endpoint.role === 'provider' ? pids.consumerPid : pids.providerPid;
  if (record.peerPid && peerPid !== record.peerPid) return { ok: false, reply: processError(errorType, pids, { code: '404', reason: `The ${input.what} ${pathPid} is with ${record.peerPid}, not ${peerPid}` }) };
  let result = input.transition(record.state, record.lastFingerprint);
  if (!result.ok && record.outbox) {
    const task = record.outbox;
    const after = input.transition(task.next as S, task.fingerprint);
    if (after.ok) {
      record = await input.acknowledge(record, task, peerPid);
      result = after;
    }
  }
  if (!result.ok) return { ok: false, reply: processError(errorType, pids, result.error) };
  return { ok: true, record, next: result.next, fingerprint: result.fingerprint, replay: result.replay, peerPid };
}
