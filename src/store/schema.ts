import type { Generated } from 'kysely';
import type { AssetTables } from './assets/asset-tables.js';
import type { CatalogTables } from './catalog/catalog-tables.js';
import type { ContractTables } from './contracts/contract-tables.js';
import type { SandboxTables } from './sandbox/sandbox-tables.js';
import type { MetricsTables } from './metrics/metrics-tables.js';

/**
 * Table shapes, shared by SQLite and PostgreSQL. Binary columns are Buffers on both drivers;
 * 64-bit integers are parsed to JS numbers (safe to 2^53, far beyond any ledger size).
 * Times are RFC 3339 UTC strings with milliseconds, so they sort and compare the same on both.
 */
export interface LedgerTreeTable {
  id: number;
  algorithm: string;
  size: number;
  root_hash: Buffer;
  checkpoint: string | null;
  updated_at: string;
}

/** A leaf with its RFC 6962 leaf hash, the tree's level-0 node. */
export interface LedgerLeafTable {
  idx: number;
  leaf: Buffer;
  leaf_hash: Buffer;
  integrated_at: string;
}

/** Interior perfect-subtree hashes (level ≥ 1) keyed by in-order position (ledger-node-position.ts). */
export interface LedgerNodeTable {
  position: number;
  hash: Buffer;
}

/** The private opening of a salted commitment that stands in the public log for a personal value. */
export interface EvidenceCommitmentTable {
  commitment: string;
  field: string;
  salt: Buffer;
  value: string;
  created_at: string;
}

/** One row (id 1): the size and root at which the node last recomputed its log and found it intact. */
export interface LedgerVerificationTable {
  id: number;
  verified_size: number;
  root_hash: Buffer;
  verified_at: string;
}

export interface EvidenceOutboxTable {
  id: Generated<number>;
  leaf: Buffer;
  created_at: string;
}

/** An organisation from its application to its exit; personal data only as cipher and mask. */
export interface ParticipantTable {
  id: string;
  status: string;
  name: string;
  uscc: string;
  legal_rep_name: string;
  legal_rep_id_cipher: string;
  legal_rep_id_masked: string;
  contact_name: string;
  contact_phone_cipher: string;
  contact_phone_masked: string;
  contact_email: string;
  region: string;
  industry_section: string;
  industry_division: string | null;
  /** JSON arrays. */
  roles: string;
  service_kinds: string;
  did: string | null;
  applicant_token_hash: string | null;
  /** JSON array of verification results. */
  verification: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ParticipantEventTable {
  id: Generated<number>;
  participant_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  reason: string | null;
  /** `<alg>:<hex>` payload hash of the ledger entry recorded with the change. */
  evidence_hash: string;
  at: string;
}

export interface DocumentBlobTable {
  sha256: string;
  content: Buffer;
  size: number;
}

export interface ParticipantDocumentTable {
  participant_id: string;
  sha256: string;
  kind: string;
  name: string;
  media_type: string;
  size: number;
}

export interface UserAccountTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  kind: string;
  participant_id: string | null;
  roles: string;
  totp_secret_cipher: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  /** Unused since issue 15 (logins are throttled in login_throttle, never locked); kept for old rows. */
  failed_logins: Generated<number>;
  locked_until: string | null;
  disabled: number;
  created_at: string;
}

/** Failed-login counters (operator/accounts/login-throttle.ts). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  blocked_until: string | null;
}

export interface AuthSessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiKeyTable {
  id: string;
  key_hash: string;
  label: string;
  participant_id: string | null;
  roles: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

export interface CredentialTable {
  id: string;
  participant_id: string;
  type: string;
  jwt: string;
  status_index: number;
  issued_at: string;
  valid_until: string;
}

export interface StatusListTable {
  purpose: string;
  bits: Buffer;
  jwt: string;
  updated_at: string;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface ParticipantKeyTable {
  participant_id: string;
  kid: string;
  public_jwk: string;
  created_at: string;
}

export interface EnrollmentSecretTable {
  secret_hash: string;
  kind: string;
  participant_id: string;
  expires_at: string;
  used_at: string | null;
}

export interface TrustedIssuerTable {
  did: string;
  name: string;
  added_at: string;
}

export interface HeldCredentialTable {
  id: string;
  type: string;
  jwt: string;
  received_at: string;
}

export interface ConnectorIdentityTable {
  id: number;
  participant_id: string;
  did: string;
  operator_did: string;
  kid: string;
  enrolled_at: string;
}

export interface Schema extends CatalogTables, AssetTables, ContractTables, SandboxTables, MetricsTables {
  ledger_tree: LedgerTreeTable;
  ledger_leaf: LedgerLeafTable;
  ledger_node: LedgerNodeTable;
  evidence_outbox: EvidenceOutboxTable;
  evidence_commitment: EvidenceCommitmentTable;
  ledger_verification: LedgerVerificationTable;
  participant: ParticipantTable;
  participant_event: ParticipantEventTable;
  document_blob: DocumentBlobTable;
  participant_document: ParticipantDocumentTable;
  user_account: UserAccountTable;
  auth_session: AuthSessionTable;
  login_throttle: LoginThrottleTable;
  api_key: ApiKeyTable;
  credential: CredentialTable;
  status_list: StatusListTable;
  counter: CounterTable;
  participant_key: ParticipantKeyTable;
  enrollment_secret: EnrollmentSecretTable;
  trusted_issuer: TrustedIssuerTable;
  held_credential: HeldCredentialTable;
  connector_identity: ConnectorIdentityTable;
}
