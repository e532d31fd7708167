/**
 * The query-set audit (查询集审计) of agreements that keep exact answers. k per group is not
 * enough: two released groups whose contributing rows differ by the rows of fewer than k subjects
 * give those subjects' values by subtraction (the "tracker" attack: a district × industry × month
 * cell, minus the same cell split by `round(用电量, -5)` with its bucket of one suppressed, is
 * one enterprise's month). So each released group's contributors are remembered (row numbers of
 * the view and a fingerprint of each row's subject), and a new query is refused when one of its
 * groups, or the union of its groups meeting an earlier group, differs from an earlier group
 * (or the union of an earlier query's groups meeting it) by the rows of 1 to k−1 subjects.
 */

/** One group's contributing rows (ascending row numbers of the view) and each row's subject fingerprint. */
export interface GroupMembers {
  rows: Uint32Array;
  subjects: Uint32Array;
}

/** The groups one query released from one view (groups of one query never share a row). */
export interface AuditedQuery {
  jobId: string;
  view: string;
  groups: GroupMembers[];
}

export interface Tracker {
  /** The earlier job whose released group the new query nearly repeats. */
  jobId: string;
  /** Index of the new query's group involved. */
  group: number;
  /** Subjects whose rows make the difference (1 to k−1). */
  subjects: number;
}

/** Row number → the groups of a query holding it. */
function rowIndex(groups: readonly GroupMembers[]): Map<number, number[]> {
  const index = new Map<number, number[]>();
  groups.forEach((g, i) => g.rows.forEach((r) => (index.get(r) ?? index.set(r, []).get(r)!).push(i)));
  return index;
}

/** Distinct subjects of the rows in exactly one of `a` and `b` (each a union of disjoint groups). */
function differenceSubjects(a: readonly GroupMembers[], b: readonly GroupMembers[]): number {
  const inA = new Map<number, number>();
  for (const g of a) g.rows.forEach((r, i) => inA.set(r, g.subjects[i] as number));
  const subjects = new Set<number>();
  const inB = new Set<number>();
  for (const g of b) {
    g.rows.forEach((r, i) => {
      inB.add(r);
      if (!inA.has(r)) subjects.add(g.subjects[i] as number);
    });
  }
  for (const [r, s] of inA) if (!inB.has(r)) subjects.add(s);
  return subjects.size;
}

const size = (groups: readonly GroupMembers[]) => groups.reduce((n, g) => n + g.rows.length, 0);

/**
 * The first way `candidate` differences an earlier query of `history`, if any. Rows outside
 * `[1, k·m)` cannot hold 1 to k−1 subjects (m: most rows per subject; unbounded across a join),
 * so only differences of fewer than k·m rows are counted subject by subject.
 */
export function findTracker(candidate: AuditedQuery, history: readonly AuditedQuery[], k: number, rowsPerSubject: number): Tracker | undefined {
  const limit = k * Math.max(1, rowsPerSubject);
  const newGroups = candidate.groups;
  const small = (a: readonly GroupMembers[], b: readonly GroupMembers[], overlap: number) => {
    const rows = size(a) + size(b) - 2 * overlap;
    if (rows <= 0 || rows >= limit) return 0;
    const n = differenceSubjects(a, b);
    return n > 0 && n < k ? n : 0;
  };
  for (const earlier of history) {
    if (earlier.view !== candidate.view || earlier.jobId === candidate.jobId) continue;
    const old = earlier.groups;
    // overlap.get(j).get(g): rows new group j shares with earlier group g.
    const overlap = new Map<number, Map<number, number>>();
    const oldIndex = rowIndex(old);
    newGroups.forEach((group, j) => {
      const row = new Map<number, number>();
      for (const r of group.rows) for (const g of oldIndex.get(r) ?? []) row.set(g, (row.get(g) ?? 0) + 1);
      if (row.size) overlap.set(j, row);
    });
    const byOld = new Map<number, Map<number, number>>();
    for (const [j, row] of overlap) for (const [g, o] of row) (byOld.get(g) ?? byOld.set(g, new Map()).get(g)!).set(j, o);
    const found = (j: number, subjects: number): Tracker => ({ jobId: earlier.jobId, group: j, subjects });
    // One new group against one earlier group.
    for (const [j, row] of overlap) {
      for (const [g, o] of row) {
        const n = small([newGroups[j]!], [old[g]!], o);
        if (n) return found(j, n);
      }
    }
    // An earlier group against the new groups meeting it: all of them, then those inside it.
    for (const [g, row] of byOld) {
      const meeting = [...row.keys()];
      const inside = meeting.filter((j) => row.get(j) === newGroups[j]!.rows.length);
      for (const set of [meeting, inside]) {
        if (set.length < 2) continue;
        const shared = set.reduce((s, j) => s + (row.get(j) ?? 0), 0);
        const n = small(set.map((j) => newGroups[j]!), [old[g]!], shared);
        if (n) return found(set[0]!, n);
      }
    }
    // A new group against the earlier groups meeting it: all of them, then those inside it.
    for (const [j, row] of overlap) {
      const meeting = [...row.keys()];
      const inside = meeting.filter((g) => row.get(g) === old[g]!.rows.length);
      for (const set of [meeting, inside]) {
        if (set.length < 2) continue;
        const shared = set.reduce((s, g) => s + (row.get(g) ?? 0), 0);
        const n = small([newGroups[j]!], set.map((g) => old[g]!), shared);
        if (n) return found(j, n);
      }
    }
  }
  return undefined;
}

/**
 * A group's members as the engine lists them (`"<row> <subject>"`, one per contributing row) →
 * ascending rows with their subjects' fingerprints.
 */
export function groupMembers(listed: unknown, fingerprint: (subject: string) => number): GroupMembers {
  const items = (Array.isArray(listed) ? listed : []).map((v) => {
    const text = String(v);
    const at = text.indexOf(' ');
    return [Number(text.slice(0, at)), fingerprint(text.slice(at + 1))] as const;
  });
  items.sort((a, b) => a[0] - b[0]);
  return { rows: Uint32Array.from(items, (i) => i[0]), subjects: Uint32Array.from(items, (i) => i[1]) };
}
