import type { ParticipantStatus, ReviewAction } from './participant-status.js';
import type { ParticipantRole, ServiceKind } from './participant-roles.js';

/** One check of an external identity verifier (公安/税务/市场监管 or the rules-based one). */
export interface VerificationCheck {
  rule: string;
  passed: boolean;
  detail: string;
}

export interface VerificationResult {
  verifier: string;
  kind: 'public-security' | 'tax' | 'market-regulation';
  outcome: 'pass' | 'fail' | 'unavailable';
  checks: VerificationCheck[];
  /** The registry's own reference for the check, when it gives one. */
  reference?: string;
  at: string;
}

export interface IndustryCode {
  section: string;
  division: string | null;
}

/** A participant as stored: personal data only encrypted (cipher) and masked, never plain. */
export interface ParticipantRecord {
  id: string;
  status: ParticipantStatus;
  name: string;
  uscc: string;
  legalRepresentative: { name: string; idNumberCipher: string; idNumberMasked: string };
  contact: { name: string; phoneCipher: string; phoneMasked: string; email: string };
  region: string;
  industry: IndustryCode;
  roles: ParticipantRole[];
  serviceKinds: ServiceKind[];
  did: string | null;
  verification: VerificationResult[];
  /** Bumped on every change; updates are conditional on it (optimistic concurrency). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ParticipantEvent {
  action: ReviewAction | 'apply';
  from: ParticipantStatus | null;
  to: ParticipantStatus;
  actor: string;
  reason: string | null;
  evidenceHash: string;
  at: string;
}

export interface StoredDocument {
  kind: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}
