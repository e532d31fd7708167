import { DomainError } from '../errors/index.js';

/** Where a participant stands in admission (接入核验审查); one record from application to exit. */
export const participantStatuses = ['submitted', 'under_review', 'approved', 'rejected', 'suspended', 'revoked'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];

/** What a reviewer or the applicant does; each names one edge of the review workflow. */
export const reviewActions = ['start-review', 'approve', 'reject', 'resubmit', 'suspend', 'reinstate', 'revoke'] as const;
export type ReviewAction = (typeof reviewActions)[number];

/**
 * The review workflow: submitted → under review → approved or rejected (a rejected applicant
 * may resubmit); approved ↔ suspended (reinstate); anything not yet revoked → revoked.
 * Revoked is final: a revoked organisation applies anew only through the operator.
 */
const edges: Record<ReviewAction, { from: readonly ParticipantStatus[]; to: ParticipantStatus }> = {
  'start-review': { from: ['submitted'], to: 'under_review' },
  approve: { from: ['under_review'], to: 'approved' },
  reject: { from: ['under_review'], to: 'rejected' },
  resubmit: { from: ['rejected'], to: 'submitted' },
  suspend: { from: ['approved'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'approved' },
  revoke: { from: ['submitted', 'under_review', 'approved', 'rejected', 'suspended'], to: 'revoked' },
};

/** Actions whose reason is recorded as mandatory: they take something away from the applicant. */
export const actionsNeedingReason: ReadonlySet<ReviewAction> = new Set(['reject', 'suspend', 'revoke']);

export function allowedActions(status: ParticipantStatus): ReviewAction[] {
  return reviewActions.filter((action) => edges[action].from.includes(status));
}

/** The status `action` leads to from `status`; a conflict failure when the workflow forbids it. */
export function transition(status: ParticipantStatus, action: ReviewAction): ParticipantStatus {
  const edge = edges[action];
  if (!edge.from.includes(status)) {
    throw new DomainError(
      'participant.transition-invalid',
      `Cannot ${action} a participant that is ${status}; allowed: ${allowedActions(status).join(', ') || 'nothing'}.`,
    );
  }
  return edge.to;
}

/** Statuses in which the participant holds valid credentials (suspended ones are marked, not lost). */
export const credentialedStatuses: ReadonlySet<ParticipantStatus> = new Set(['approved', 'suspended']);
