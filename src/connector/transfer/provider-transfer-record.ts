import type { AgreementRecord, TransferRecord } from '../../core/contracts/contract-records.js';
import type { TransferMessage } from '../../core/dsp/index.js';
import type { VerifiedPeer } from '../dsp/contract-context.js';
import { newPid } from '../dsp/dsp-reply.js';

/** The provider's new record of a process a consumer's TransferRequestMessage starts. */
export function providerRecord(message: Extract<TransferMessage, { type: 'TransferRequestMessage' }>, peer: VerifiedPeer, agreement: AgreementRecord, state: TransferRecord['state'], now: Date): TransferRecord {
  return {
    id: newPid(),
    role: 'provider',
    peerPid: message.consumerPid,
    peerDid: peer.did,
    peerAddress: message.callbackAddress,
    agreementId: agreement.id,
    format: message.format,
    state,
    attempts: 0,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}
