import { reviewActions, type Participant, type ParticipantStatus, type ReviewAction } from '../../api/api-types';

// The contract's workflow, used when a node does not send `allowedActions` itself.
const fromStatus: Record<ParticipantStatus, ReviewAction[]> = {
  submitted: ['start-review', 'revoke'],
  under_review: ['approve', 'reject', 'revoke'],
  approved: ['suspend', 'revoke'],
  rejected: ['revoke'],
  suspended: ['reinstate', 'revoke'],
  revoked: [],
};

/** Reject, suspend and revoke take something away: the reviewer must say why. */
export const reasonRequired: ReadonlySet<ReviewAction> = new Set(['reject', 'suspend', 'revoke']);

/** Danger actions are shown in red and last. */
export const dangerous: ReadonlySet<ReviewAction> = new Set(['reject', 'suspend', 'revoke']);

export function actionsFor(participant: Participant): ReviewAction[] {
  const allowed = participant.allowedActions
    ? reviewActions.filter((a) => participant.allowedActions?.includes(a))
    : (fromStatus[participant.status] ?? []);
  return [...allowed].sort((a, b) => Number(dangerous.has(a)) - Number(dangerous.has(b)));
}
