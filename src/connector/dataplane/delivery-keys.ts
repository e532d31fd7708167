import { randomBytes, randomInt } from 'node:crypto';
import { deriveKey } from '../../core/crypto/keyed-hash.js';
import type { DesensitizationKeys } from '../../core/desensitization/index.js';

let processMaster: Uint8Array | undefined;

/**
 * The secret delivered files' desensitization keys derive from: the connector's sandbox key
 * (`sandbox-key`) when configured, else one random 32-byte key for the life of this process.
 * Without a configured key, hashes and tokens change with every restart.
 */
export function deliveryMasterKey(configured?: Uint8Array): Uint8Array {
  return configured ?? (processMaster ??= randomBytes(32));
}

/**
 * The keys of one delivery, under the labels the sandbox uses (sandbox-views.ts), so a hashed
 * value reads the same in a sandbox view and in a delivered file of the same asset, and a token
 * is the same in both under one agreement and differs across agreements.
 */
export function deliveryKeys(master: Uint8Array, assetId: string, agreementId: string): DesensitizationKeys {
  return { hashKey: deriveKey(master, `sandbox-hash:${assetId}`), tokenKey: deriveKey(master, `sandbox-token:${agreementId}`) };
}

const SCALE = 2 ** 48;

/**
 * Uniform in the open interval (0, 1) from the CSPRNG, for noise: 48 random bits, never 0 (a
 * logarithm of it stays finite) and never 1. Math.random is predictable enough to subtract noise.
 */
export const secureUniform = (): number => randomInt(1, SCALE) / SCALE;
