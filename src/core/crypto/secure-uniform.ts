import { randomInt } from 'node:crypto';

const SCALE = 2 ** 47;

/**
 * Uniform in the open interval (0, 1) from the CSPRNG, for privacy noise: 47 random bits, never 0
 * (a logarithm of it stays finite) and never 1. Math.random is predictable enough to subtract noise.
 */
export const secureUniform = (): number => randomInt(1, SCALE) / SCALE;
