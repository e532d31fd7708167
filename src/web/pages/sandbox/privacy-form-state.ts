import type { SubmitJobInput } from '../../api/sandbox-types';

export interface BoundRow {
  column: string;
  lo: string;
  hi: string;
}

export interface PrivacyFormState {
  epsilon: string;
  bounds: BoundRow[];
}

export const emptyPrivacy: PrivacyFormState = { epsilon: '', bounds: [] };

export type PrivacyProblem = 'epsilon' | 'bounds';

type Privacy = Extract<SubmitJobInput, { sql: string }>['privacy'];

/**
 * The `privacy` of a SQL job from the form: ε when given (0 < ε ≤ 10 and within what is left),
 * and the clamping bounds of the rows filled in (lo ≤ hi). Nothing given is no `privacy`: the
 * sandbox then spends its default ε.
 */
export function privacyOf(state: PrivacyFormState, left: number | undefined): { privacy?: Privacy } | { problem: PrivacyProblem } {
  const filled = state.bounds.filter((b) => b.column && (b.lo.trim() !== '' || b.hi.trim() !== ''));
  const bounds: Record<string, [number, number]> = {};
  for (const b of filled) {
    const lo = Number(b.lo);
    const hi = Number(b.hi);
    if (b.lo.trim() === '' || b.hi.trim() === '' || !Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) return { problem: 'bounds' };
    bounds[b.column] = [lo, hi];
  }
  const text = state.epsilon.trim();
  if (text === '') return filled.length ? { problem: 'epsilon' } : {};
  const epsilon = Number(text);
  if (!Number.isFinite(epsilon) || epsilon <= 0 || epsilon > 10 || (left !== undefined && epsilon > left)) return { problem: 'epsilon' };
  return { privacy: { epsilon, ...(filled.length ? { bounds } : {}) } };
}
