import { randomUUID } from 'node:crypto';
import type { DeliveryTask, TransferRecord } from '../../core/contracts/contract-records.js';
import { dspTargetOf, dspUrl, transferFingerprint, writeDspMessage, type Side, type TransferMessage, type TransferState } from '../../core/dsp/index.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';

const other = (side: Side): Side => (side === 'provider' ? 'consumer' : 'provider');

export function transferPids(record: TransferRecord): { providerPid: string; consumerPid: string } {
  return record.role === 'provider' ? { providerPid: record.id, consumerPid: record.peerPid ?? '' } : { providerPid: record.peerPid ?? '', consumerPid: record.id };
}

/** AAD for a sealed message: it opens only as this transfer's outbox. */
export const sealAad = (transferId: string) => `dsp_transfer.outbox:${transferId}`;

/**
 * The delivery task for a transfer message this side sends. A message carrying an EDR token is
 * sealed with the connector's field cipher, so the token is never at rest in clear.
 */
export function transferTask(record: TransferRecord, message: TransferMessage, next: TransferState, cipher?: FieldCipher): DeliveryTask {
  const withId = { ...message, id: message.id ?? `urn:uuid:${randomUUID()}` } as TransferMessage;
  const target = dspTargetOf(other(record.role), withId);
  if (!target) throw new Error(`${record.role} cannot send ${message.type}`);
  const json = writeDspMessage(withId);
  const secret = 'dataAddress' in withId && withId.dataAddress?.endpointProperties?.some((p) => p.name === 'authorization');
  return {
    kind: withId.type,
    url: dspUrl(record.peerAddress, target.path),
    message: secret && cipher ? {} : json,
    ...(secret && cipher ? { sealed: cipher.encrypt(JSON.stringify(json), sealAad(record.id)) } : {}),
    next,
    fingerprint: transferFingerprint(withId, record.role),
  };
}
