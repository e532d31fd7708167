import type { VerificationCheck, VerificationResult } from '../../core/admission/participant-record.js';
import { inSameProvince, validateResidentId, validateUscc } from '../../core/identity-codes/index.js';
import type { IdentityVerifier, VerifiableApplication } from './identity-verifier.js';

const ADULT_YEARS = 18;

function result(verifier: IdentityVerifier, checks: VerificationCheck[], at: Date): VerificationResult {
  return { verifier: verifier.name, kind: verifier.kind, outcome: checks.every((c) => c.passed) ? 'pass' : 'fail', checks, at: at.toISOString() };
}

/**
 * The registration-record checks a space can make without an online registry: the code's
 * structure and check character, its registration region against the declared one, and whether
 * the registering authority's kind of organisation fits the roles asked for (a regulator must
 * be a government body registered by 机构编制, authority code 1).
 */
export class UsccRulesVerifier implements IdentityVerifier {
  readonly name = 'rules:uscc';
  readonly kind = 'market-regulation' as const;

  async verify(application: VerifiableApplication, at: Date): Promise<VerificationResult> {
    const code = validateUscc(application.uscc);
    const checks: VerificationCheck[] = [
      { rule: 'uscc.well-formed', passed: code.ok, detail: code.ok ? 'GB 32100-2015 structure and check character valid' : `fails ${code.failure.rule}` },
    ];
    if (code.ok) {
      checks.push({
        rule: 'uscc.region-matches',
        passed: code.value.regionCode === '100000' || inSameProvince(code.value.regionCode, application.region),
        detail: `registered in ${code.value.regionCode}, declared ${application.region}`,
      });
      if (application.roles.includes('regulator')) {
        checks.push({
          rule: 'uscc.regulator-is-government-body',
          passed: code.value.authority === '1',
          detail: `registration authority ${code.value.authority}; a regulator must be registered by 机构编制 (1)`,
        });
      }
    }
    return result(this, checks, at);
  }
}

/** Checks of the legal representative's resident ID that need no 公安 query: validity and age. */
export class ResidentIdRulesVerifier implements IdentityVerifier {
  readonly name = 'rules:resident-id';
  readonly kind = 'public-security' as const;

  async verify(application: VerifiableApplication, at: Date): Promise<VerificationResult> {
    const id = validateResidentId(application.legalRepresentative.idNumber, at);
    const checks: VerificationCheck[] = [
      { rule: 'resident-id.well-formed', passed: id.ok, detail: id.ok ? 'GB 11643-1999 region, birth date and check character valid' : `fails ${id.failure.rule}` },
    ];
    if (id.ok) {
      const birth = new Date(`${id.value.birthDate}T00:00:00Z`);
      const adultOn = new Date(Date.UTC(birth.getUTCFullYear() + ADULT_YEARS, birth.getUTCMonth(), birth.getUTCDate()));
      // The birth date is digits 7–14 of the ID number, the very digits its mask hides: a check
      // result is stored, shown to reviewers and written to the ledger, so it must not carry it.
      checks.push({ rule: 'resident-id.adult', passed: adultOn <= at, detail: `born ****-**-** (masked); 18 or over on ${at.toISOString().slice(0, 10)}: ${adultOn <= at ? 'yes' : 'no'}` });
    }
    return result(this, checks, at);
  }
}

export const rulesVerifiers = (): IdentityVerifier[] => [new UsccRulesVerifier(), new ResidentIdRulesVerifier()];
