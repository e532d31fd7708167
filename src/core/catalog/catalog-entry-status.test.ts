import { describe, expect, it } from 'vitest';
import { canTake, catalogStatuses, requireAction } from './catalog-entry-status.js';

describe('catalog entry status', () => {
  it('lets a provider publish again until it withdraws, and a reviewer decide only what waits for review', () => {
    expect(catalogStatuses.filter((s) => canTake(s, 'publish'))).toEqual(['pending_review', 'published', 'rejected', 'unpublished']);
    expect(catalogStatuses.filter((s) => canTake(s, 'approve'))).toEqual(['pending_review']);
    expect(catalogStatuses.filter((s) => canTake(s, 'unpublish'))).toEqual(['pending_review', 'published']);
    expect(catalogStatuses.filter((s) => canTake(s, 'withdraw'))).not.toContain('withdrawn');
  });

  it('refuses an action the status does not allow with a stable code', () => {
    expect(() => requireAction('withdrawn', 'publish')).toThrow(expect.objectContaining({ code: 'catalog.invalid-transition' }));
    expect(() => requireAction('published', 'approve')).toThrow(/cannot be approved/);
  });
});
