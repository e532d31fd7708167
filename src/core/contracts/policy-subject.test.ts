import { describe, expect, it } from 'vitest';
import { policySubjectOf, type VerifiedParty } from './policy-subject.js';

function aParty(overrides: Partial<VerifiedParty> = {}): VerifiedParty {
  return {
    did: 'did:web:bank.example.cn',
    participantId: 'p_bank',
    roles: ['consumer'],
    legalEntity: { region: '410105', industry: 'J66' },
    ...overrides,
  };
}

describe('policySubjectOf', () => {
  it('takes a verified party as admitted, with its credentials’ roles, region and industry', () => {
    expect(policySubjectOf(aParty())).toEqual({
      participantId: 'p_bank',
      did: 'did:web:bank.example.cn',
      admitted: true,
      roles: ['consumer'],
      industries: ['J', 'J66'],
      region: '410105',
    });
  });

  it('splits an industry division into its section and itself', () => {
    expect(policySubjectOf(aParty({ legalEntity: { industry: 'D44' } })).industries).toEqual(['D', 'D44']);
  });

  it('keeps a bare industry section as it is', () => {
    expect(policySubjectOf(aParty({ legalEntity: { industry: 'J' } })).industries).toEqual(['J']);
  });

  it('has no industries and no region when the credentials say none', () => {
    const subject = policySubjectOf(aParty({ legalEntity: undefined }));
    expect(subject.industries).toEqual([]);
    expect(subject).not.toHaveProperty('region');
    expect(policySubjectOf(aParty({ legalEntity: { industry: '', region: '' } }))).not.toHaveProperty('region');
  });

  it('names the party by its DID when it has no participant id', () => {
    expect(policySubjectOf(aParty({ participantId: undefined })).participantId).toBe('did:web:bank.example.cn');
  });
});
