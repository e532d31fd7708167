/**
 * The processes the dashboard counts, as the projection keeps them: one row per agreement,
 * transfer process and sandbox job however many sides recorded it. Times are RFC 3339 UTC.
 */
export interface ProjectedAgreement {
  id: string;
  datasetId: string | null;
  providerDid: string | null;
  consumerDid: string | null;
  /** Null until an `agreement.finalized` entry is seen (a negotiation's entries may come first). */
  finalizedAt: string | null;
  revokedAt: string | null;
}

export interface ProjectedTransfer {
  /** The consumer's process id (consumerPid): the one both sides name. */
  id: string;
  agreementId: string | null;
  providerDid: string | null;
  consumerDid: string | null;
  requestedAt: string;
  startedAt: string | null;
  completedAt: string | null;
  terminatedAt: string | null;
  state: string | null;
  /** The time of the entry `state` comes from: the later of two sides' entries wins. */
  stateAt: string;
}

export interface ProjectedSandboxJob {
  /** The provider's job id, which the consumer's entry names too. */
  id: string;
  agreementId: string | null;
  providerDid: string | null;
  consumerDid: string | null;
  submittedAt: string;
  state: string | null;
  stateAt: string;
  /** When the current run started; null when not running. */
  runningSince: string | null;
  runMs: number;
  finishedAt: string | null;
}

export const finalJobStates = ['succeeded', 'refused', 'failed', 'cancelled'] as const;
