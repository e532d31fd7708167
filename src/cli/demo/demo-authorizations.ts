import { importEd25519Seed } from '../../core/crypto/ed25519-key.js';
import { hashAlgorithm } from '../../core/crypto/hash-algorithm.js';
import { documentDigest, signedAuthorization, type EntityAuthorization } from '../../core/sandbox/entity-authorization.js';
import type { LoanApplicant } from './demo-electricity-data.js';

const YEARS_VALID = 5;

/**
 * The authorizations the bank holds from its loan applicants (依场景授权): each applicant agreed,
 * when it applied, that the bank may have it scored for the credit purpose for five years. Every
 * other applicant signed electronically (Ed25519, with a key the demo derives from its code, so
 * the space is reproducible); for the rest the bank keeps the signed paper form and submits its
 * SM3 digest. Deterministic.
 */
export function applicantAuthorizations(applicants: readonly LoanApplicant[], consumer: string, purpose: string): Map<string, EntityAuthorization> {
  const sm3 = hashAlgorithm('sm3');
  return new Map(
    applicants.map((a, i) => {
      const from = new Date(`${a.appliedOn}T00:00:00Z`);
      const until = new Date(from);
      until.setUTCFullYear(from.getUTCFullYear() + YEARS_VALID);
      const statement = { entityId: a.uscc, purpose, consumer, validFrom: from.toISOString(), validUntil: until.toISOString() };
      if (i % 2 === 0) {
        const key = importEd25519Seed(sm3.digestUtf8(`demo applicant key ${a.uscc}`));
        return [a.uscc, signedAuthorization(statement, { algorithm: 'Ed25519', publicKey: key.publicKey, sign: (m) => key.sign(m) })];
      }
      const form = new TextEncoder().encode(`授权书：${a.uscc} 同意城商银行（${consumer}）为“${purpose}”之目的，在数据空间中对本企业用电数据进行信用评分。申请编号 ${a.applicationNo}，有效期至 ${statement.validUntil}。`);
      return [a.uscc, { ...statement, evidence: { kind: 'document', algorithm: 'SM3', digest: documentDigest('SM3', form) } }];
    }),
  );
}
