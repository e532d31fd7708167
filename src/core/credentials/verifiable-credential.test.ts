import { describe, expect, it } from 'vitest';
import { credentialTypeOf, issuerOf, legalEntityCredential, membershipCredential, TRUSTSPACE_CONTEXT, VC_CONTEXT } from './verifiable-credential.js';

const OPERATOR = 'did:web:space-a.example';
const HOLDER = `${OPERATOR}:participants:p7`;

/** What every credential of a participant shares; override any part. */
function aCommon(overrides: Partial<Parameters<typeof membershipCredential>[0]> = {}) {
  return {
    id: 'urn:uuid:0b6f4c1e-6f41-4d0e-9f1e-5b7f6c0a1d2e',
    issuer: OPERATOR,
    subject: HOLDER,
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: '2027-01-01T00:00:00.000Z',
    status: { index: 4242, revocationList: 'https://space-a.example/status/revocation', suspensionList: 'https://space-a.example/status/suspension' },
    ...overrides,
  };
}
const aMembership = (overrides: Partial<Parameters<typeof membershipCredential>[0]> = {}) =>
  membershipCredential({ ...aCommon(), space: OPERATOR, participantId: 'p7', roles: ['provider', 'consumer'], serviceKinds: ['dataset'], ...overrides });
const aLegalEntity = (overrides: Partial<Parameters<typeof legalEntityCredential>[0]> = {}) =>
  legalEntityCredential({ ...aCommon(), name: '厦门城商银行', uscc: '91350200776049653A', region: '350200', industry: 'J66', ...overrides });

describe.each([
  ['MembershipCredential', aMembership],
  ['LegalEntityCredential', aLegalEntity],
] as const)('a %s', (type, build) => {
  it('is a VC 2.0 credential: the v2 context first, then Trustspace’s, and VerifiableCredential first among its types', () => {
    const vc = build();
    expect(vc['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
    expect(vc['@context']).toEqual([VC_CONTEXT, TRUSTSPACE_CONTEXT]);
    expect(vc.type).toEqual(['VerifiableCredential', type]);
    expect(credentialTypeOf(vc)).toBe(type);
  });

  it('names its issuer, subject and validity period, with VC 2.0 validFrom/validUntil rather than VC 1.1 dates', () => {
    const vc = build();
    expect(vc).toMatchObject({ id: aCommon().id, issuer: OPERATOR, validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2027-01-01T00:00:00.000Z' });
    expect(vc.credentialSubject.id).toBe(HOLDER);
    expect(vc).not.toHaveProperty('issuanceDate');
    expect(vc).not.toHaveProperty('expirationDate');
  });

  it('carries a revocation and a suspension BitstringStatusListEntry at the same index, given as a base-10 string', () => {
    expect(build().credentialStatus).toEqual([
      { id: 'https://space-a.example/status/revocation#4242', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '4242', statusListCredential: 'https://space-a.example/status/revocation' },
      { id: 'https://space-a.example/status/suspension#4242', type: 'BitstringStatusListEntry', statusPurpose: 'suspension', statusListIndex: '4242', statusListCredential: 'https://space-a.example/status/suspension' },
    ]);
  });

  it('gives each status entry an id that is not the status list’s own URL (Bitstring Status List: it MUST NOT be)', () => {
    for (const entry of build().credentialStatus ?? []) expect(entry.id).not.toBe(entry.statusListCredential);
  });

  it('survives JSON, as it must to become JWT claims', () => {
    const vc = build();
    expect(JSON.parse(JSON.stringify(vc))).toEqual(vc);
  });
});

describe('credential subjects', () => {
  it('describes a space member: which space, which participant, which roles and service kinds', () => {
    expect(aMembership().credentialSubject).toEqual({ id: HOLDER, type: 'SpaceMember', space: OPERATOR, participantId: 'p7', roles: ['provider', 'consumer'], serviceKinds: ['dataset'] });
  });

  it('leaves serviceKinds out when the member offers none', () => {
    expect(aMembership({ serviceKinds: [] }).credentialSubject).not.toHaveProperty('serviceKinds');
  });

  it('describes the legal entity: name, unified social credit code, region and industry', () => {
    expect(aLegalEntity().credentialSubject).toEqual({ id: HOLDER, type: 'LegalEntity', name: '厦门城商银行', uscc: '91350200776049653A', region: '350200', industry: 'J66' });
  });
});

describe('reading credentials', () => {
  it('finds the specific type, whatever its position, and copes with a single type string', () => {
    expect(credentialTypeOf({ type: ['MembershipCredential', 'VerifiableCredential'] })).toBe('MembershipCredential');
    expect(credentialTypeOf({ type: ['VerifiableCredential'] })).toBeUndefined();
    expect(credentialTypeOf({ type: 'LegalEntityCredential' as unknown as string[] })).toBe('LegalEntityCredential');
  });

  it('reads the issuer as a string or as an object with an id (VC 2.0 allows both)', () => {
    expect(issuerOf({ issuer: OPERATOR })).toBe(OPERATOR);
    expect(issuerOf({ issuer: { id: OPERATOR, name: '空间运营方' } })).toBe(OPERATOR);
  });

  it('has no issuer for a missing, empty or id-less issuer', () => {
    expect(issuerOf({})).toBeUndefined();
    expect(issuerOf({ issuer: null })).toBeUndefined();
    expect(issuerOf({ issuer: {} })).toBeUndefined();
    expect(issuerOf({ issuer: { id: '' } })).toBeUndefined();
    expect(issuerOf({ issuer: 42 })).toBeUndefined();
  });
});
