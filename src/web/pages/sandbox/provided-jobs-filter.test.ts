import { describe, expect, it } from 'vitest';
import { providedJobsSearch, readProvidedJobsFilter } from './provided-jobs-filter';

describe('the provider’s job list filter', () => {
  it('lists every job by default, and the review queue only when asked', () => {
    expect(readProvidedJobsFilter(new URLSearchParams(''))).toEqual({ state: '', page: 0 });
    expect(readProvidedJobsFilter(new URLSearchParams('state=awaiting_review&page=2'))).toEqual({ state: 'awaiting_review', page: 1 });
  });

  it('keeps the filter in the address and round-trips it', () => {
    expect(providedJobsSearch({ state: '', page: 0 })).toBe('');
    const search = providedJobsSearch({ state: 'awaiting_review', page: 2 });
    expect(search).toBe('?state=awaiting_review&page=3');
    expect(readProvidedJobsFilter(new URLSearchParams(search))).toEqual({ state: 'awaiting_review', page: 2 });
  });
});
