/**
 * The data sandbox's tables. A job row exists on the provider (where it runs) and on the
 * consumer (its mirror, refreshed from the provider); JSON columns are text on both databases.
 */
export interface SandboxJobTable {
  id: string;
  /** `provider` (it runs here) or `consumer` (it runs at the peer). */
  role: string;
  agreement_id: string;
  /** The consumer's DID on the provider, the provider's on the consumer. */
  peer_did: string;
  /** On the consumer: the provider's connector URL. */
  peer_address: string | null;
  /** JSON: on the provider, the consumer as its verified credentials described it at submission. */
  peer_party: string | null;
  /** JSON: `{ sql, privacy? }` or `{ algorithm, version, parameters }`. */
  request: string;
  state: string;
  /** JSON: the refusal or failure (`code`, `message` in zh-CN and en). */
  reason: string | null;
  /** JSON: what the gate checked, in words. */
  checks: string | null;
  /** JSON: `{ columns, rows }`, held until released. */
  result: string | null;
  result_sha256: string | null;
  epsilon: number | null;
  /** 1 once the job's ε was charged to its agreements' budgets (a re-run after a restart is not charged again). */
  charged: number;
  attempts: number;
  /** JSON: the de-identification report and the provider's review decision. */
  review: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface SandboxBudgetTable {
  agreement_id: string;
  spent: number;
  updated_at: string;
}

export interface SandboxAlgorithmTable {
  name: string;
  version: number;
  /** JSON: the registered definition (title, SQL, parameters, views, release). */
  definition: string;
  /** `approved` or `retired`. */
  status: string;
  created_at: string;
}

/** One group a released (or held) job gave: the query-set audit compares later queries with it. */
export interface SandboxReleasedGroupTable {
  agreement_id: string;
  view_name: string;
  job_id: string;
  group_index: number;
  row_count: number;
  /** The group's rows (uint32, ascending) then their subjects' fingerprints (uint32), little-endian. */
  members: Uint8Array;
  created_at: string;
}

/** One authorized entity of a per-entity algorithm's job (ADR 0012); written with the job. */
export interface SandboxEntityAuthorizationTable {
  job_id: string;
  /** The entity's USCC, upper case. */
  entity_id: string;
  consumer_did: string;
  purpose: string;
  valid_until: string;
  /** JSON: the authorization record as submitted (statement and evidence). */
  record: string;
  /** SHA-256 of the record's canonical JSON: what the ledger holds. */
  record_sha256: string;
  created_at: string;
}

/** The fair scheduler's rotation: each consumer's last turn (a counter), so a restart resumes it. */
export interface SandboxConsumerTurnTable {
  peer_did: string;
  turn: number;
}

export interface SandboxTables {
  sandbox_released_group: SandboxReleasedGroupTable;
  sandbox_job: SandboxJobTable;
  sandbox_budget: SandboxBudgetTable;
  sandbox_algorithm: SandboxAlgorithmTable;
  sandbox_entity_authorization: SandboxEntityAuthorizationTable;
  sandbox_consumer_turn: SandboxConsumerTurnTable;
}
