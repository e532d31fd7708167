import { DomainError } from '../errors/index.js';

/**
 * The life of a catalog entry at the operator. A publication (a new version) is reviewed
 * automatically; it is published, rejected, or waits for the space's manual review. The
 * provider may unpublish (and publish again) or withdraw for good; a withdrawn URN still
 * resolves, as withdrawn, so old references say what happened.
 */
export const catalogStatuses = ['pending_review', 'published', 'rejected', 'unpublished', 'withdrawn'] as const;
export type CatalogEntryStatus = (typeof catalogStatuses)[number];

export type CatalogAction = 'publish' | 'approve' | 'reject' | 'unpublish' | 'withdraw';

const allowed: Readonly<Record<CatalogAction, readonly CatalogEntryStatus[]>> = {
  // A new version may come at any time before withdrawal; a published one replaces the old.
  publish: ['pending_review', 'published', 'rejected', 'unpublished'],
  approve: ['pending_review'],
  reject: ['pending_review'],
  unpublish: ['published', 'pending_review'],
  withdraw: ['pending_review', 'published', 'rejected', 'unpublished'],
};

export function canTake(status: CatalogEntryStatus, action: CatalogAction): boolean {
  return allowed[action].includes(status);
}

/** Refuses an action the entry's status does not allow, with a stable code. */
export function requireAction(status: CatalogEntryStatus, action: CatalogAction): void {
  if (!canTake(status, action)) {
    throw new DomainError('catalog.invalid-transition', `A ${status.replace('_', ' ')} entry cannot be ${action === 'publish' ? 'published again' : `${action}d`}.`);
  }
}
