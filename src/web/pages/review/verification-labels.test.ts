import { describe, expect, it } from 'vitest';
import { maskedCheckDetail, verificationTitle } from './verification-labels';

describe('verification results as a reviewer reads them', () => {
  it('calls the built-in checks rule checks, and names the registry of an external verifier', () => {
    expect(verificationTitle({ verifier: 'rules:resident-id', kind: 'public-security' })).toEqual({ key: 'verification.rulesOnly.public-security', rulesOnly: true });
    expect(verificationTitle({ verifier: 'rules:uscc', kind: 'market-regulation' })).toEqual({ key: 'verification.rulesOnly.market-regulation', rulesOnly: true });
    expect(verificationTitle({ verifier: 'gsxt-api', kind: 'market-regulation' })).toEqual({ key: 'verification.kind.market-regulation', rulesOnly: false });
  });

  it('masks a birth date in a resident-ID check, as the ID number is masked', () => {
    expect(maskedCheckDetail('resident-id.adult', 'born 1949-12-31')).toBe('born ****-**-**');
    expect(maskedCheckDetail('resident-id.adult', 'born 19491231')).toBe('born ****-**-**');
    expect(maskedCheckDetail('uscc.region-matches', 'registered in 350200, declared 350200')).toBe('registered in 350200, declared 350200');
  });
});
