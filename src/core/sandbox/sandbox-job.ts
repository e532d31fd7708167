import type { VerifiedParty } from '../contracts/policy-subject.js';
import type { Localized } from '../i18n/locale.js';
import type { KAnonymityReport } from '../desensitization/index.js';
import type { Refusal } from './gate-refusal.js';
import type { SandboxResult } from './result-release.js';
import type { PrivacyRequest } from './sandbox-grant.js';

/**
 * A sandbox job (沙箱作业) and its life: queued → running → refused | failed | cancelled |
 * awaiting_review | succeeded. `succeeded` means released: the only state whose result leaves.
 */
export const jobStates = ['queued', 'running', 'refused', 'failed', 'cancelled', 'awaiting_review', 'succeeded'] as const;
export type JobState = (typeof jobStates)[number];

export const finalStates: readonly JobState[] = ['refused', 'failed', 'cancelled', 'succeeded'];

export type JobRequest =
  | { kind: 'sql'; sql: string; privacy?: PrivacyRequest }
  | { kind: 'algorithm'; algorithm: string; version?: number; parameters: Record<string, string | number | boolean> };

/** What the provider's review decided, and the de-identification report it saw. */
export interface JobReview {
  deidentification?: KAnonymityReport;
  smallestGroup?: number;
  decision?: { outcome: 'released' | 'rejected'; by: string; at: string; reason?: string };
}

export interface SandboxJob {
  id: string;
  role: 'provider' | 'consumer';
  agreementId: string;
  peerDid: string;
  peerAddress?: string;
  /** On the provider: the consumer per its verified credentials at submission (the policy's subject). */
  party?: VerifiedParty;
  request: JobRequest;
  state: JobState;
  reason?: Refusal;
  checks?: Localized[];
  /** Held while awaiting review; shown to the consumer only once succeeded. */
  result?: SandboxResult;
  resultSha256?: string;
  epsilon?: number;
  charged: boolean;
  attempts: number;
  review?: JobReview;
  version: number;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}
