// Shapes of the connector's contract API (src/connector/negotiation/contract-schemas.ts) as the
// console reads them: negotiations, agreements, transfers, accesses and what was received.

export const negotiationStates = ['REQUESTED', 'OFFERED', 'ACCEPTED', 'AGREED', 'VERIFIED', 'FINALIZED', 'TERMINATED'] as const;
export type NegotiationState = (typeof negotiationStates)[number];

export const transferStates = ['REQUESTED', 'STARTED', 'SUSPENDED', 'COMPLETED', 'TERMINATED'] as const;
export type TransferState = (typeof transferStates)[number];

export const agreementStatuses = ['pending', 'active', 'revoked', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export type Side = 'provider' | 'consumer';

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * Why a process ended or stalls: `{ code, reasons }` from a DSP termination (the provider writes
 * its reasons in Chinese and English, one string each), `{ lastError, gaveUp }` from a delivery
 * that failed. Any other JSON a peer sent is shown as it came.
 */
export type ProcessReason = unknown;

export interface NegotiationView {
  id: string;
  role: Side;
  /** null until the provider acknowledged the request. */
  state: NegotiationState | null;
  peerPid?: string;
  peerDid: string;
  peerParticipant?: string;
  datasetId: string;
  offer: Record<string, unknown>;
  purpose?: string;
  agreementId?: string;
  /** The DSP message this side is delivering to the peer now. */
  sending?: string;
  attempts: number;
  reason?: ProcessReason;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyRuleText {
  text: string;
  conditions: string[];
  duties: string[];
}

/** The policy in words, in one language. */
export interface PolicyText {
  summary: string;
  permissions: PolicyRuleText[];
  prohibitions: PolicyRuleText[];
  obligations: PolicyRuleText[];
}

export interface EvidenceReceipt {
  ledgerIndex: number;
  type: string;
  at: string;
  leafHash: string;
}

export interface AgreementView {
  id: string;
  negotiationId: string;
  role: Side;
  providerDid: string;
  consumerDid: string;
  consumerParticipant?: string;
  datasetId: string;
  assetId?: string;
  policy: Record<string, unknown>;
  description?: { 'zh-CN': PolicyText; en: PolicyText };
  /** sha256:<hex> of the canonical JSON both parties signed. */
  hash: string;
  providerSignature?: string;
  consumerSignature?: string;
  purpose?: string;
  status: AgreementStatus;
  statusReason?: string;
  /** Uses counted by the provider's data plane and sandbox. */
  uses: number;
  /** The delivery channels the signed policy allows; a transfer in another is refused (ADR 0010). */
  allowedChannels: Array<'download' | 'api' | 'sandbox'>;
  finalizedAt?: string;
  createdAt: string;
  updatedAt: string;
  /** Only on the one-agreement answer. */
  evidence?: EvidenceReceipt[];
}

export interface AccessView {
  id: string;
  transferId: string;
  kind: string;
  outcome: string;
  bytes: number;
  detail?: string;
  at: string;
}

export const transferFormatNames = ['HttpData-PULL', 'HttpProxy-PULL'] as const;
export type TransferFormatName = (typeof transferFormatNames)[number];

export interface TransferView {
  id: string;
  role: Side;
  state: TransferState | null;
  peerPid?: string;
  peerDid: string;
  agreementId: string;
  format: string;
  sending?: string;
  attempts: number;
  reason?: ProcessReason;
  content?: { sha256: string; bytes: number; mediaType: string; watermarked?: boolean };
  /** Consumer: the provider sent where to pull from. */
  hasDataAddress: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ReceivedView {
  id: string;
  agreementId: string;
  transferId: string;
  datasetId: string;
  providerDid: string;
  sha256: string;
  bytes: number;
  mediaType: string;
  receivedAt: string;
}
