import type { PublicationAction } from '../../api/assets-api';

// What the operator's catalog allows from each status (src/core/catalog/catalog-entry-status.ts);
// the console only offers what would be accepted, the operator still decides.
const allowed: Readonly<Record<PublicationAction | 'publish', readonly string[]>> = {
  publish: ['pending_review', 'published', 'rejected', 'unpublished'],
  unpublish: ['published', 'pending_review'],
  withdraw: ['pending_review', 'published', 'rejected', 'unpublished'],
};

/** Whether the action is open to a publication of `status` (no publication: publishing only). */
export function canTake(status: string | undefined, action: PublicationAction | 'publish'): boolean {
  if (status === undefined) return action === 'publish';
  return allowed[action].includes(status);
}
