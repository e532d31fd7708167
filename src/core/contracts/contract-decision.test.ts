import { describe, expect, it } from 'vitest';
import { aConstraint, anOfferJson, aSubject, NOW, policyOf, SIGNED_AT } from '../policy/fixtures/policy-fixtures.js';
import { decideContract, refusalReasons, type ContractQuestion } from './contract-decision.js';

/** An offer with these permissions (compacted JSON). */
const offerOf = (...permission: unknown[]) => policyOf(anOfferJson({ permission }));
const permission = (action: string, ...constraint: unknown[]) => ({ action, ...(constraint.length ? { constraint } : {}) });

const inShanghai = aConstraint('tds:region', 'eq', '310000');
const usedAtMostTwice = aConstraint('count', 'lteq', 2);

function question(overrides: Partial<ContractQuestion> = {}): ContractQuestion {
  return { policy: offerOf(permission('use')), subject: aSubject(), now: NOW, stage: 'negotiation', ...overrides };
}

describe('decideContract at negotiation', () => {
  it('permits when one permission holds, even if another does not', () => {
    const decision = decideContract(question({ policy: offerOf(permission('distribute', inShanghai), permission('read')) }));
    expect(decision.permitted).toBe(true);
    expect(decision.reason.action).toBe('read');
    expect(decision.reason.rule?.pointer).toBe('/permission/1');
  });

  it('asks each permission with its own action', () => {
    // `read` does not cover `distribute`: only asking with `distribute` finds the second permission.
    const decision = decideContract(question({ policy: offerOf(permission('read', inShanghai), permission('distribute')) }));
    expect(decision).toMatchObject({ permitted: true, reason: { action: 'distribute' } });
  });

  it('refuses when no permission holds, explaining the first permission', () => {
    const decision = decideContract(question({ policy: offerOf(permission('distribute', inShanghai), permission('print', aConstraint('purpose', 'eq', 'marketing'))) }));
    expect(decision.permitted).toBe(false);
    expect(decision.reason).toMatchObject({ code: 'constraints-not-satisfied', action: 'distribute', stage: 'negotiation' });
    const first = decision.reason.rules.find((r) => r.pointer === '/permission/0');
    expect(first).toMatchObject({ applicable: true, result: 'false' });
  });

  it('asks only for the action of the request when it names one', () => {
    const policy = offerOf(permission('distribute'));
    expect(decideContract(question({ policy })).permitted).toBe(true);
    expect(decideContract(question({ policy, request: { action: 'print' } }))).toMatchObject({ permitted: false, reason: { code: 'no-permission-for-action', action: 'print' } });
  });

  it('asks for `use` when the policy has no permission at all', () => {
    const { permission: _none, ...onlyProhibition } = anOfferJson({ prohibition: [{ action: 'distribute' }] });
    const decision = decideContract(question({ policy: policyOf(onlyProhibition) }));
    expect(decision).toMatchObject({ permitted: false, reason: { code: 'no-permission-for-action', action: 'use' } });
  });

  it('leaves a count constraint to the data plane', () => {
    expect(decideContract(question({ policy: offerOf(permission('use', usedAtMostTwice)) })).permitted).toBe(true);
  });
});

describe('decideContract at access', () => {
  const countLimited = offerOf(permission('use', usedAtMostTwice));
  const atAccess = (usesSoFar: number | undefined, extra: Partial<ContractQuestion> = {}) =>
    decideContract(question({ policy: countLimited, stage: 'access', request: { action: 'read' }, ...(usesSoFar === undefined ? {} : { usesSoFar }), ...extra }));

  it('permits the first and second use under count lteq 2, and refuses the third', () => {
    expect(atAccess(0).permitted).toBe(true);
    expect(atAccess(1).permitted).toBe(true);
    expect(atAccess(2)).toMatchObject({ permitted: false, reason: { code: 'constraints-not-satisfied' } });
  });

  it('refuses when the uses so far are not known (fail closed)', () => {
    expect(atAccess(undefined).permitted).toBe(false);
  });

  it('measures elapsed time from when the agreement was signed', () => {
    const policy = offerOf(permission('use', aConstraint('elapsedTime', 'lteq', { '@value': 'P30D', '@type': 'xsd:duration' })));
    const ask = (signedAt?: Date) => decideContract(question({ policy, stage: 'access', request: { action: 'read' }, ...(signedAt ? { agreementSignedAt: signedAt } : {}) })).permitted;
    expect(ask(SIGNED_AT)).toBe(true);
    expect(ask(new Date(NOW.getTime() - 40 * 86_400_000))).toBe(false);
    expect(ask()).toBe(false);
  });
});

describe('refusalReasons', () => {
  it('gives the refusal in Chinese first, then in English, with the failing constraint', () => {
    const decision = decideContract(question({ policy: offerOf(permission('use', inShanghai)) }));
    const [zh, en, ...rest] = refusalReasons(decision);
    expect(rest).toEqual([]);
    expect(zh).toMatch(/^拒绝：/);
    expect(zh).toContain('；/permission/0/constraint/0');
    expect(en).toMatch(/^Denied: /);
    expect(en).toContain('; /permission/0/constraint/0');
    expect(en).toContain('310000');
  });
});
