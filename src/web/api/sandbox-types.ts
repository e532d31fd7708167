// Shapes of the connector's sandbox API (src/connector/sandbox/sandbox-schemas.ts,
// docs/api/sandbox.md) as the console reads them. They live beside the sandbox pages, which are
// their only readers.

/** A text the connector writes in both languages. */
export type BilingualText = { 'zh-CN': string; en: string };

export const jobStates = ['queued', 'running', 'refused', 'failed', 'cancelled', 'awaiting_review', 'succeeded'] as const;
export type JobState = (typeof jobStates)[number];

/** Nothing changes after these; a held job (awaiting_review) waits for a person. */
export const finalJobStates: readonly JobState[] = ['refused', 'failed', 'cancelled', 'succeeded'];

/** Whether a job is still moving on its own (queued or running), so worth reading again. */
export const isJobMoving = (job: { state: string } | undefined) => job !== undefined && (job.state === 'queued' || job.state === 'running');

export type Cell = string | number | boolean | null;

export interface JobResult {
  columns: string[];
  rows: Cell[][];
  /** Under differential privacy: the ε spent and each noisy column's 95% error bound. */
  privacy?: { epsilon: number; mechanism: 'laplace' | 'gaussian'; columns: Array<{ name: string; error95: number }> };
}

/** Why the gate refused a job or it failed; `at`: where in the SQL, as a character offset. */
export interface JobReason {
  code: string;
  message: BilingualText;
  at?: number;
}

export interface JobEvidence {
  type: string;
  at: string;
  leafHash: string;
  /** Once the operator acknowledged the entry. */
  ledgerIndex?: number;
}

export interface JobProof {
  jobId: string;
  agreementId: string;
  /** SHA-256 (hex) of the canonical JSON of `result`. */
  resultSha256: string;
  evidence: JobEvidence[];
}

/** The de-identification report the provider reviews a held result with (k-anonymity over its rows). */
export interface DeidentificationReport {
  k?: number;
  groups?: number;
  rows?: number;
  smallGroups?: number;
  [fact: string]: unknown;
}

export interface JobReview {
  deidentification?: DeidentificationReport;
  smallestGroup?: number;
  decision?: { outcome: 'released' | 'rejected'; by: string; at: string; reason?: string };
}

export interface SandboxJob {
  id: string;
  state: JobState;
  agreementId: string;
  kind: 'sql' | 'algorithm';
  sql?: string;
  algorithm?: string;
  version?: number;
  parameters?: Record<string, unknown>;
  reason?: JobReason;
  /** While queued: 1 when it starts next (the provider's fair order across consumers). */
  queuePosition?: number;
  checks?: BilingualText[];
  epsilon?: number;
  result?: JobResult;
  proof?: JobProof;
  /** Provider only: the review report and decision. */
  review?: JobReview;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

export interface JobPage {
  items: SandboxJob[];
  total: number;
}

export interface SandboxColumn {
  name: string;
  type: string;
  /** Usable only to join views (hashed or tokenized identifiers). */
  identifier?: boolean;
}

export interface SandboxView {
  name: string;
  columns: SandboxColumn[];
}

export interface AlgorithmParameter {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  pattern?: string;
  title: BilingualText;
}

export interface SandboxAlgorithm {
  name: string;
  version: number;
  title: BilingualText;
  description?: BilingualText;
  parameters: AlgorithmParameter[];
  release: string;
  quasiIdentifiers: string[];
  /** Set on a per-entity algorithm: each entity asked about needs its authorization (ADR 0012). */
  entities?: { parameter: string; column: string };
  status: string;
  /** Shown to the provider only. */
  sql?: string;
}

export interface DifferentialPrivacyBudget {
  mechanism: string;
  budget: number;
  spent: number;
  left: number;
}

export interface SandboxRules {
  aggregateOnly: boolean;
  k: number;
  review: 'auto' | 'manual' | string;
  maxRows: number;
  differentialPrivacy?: DifferentialPrivacyBudget;
}

export interface SandboxSchema {
  agreementId: string;
  views: SandboxView[];
  rules: SandboxRules;
  algorithms: SandboxAlgorithm[];
}

export type SubmitJobInput =
  | { agreementId: string; sql: string; privacy?: { epsilon: number; bounds?: Record<string, [number, number]> } }
  | { agreementId: string; algorithm: string; version?: number; parameters: Record<string, string | number | boolean>; authorizations?: unknown[] };

export interface JobListQuery {
  agreementId?: string;
  state?: string;
  limit: number;
  offset: number;
}
