import { canonicalJson } from '../canonical-json/canonical-json.js';
import { hashAlgorithm, type HashAlgorithmName } from '../crypto/hash-algorithm.js';

/**
 * `<alg>:<hex>` of the agreement's canonical JSON (RFC 8785 style, as the ledger hashes payloads):
 * what both parties sign and what the ledger records, so a copy of the agreement from either side
 * can be checked against the evidence without trusting whoever hands it over.
 */
export function agreementHash(agreementJson: Record<string, unknown>, algorithm: HashAlgorithmName = 'sha256'): string {
  const alg = hashAlgorithm(algorithm);
  return `${alg.name}:${Buffer.from(alg.digestUtf8(canonicalJson(agreementJson))).toString('hex')}`;
}
