import type { Session } from './session-store';
import type { User } from '../api/api-types';

const userOf = (session: Session | null): User | undefined => (session?.kind === 'user' ? session.user : undefined);

/** Operator admins and reviewers act on participants; auditors and regulators only read. */
export function canReview(session: Session | null): boolean {
  const user = userOf(session);
  return user?.kind === 'operator' && user.roles.some((role) => role === 'admin' || role === 'reviewer');
}

/** Operator staff and users of a regulator participant see every participant (read-only for some). */
export function canSeeAllParticipants(session: Session | null): boolean {
  const user = userOf(session);
  if (!user) return false;
  return user.kind === 'operator' || (user.participantRoles ?? []).includes('regulator');
}

/** The participant the logged-in person belongs to, if any. */
export function ownParticipantId(session: Session | null): string | undefined {
  const user = userOf(session);
  return user?.kind === 'participant' && user.participantId ? user.participantId : undefined;
}
