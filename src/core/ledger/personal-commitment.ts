import { canonicalJson } from '../canonical-json/canonical-json.js';
import type { HashAlgorithm } from '../crypto/hash-algorithm.js';

/**
 * A salted commitment to a personal value, as it stands in the public ledger in place of the
 * value: `commitment:<alg>:<hex>` of H(salt ‖ canonical JSON of the value). The salt (16 random
 * bytes) stays in the recording node's private `evidence_commitment` table, so the node can open
 * the commitment to an authorised party (a regulator, a court) who then recomputes it; without
 * the salt nobody can confirm a guess (a phone number, a username) against the public log.
 */
export type Commitment = `commitment:${string}`;

const COMMITMENT = /^commitment:(sha256|sm3):[0-9a-f]{64}$/;

export const SALT_BYTES = 16;

export function isCommitment(value: unknown): value is Commitment {
  return typeof value === 'string' && COMMITMENT.test(value);
}

export function commitTo(alg: HashAlgorithm, salt: Uint8Array, value: unknown): Commitment {
  const digest = alg.digest(salt, Buffer.from(canonicalJson(value), 'utf8'));
  return `commitment:${alg.name}:${Buffer.from(digest).toString('hex')}`;
}

/** What opens one commitment: kept privately by the node that recorded the entry. */
export interface CommitmentOpening {
  commitment: Commitment;
  field: string;
  salt: Uint8Array;
  value: unknown;
}

/**
 * Replaces the named top-level members of an object payload by commitments. Absent and null
 * members stay as they are (nothing personal to hide); a member that already is a commitment is
 * left alone. Returns the payload to record and the openings to keep privately.
 */
export function commitPersonalFields(
  alg: HashAlgorithm,
  payload: unknown,
  fields: readonly string[],
  newSalt: () => Uint8Array,
): { payload: unknown; openings: CommitmentOpening[] } {
  if (fields.length === 0 || typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { payload, openings: [] };
  const out: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  const openings: CommitmentOpening[] = [];
  for (const field of fields) {
    const value = out[field];
    if (value === undefined || value === null || isCommitment(value)) continue;
    const salt = newSalt();
    const commitment = commitTo(alg, salt, value);
    out[field] = commitment;
    openings.push({ commitment, field, salt, value });
  }
  return { payload: out, openings };
}
