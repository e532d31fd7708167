import { error95, sampleNoise } from './differential-privacy.js';
import { refusal, type Refusal } from './gate-refusal.js';
import type { GatePlan } from './query-gate.js';
import type { DifferentialPrivacyRule, ReleaseRules } from './sandbox-grant.js';

/** What differential privacy did to a result: the ε it spent and each noisy column's 95% error bound. */
export interface PrivacyReport {
  epsilon: number;
  mechanism: 'laplace' | 'gaussian';
  /** Per noisy column: |released − exact| stays under `error95` with probability 0.95 (the largest over rows for averages). */
  columns: Array<{ name: string; error95: number }>;
}

/** A result as it may leave the sandbox once released. */
export interface SandboxResult {
  columns: string[];
  rows: Array<Array<string | number | boolean | null>>;
  privacy?: PrivacyReport;
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
  epsilon?: number,
): { result: SandboxResult; smallestGroup?: number } | { refusal: Refusal } {
  if (rows.length > rules.maxRows) return { refusal: refusal('sandbox.result-too-large', { max: rules.maxRows }) };
  // Every group fell under k: say so, rather than release an empty table that looks like "no data".
  if (plan.exactSql && rows.length === 0) return { refusal: refusal('sandbox.small-groups', { k: rules.k }) };
  const mechanism = rules.differentialPrivacy?.mechanism ?? 'laplace';
  const noisy = (value: Cell, scale: number) => round(Number(value ?? 0) + sampleNoise(mechanism, scale, uniform));
  const bound = (scale: number) => error95(mechanism, scale);
  // An average's error: that of its sum, plus its count's error times the average, over the count.
  const avgError = new Map<number, number>();
  const out = rows.map((row) =>
    plan.columns.map((c, i): Cell => {
      if ('sum' in c) {
        const count = Math.max(1, noisy(row[c.count] ?? 0, c.countNoise));
        const average = round(noisy(row[c.sum] ?? 0, c.sumNoise) / count);
        avgError.set(i, Math.max(avgError.get(i) ?? 0, (bound(c.sumNoise) + Math.abs(average) * bound(c.countNoise)) / count));
        return average;
      }
      const value = row[c.source] ?? null;
      return 'noise' in c ? noisy(value, c.noise) : value;
    }),
  );
  const subjects = plan.subjectsColumn === undefined ? [] : rows.map((r) => Number(r[plan.subjectsColumn as number] ?? 0));
  const noisyColumns = plan.columns.flatMap((c, i) => ('noise' in c ? [{ name: c.name, error95: round(bound(c.noise)) }] : 'sum' in c ? [{ name: c.name, error95: round(avgError.get(i) ?? 0) }] : []));
  const privacy: PrivacyReport | undefined = rules.differentialPrivacy && epsilon !== undefined ? { epsilon, mechanism, columns: noisyColumns } : undefined;
  return {
    result: { columns: plan.columns.map((c) => c.name), rows: out, ...(privacy ? { privacy } : {}) },
    ...(subjects.length ? { smallestGroup: Math.min(...subjects) } : {}),
  };
}
