import type { NegotiationState, Side, TransferState } from '../dsp/index.js';
import type { VerifiedParty } from './policy-subject.js';

/**
 * A DSP message this side still has to deliver: the compacted JSON-LD, where it goes, and what the
 * state becomes once the other side acknowledges it. Stored with the process, so a restart
 * resumes delivery where it stopped; the message keeps its `@id`, so a retry is recognised.
 */
export interface DeliveryTask {
  /** `@type` of the message (and `:eventType` for negotiation events), for the state machine. */
  kind: string;
  url: string;
  /** The message; `{}` when it carries a secret (an EDR token) and is kept in `sealed` instead. */
  message: Record<string, unknown>;
  /** The message JSON encrypted with the connector's field cipher. */
  sealed?: string;
  /** The state after the acknowledgement; for an initiating message, the state the ACK returns. */
  next: string;
  fingerprint: string;
}

interface ProcessRecord<S extends string> {
  /** This side's pid (`urn:uuid:…`). */
  id: string;
  role: Side;
  peerPid?: string;
  peerDid: string;
  /** The other side's DSP base (provider) or callbackAddress (consumer). */
  peerAddress: string;
  state?: S;
  lastFingerprint?: string;
  outbox?: DeliveryTask;
  attempts: number;
  nextAttemptAt?: string;
  reason?: unknown;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface NegotiationRecord extends ProcessRecord<NegotiationState> {
  peerParticipant?: string;
  datasetId: string;
  /** The Offer as compacted JSON. */
  offer: Record<string, unknown>;
  purpose?: string;
  /** Where the consumer declared it processes the data (`spatial`): a GB/T 2260 code or `CN`. */
  processingLocation?: string;
  agreementId?: string;
}

export const agreementStatuses = ['pending', 'active', 'revoked', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export interface AgreementRecord {
  id: string;
  negotiationId: string;
  role: Side;
  providerDid: string;
  consumerDid: string;
  consumerParticipant?: string;
  datasetId: string;
  assetId?: string;
  /** The ODRL Agreement, compacted. */
  policy: Record<string, unknown>;
  hash: string;
  providerSignature?: string;
  consumerSignature?: string;
  purpose?: string;
  /** Where the consumer declared it processes the data (`spatial`): a GB/T 2260 code or `CN`. */
  processingLocation?: string;
  status: AgreementStatus;
  statusReason?: string;
  uses: number;
  finalizedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What the data plane delivered, as recorded in the ledger. */
export interface DeliveredContent {
  sha256: string;
  sm3?: string;
  bytes: number;
  mediaType: string;
  watermarked?: boolean;
}

export interface TransferRecord extends ProcessRecord<TransferState> {
  agreementId: string;
  format: string;
  /** Encrypted: the consumer's EDR, the provider's push target. */
  dataAddressCipher?: string;
  tokenDigest?: string;
  tokenExpiresAt?: string;
  content?: DeliveredContent;
  /** Provider: who the consumer is, as its token proved when it asked for the transfer. */
  peerIdentity?: PeerIdentity;
}

/** A verified party and the credentials (JWTs) its token presented. */
export interface PeerIdentity {
  party: VerifiedParty;
  credentials: string[];
}

export interface AccessRecord {
  id: string;
  agreementId: string;
  transferId: string;
  kind: 'download' | 'api-call' | 'push';
  outcome: 'allowed' | 'refused' | 'interrupted' | 'completed';
  bytes: number;
  detail?: string;
  at: string;
}

export interface ReceivedRecord {
  id: string;
  agreementId: string;
  transferId: string;
  datasetId: string;
  providerDid: string;
  path: string;
  sha256: string;
  bytes: number;
  mediaType: string;
  receivedAt: string;
}
