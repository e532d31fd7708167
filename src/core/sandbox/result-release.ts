import { sampleNoise } from './differential-privacy.js';
import { refusal, type Refusal } from './gate-refusal.js';
import type { GatePlan } from './query-gate.js';
import type { DifferentialPrivacyRule, ReleaseRules } from './sandbox-grant.js';

/** A result as it may leave the sandbox once released. */
export interface SandboxResult {
  columns: string[];
  rows: Array<Array<string | number | boolean | null>>;
}

export type Cell = string | number | boolean | null;

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * The rows DuckDB returned → the result that may be released: hidden columns dropped, noise
 * drawn where the plan says (Laplace/Gaussian with `uniform` from a CSPRNG), averages computed
 * from the noisy sum and count. Too many rows is a refusal, not a truncation; so is a result
 * whose every group was suppressed.
 */
export function releaseRows(
  plan: GatePlan,
  rows: ReadonlyArray<readonly Cell[]>,
  rules: Pick<ReleaseRules, 'maxRows' | 'k'> & { differentialPrivacy?: DifferentialPrivacyRule },
  uniform: () => number,
): { result: SandboxResult; smallestGroup?: number } | { refusal: Refusal } {
  if (rows.length > rules.maxRows) return { refusal: refusal('sandbox.result-too-large', { max: rules.maxRows }) };
  // Every group fell under k: say so, rather than release an empty table that looks like "no data".
  if (plan.exactSql && rows.length === 0) return { refusal: refusal('sandbox.small-groups', { k: rules.k }) };
  const mechanism = rules.differentialPrivacy?.mechanism ?? 'laplace';
  const noisy = (value: Cell, scale: number) => round(Number(value ?? 0) + sampleNoise(mechanism, scale, uniform));
  const out = rows.map((row) =>
    plan.columns.map((c): Cell => {
      if ('sum' in c) {
        const count = Math.max(1, noisy(row[c.count] ?? 0, c.countNoise));
        return round(noisy(row[c.sum] ?? 0, c.sumNoise) / count);
      }
      const value = row[c.source] ?? null;
      return 'noise' in c ? noisy(value, c.noise) : value;
    }),
  );
  const subjects = plan.subjectsColumn === undefined ? [] : rows.map((r) => Number(r[plan.subjectsColumn as number] ?? 0));
  return {
    result: { columns: plan.columns.map((c) => c.name), rows: out },
    ...(subjects.length ? { smallestGroup: Math.min(...subjects) } : {}),
  };
}
