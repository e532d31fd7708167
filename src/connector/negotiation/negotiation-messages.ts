import { randomUUID } from 'node:crypto';
import type { DeliveryTask, NegotiationRecord } from '../../core/contracts/contract-records.js';
import {
  dspTargetOf,
  dspUrl,
  negotiationFingerprint,
  negotiationMessageKind,
  writeDspMessage,
  type NegotiationMessage,
  type NegotiationState,
  type Side,
} from '../../core/dsp/index.js';
import { tdsNamespace } from '../../core/metadata/dcat-context.js';
import { tdsMember } from '../../core/metadata/dsp-only-jsonld.js';

const other = (side: Side): Side => (side === 'provider' ? 'consumer' : 'provider');

/** The pids of a record, as DSP names them. */
export function pidsOf(record: NegotiationRecord): { providerPid: string; consumerPid: string } {
  return record.role === 'provider' ? { providerPid: record.id, consumerPid: record.peerPid ?? '' } : { providerPid: record.peerPid ?? '', consumerPid: record.id };
}

/**
 * Members of ours beside a DSP message (`tds:signature`, `tds:purpose`), written as full IRIs
 * (`https://w3id.org/trustspace/ns#signature`): the DSP context alone expands them, so a DSP peer
 * that does not know ours reads the message and may ignore them.
 */
export function withExtensions(json: Record<string, unknown>, extensions: Record<string, string | undefined>): Record<string, unknown> {
  const present = Object.entries(extensions).flatMap(([k, v]) => (v === undefined ? [] : [[k.startsWith('tds:') ? tdsNamespace + k.slice(4) : k, v] as const]));
  if (present.length === 0) return json;
  return { ...json, ...Object.fromEntries(present) };
}

/** A string member of ours on a received message (`tds:name` or its full IRI). */
export function extension(json: unknown, name: string): string | undefined {
  const value = tdsMember(json as Record<string, unknown> | undefined, name);
  return typeof value === 'string' && value.length <= 16_384 ? value : undefined;
}

/**
 * The delivery task for a message this side sends: where the binding puts it (the peer's DSP base
 * for an initiating message, its pid path under the address we hold otherwise), its JSON with a
 * fresh `@id` kept across retries, and the state once acknowledged.
 */
export function negotiationTask(record: NegotiationRecord, message: NegotiationMessage, next: NegotiationState, extensions: Record<string, string | undefined> = {}): DeliveryTask {
  const withId = { ...message, id: message.id ?? `urn:uuid:${randomUUID()}` } as NegotiationMessage;
  const target = dspTargetOf(other(record.role), withId);
  if (!target) throw new Error(`${record.role} cannot send ${message.type}`);
  return {
    kind: negotiationMessageKind(withId) ?? withId.type,
    url: dspUrl(record.peerAddress, target.path),
    message: withExtensions(writeDspMessage(withId), extensions),
    next,
    fingerprint: negotiationFingerprint(withId, record.role),
  };
}
