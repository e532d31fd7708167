import type { DifferentialPrivacyRule } from './sandbox-grant.js';

/**
 * Differential privacy (差分隐私) for released counts and sums. Each output row is a disjoint
 * group, so a job's ε is spent once per row (parallel composition) and split evenly among the
 * row's noisy values (sequential composition). Sensitivities are per subject: a subject with m
 * rows moves a count by m and a clamped sum by m·max(|lo|, |hi|).
 */
export function noiseScale(rule: Pick<DifferentialPrivacyRule, 'mechanism' | 'delta'>, sensitivity: number, epsilon: number): number {
  if (rule.mechanism === 'laplace') return sensitivity / epsilon;
  return (sensitivity * Math.sqrt(2 * Math.log(1.25 / rule.delta))) / epsilon;
}

/** One draw of noise at `scale` (Laplace b or Gaussian σ); `uniform` returns values in (0, 1). */
export function sampleNoise(mechanism: DifferentialPrivacyRule['mechanism'], scale: number, uniform: () => number): number {
  if (mechanism === 'laplace') {
    const u = uniform() - 0.5;
    return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
  }
  const u1 = uniform();
  const u2 = uniform();
  return scale * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * The 95% bound of the noise's absolute value: Laplace P(|X| > t) = e^(−t/b), so t = b·ln 20;
 * Gaussian t = 1.96σ. The expected error the workbench shows beside each noisy column.
 */
export const error95 = (mechanism: DifferentialPrivacyRule['mechanism'], scale: number): number => (mechanism === 'laplace' ? scale * Math.log(20) : 1.959964 * scale);

/** How much of an agreement's budget is left after `spent`, never negative. */
export const budgetLeft = (rule: DifferentialPrivacyRule, spent: number): number => Math.max(0, Math.round((rule.budget - spent) * 1e9) / 1e9);
