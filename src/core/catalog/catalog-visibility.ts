/**
 * Who may see a catalog entry (可见范围). Evaluated in one place, by the operator, for every
 * search, count, facet and read: an entry a caller may not see does not exist for it.
 *
 * - `public`: anyone who may use the catalog, applicants not yet admitted included.
 * - `members`: every admitted (approved) participant.
 * - `restricted`: admitted participants matching every dimension given (roles AND industries
 *   AND regions), any value within a dimension (OR). A region matches the participant's own
 *   region or any region containing it (330000 covers 330100 and 330102).
 * - `named`: only the participants listed.
 * The provider always sees its own entries; operator staff and the regulator see everything
 * for oversight (监管), which the caller's principal states, not the rule.
 */

export type Visibility =
  | { scope: 'public' }
  | { scope: 'members' }
  | { scope: 'restricted'; roles?: string[]; industries?: string[]; regions?: string[] }
  | { scope: 'named'; participants: string[] };

export const visibilityScopes = ['public', 'members', 'restricted', 'named'] as const;

/** The caller as visibility sees it. */
export type Viewer =
  /** Operator staff or a regulator: sees every entry, for review and oversight. */
  | { kind: 'overseer' }
  | {
      kind: 'participant';
      participantId: string;
      /** Approved and not suspended: only admitted participants see more than public entries. */
      admitted: boolean;
      roles: readonly string[];
      /** GB/T 4754 section (`D`) and, when known, division (`D44`). */
      industries: readonly string[];
      /** The participant's GB/T 2260 region code (6 digits). */
      region: string;
    };

/** The codes a 6-digit region belongs to: itself, its prefecture and its province. */
export function regionAncestry(code: string): string[] {
  if (!/^\d{6}$/.test(code)) return [code];
  const province = `${code.slice(0, 2)}0000`;
  const prefecture = `${code.slice(0, 4)}00`;
  return [...new Set([code, prefecture, province])];
}

export function canSee(visibility: Visibility, viewer: Viewer, providerId: string): boolean {
  if (viewer.kind === 'overseer') return true;
  if (viewer.participantId === providerId) return true;
  if (visibility.scope === 'public') return true;
  if (!viewer.admitted) return false;
  switch (visibility.scope) {
    case 'members':
      return true;
    case 'named':
      return visibility.participants.includes(viewer.participantId);
    case 'restricted': {
      const { roles, industries, regions } = visibility;
      if (roles?.length && !roles.some((r) => viewer.roles.includes(r))) return false;
      if (industries?.length && !industries.some((i) => viewer.industries.includes(i))) return false;
      if (regions?.length) {
        const own = regionAncestry(viewer.region);
        if (!regions.some((r) => own.includes(r))) return false;
      }
      return true;
    }
  }
}

/**
 * The one text form of a rule: lists sorted and de-duplicated, empty dimensions dropped, so
 * equal rules are equal strings (the operator stores each distinct rule once and filters
 * entries by the rules a caller passes).
 */
export function canonicalVisibility(visibility: Visibility): string {
  const sorted = (values?: string[]) => (values?.length ? [...new Set(values)].sort() : undefined);
  switch (visibility.scope) {
    case 'public':
    case 'members':
      return JSON.stringify({ scope: visibility.scope });
    case 'named':
      return JSON.stringify({ scope: 'named', participants: sorted(visibility.participants) ?? [] });
    case 'restricted':
      return JSON.stringify({ scope: 'restricted', roles: sorted(visibility.roles), industries: sorted(visibility.industries), regions: sorted(visibility.regions) });
  }
}
