import { describe, expect, it } from 'vitest';
import { budgetLeft, noiseScale, sampleNoise } from './differential-privacy.js';
import { seededRandom } from '../random/seeded-random.js';

describe('differential privacy', () => {
  it('scales Laplace noise as sensitivity over epsilon', () => {
    expect(noiseScale({ mechanism: 'laplace', delta: 1e-6 }, 24, 0.5)).toBe(48);
  });

  it('scales Gaussian noise with the classic sqrt(2 ln(1.25/δ)) factor', () => {
    expect(noiseScale({ mechanism: 'gaussian', delta: 1e-5 }, 1, 1)).toBeCloseTo(Math.sqrt(2 * Math.log(1.25e5)), 9);
  });

  it('draws Laplace noise with mean 0 and mean absolute deviation b', () => {
    const random = seededRandom(7);
    const draws = Array.from({ length: 20_000 }, () => sampleNoise('laplace', 3, () => Math.min(1 - 1e-12, Math.max(1e-12, random()))));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const mad = draws.reduce((a, b) => a + Math.abs(b), 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.15);
    expect(mad).toBeGreaterThan(2.85);
    expect(mad).toBeLessThan(3.15);
  });

  it('never reports a negative budget left', () => {
    expect(budgetLeft({ mechanism: 'laplace', budget: 1, delta: 0 }, 1.2)).toBe(0);
    expect(budgetLeft({ mechanism: 'laplace', budget: 1, delta: 0 }, 0.3)).toBe(0.7);
  });
});
