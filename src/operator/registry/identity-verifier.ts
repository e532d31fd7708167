import type { VerificationResult } from '../../core/admission/participant-record.js';

/** What a verifier may see: the application's identity data, decrypted for the check only. */
export interface VerifiableApplication {
  participantId: string;
  name: string;
  uscc: string;
  region: string;
  legalRepresentative: { name: string; idNumber: string };
  roles: string[];
}

/**
 * One external identity check (身份核验) run when review starts: market regulation (企业登记),
 * tax (纳税信用) or public security (公安人口库). Implementations for real registries call their
 * APIs here and map the answer:
 * - `pass`: the registry confirmed every check;
 * - `fail`: the registry contradicted the application (approval is then refused);
 * - `unavailable`: the registry could not be asked (timeout, quota); the reviewer decides.
 * A verifier must not throw for an answer it can map; a throw is recorded as `unavailable`.
 * Results, with the registry's reference number, are stored on the participant and in evidence.
 */
export interface IdentityVerifier {
  readonly name: string;
  readonly kind: VerificationResult['kind'];
  verify(application: VerifiableApplication, at: Date): Promise<VerificationResult>;
}
