import { describe, expect, it } from 'vitest';
import { findTracker, groupMembers, type AuditedQuery, type GroupMembers } from './query-set-audit.js';

/** A group of rows `[from, to)`, each row's subject `row % subjects` (so a subject holds several rows). */
const rows = (from: number, to: number, subjectOf = (r: number) => r): GroupMembers => {
  const list = Array.from({ length: to - from }, (_, i) => from + i);
  return { rows: Uint32Array.from(list), subjects: Uint32Array.from(list, subjectOf) };
};
const query = (jobId: string, ...groups: GroupMembers[]): AuditedQuery => ({ jobId, view: 'v', groups });
const k = 10;

describe('the query-set audit', () => {
  it('refuses a group that is an earlier group less one subject (a tracker)', () => {
    expect(findTracker(query('new', rows(0, 19)), [query('old', rows(0, 20))], k, 1)).toMatchObject({ jobId: 'old', group: 0, subjects: 1 });
  });

  it('refuses groups that together cover an earlier group but for fewer than k subjects (a split with a suppressed bucket)', () => {
    const earlier = query('old', rows(0, 40));
    // Two released buckets of 20 and 17 rows; the bucket of 3 rows was suppressed.
    expect(findTracker(query('new', rows(0, 20), rows(20, 37)), [earlier], k, 1)).toMatchObject({ jobId: 'old', subjects: 3 });
    // The same split asked first and the whole group second is refused the same way.
    expect(findTracker(earlier, [query('new', rows(0, 20), rows(20, 37))], k, 1)).toMatchObject({ subjects: 3 });
  });

  it('counts subjects, not rows: twelve rows of two subjects are two subjects', () => {
    const twoSubjects = (r: number) => (r < 30 ? r : 1000 + (r % 2));
    expect(findTracker(query('new', rows(0, 30, twoSubjects)), [query('old', rows(0, 42, twoSubjects))], k, 12)).toMatchObject({ subjects: 2 });
  });

  it('lets through the same rows again, differences of k subjects or more, and other views', () => {
    expect(findTracker(query('new', rows(0, 20)), [query('old', rows(0, 20))], k, 1)).toBeUndefined();
    expect(findTracker(query('new', rows(0, 20)), [query('old', rows(0, 30))], k, 1)).toBeUndefined();
    expect(findTracker(query('new', rows(0, 20), rows(20, 30)), [query('old', rows(0, 30))], k, 1)).toBeUndefined();
    expect(findTracker({ ...query('new', rows(0, 19)), view: 'w' }, [query('old', rows(0, 20))], k, 1)).toBeUndefined();
    expect(findTracker(query('new', rows(100, 119)), [query('old', rows(0, 20))], k, 1)).toBeUndefined();
  });

  it('reads the engine’s member lists into ascending rows with fingerprints', () => {
    const members = groupMembers(['7 b', '3 a', '5 a'], (s) => s.charCodeAt(0));
    expect([...members.rows]).toEqual([3, 5, 7]);
    expect([...members.subjects]).toEqual([97, 97, 98]);
  });
});
