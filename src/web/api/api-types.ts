// Shapes of the HTTP contract (docs/api/admission-and-identity.md) as the console reads them.
// Fields the contract marks optional, or that one node version may not send yet, are optional.

export type NodeKind = 'operator' | 'connector';

export interface ConsoleInfo {
  node: NodeKind;
  name: string;
  origin: string;
  version: string;
}

export interface FieldProblem {
  pointer: string;
  detail: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  instance?: string;
  errors?: FieldProblem[];
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  kind: 'operator' | 'participant';
  roles: string[];
  participantId?: string | null;
  participantRoles?: string[];
  totpEnabled?: boolean;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: User;
}

export const participantStatuses = ['submitted', 'under_review', 'approved', 'rejected', 'suspended', 'revoked'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];

export const participantRoles = ['provider', 'consumer', 'serviceProvider', 'regulator'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export const serviceKinds = ['development', 'brokerage', 'custody', 'audit-clearing', 'compliance-review'] as const;
export type ServiceKind = (typeof serviceKinds)[number];

export const reviewActions = ['start-review', 'approve', 'reject', 'suspend', 'reinstate', 'revoke'] as const;
export type ReviewAction = (typeof reviewActions)[number];

export interface VerificationCheck {
  rule: string;
  passed: boolean;
  detail: string;
}

export interface VerificationResult {
  verifier: string;
  kind: string;
  outcome: 'pass' | 'fail' | 'unavailable' | string;
  checks: VerificationCheck[];
  reference?: string;
  at: string;
}

export interface HistoryEntry {
  from: string | null;
  to: string;
  action: string;
  actor: string;
  reason?: string | null;
  at: string;
  /** The ledger entry written with this change (contract); older nodes send only its hash. */
  ledgerIndex?: number | null;
  evidenceHash?: string;
}

export interface ParticipantDocument {
  kind: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface Participant {
  id: string;
  status: ParticipantStatus;
  name: string;
  uscc: string;
  legalRepresentative: { name: string; idNumber: string };
  contact: { name: string; phone: string; email: string };
  region: string;
  industry: { section: string; division: string | null };
  roles: ParticipantRole[];
  serviceKinds: string[];
  did: string | null;
  verification: VerificationResult[];
  /** Review actions the status allows, when the node says so; otherwise the console derives them. */
  allowedActions?: string[];
  documents?: ParticipantDocument[];
  history?: HistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

export interface ParticipantPage {
  items: Participant[];
  total: number;
}

export interface ApplicationCreated extends Participant {
  applicantToken: string;
}

export interface DocumentUpload {
  kind: string;
  name: string;
  mediaType: string;
  content: string;
}

export interface ApplicationInput {
  name: string;
  uscc: string;
  legalRepresentative: { name: string; idNumber: string };
  contact: { name: string; phone: string; email: string };
  region: string;
  industry: string;
  roles: ParticipantRole[];
  serviceKinds?: string[];
  documents?: DocumentUpload[];
  account?: { username: string; password: string };
}

export type CredentialStatus = 'active' | 'suspended' | 'revoked';

export interface Credential {
  id: string;
  type: string;
  jwt: string;
  issuedAt?: string;
  validUntil?: string | null;
  status?: CredentialStatus;
  /** On a connector: when it received the credential from the operator. */
  receivedAt?: string;
}

export interface CredentialList {
  items: Credential[];
}

export interface ConnectorIdentity {
  did: string | null;
  participantId: string | null;
  operatorUrl: string;
  enrolled: boolean;
  keyAlgorithm: string | null;
  credentials: Credential[];
}

export interface EvidenceEntry {
  type: string;
  subject: string;
  actor: string;
  at: string;
  payload: unknown;
  payloadHash: string;
}

export interface LedgerEntry {
  index: number;
  /** The leaf bytes, base64. */
  leaf: string;
  entry: EvidenceEntry | null;
}

export interface LedgerPage {
  size: number;
  from: number;
  to: number;
  entries: LedgerEntry[];
}

export interface ProofBody {
  hashes: string[];
}
