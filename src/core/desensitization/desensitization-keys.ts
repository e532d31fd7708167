import { deriveKey } from '../crypto/keyed-hash.js';
import type { DesensitizationKeys } from './desensitize-value.js';

/**
 * The keys of one asset under one agreement, derived from the connector's desensitization secret:
 * the hash key per asset (a hashed value reads the same in every sandbox view and delivered file
 * of that asset), the token key per agreement (tokens differ across agreements, so consumers
 * cannot join what they received under two of them).
 */
export function desensitizationKeys(master: Uint8Array, assetId: string, agreementId: string): DesensitizationKeys {
  return { hashKey: deriveKey(master, `sandbox-hash:${assetId}`), tokenKey: deriveKey(master, `sandbox-token:${agreementId}`) };
}
