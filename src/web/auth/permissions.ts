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

/** Every logged-in person may search the catalog; the operator answers with what they may see. */
export function canSearchCatalog(session: Session | null): boolean {
  return Boolean(userOf(session));
}

/** Operator staff and regulators see the catalog review queue and every entry's review (read-only for some). */
export function canSeeCatalogReviews(session: Session | null): boolean {
  return canSeeAllParticipants(session);
}

/** Users of a data provider have entries of their own; an older node that sends no roles gets the benefit of the doubt. */
export function hasOwnCatalog(session: Session | null): boolean {
  const user = userOf(session);
  if (!ownParticipantId(session)) return false;
  return user?.participantRoles === undefined || user.participantRoles.includes('provider');
}

/** Operator staff and regulators read the effectiveness dashboard (应用成效); the API refuses everyone else. */
export function canSeeDashboard(session: Session | null): boolean {
  return canSeeAllParticipants(session);
}
