import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { aContext, aRequest, aSubject, SIGNED_AT } from './fixtures/policy-fixtures.js';
import { parsePolicy } from './odrl-parse.js';
import type { Policy } from './odrl-policy.js';
import { policyToJson } from './odrl-serialize.js';
import { evaluate } from './policy-evaluator.js';
import { apiAccessOffer, membersOnlyOffer, openDataOffer, sandboxAggregateOffer, timeLimitedDownloadOffer } from './policy-templates.js';

const DSP = new URL('../../../test/conformance/dsp-2025-1/', import.meta.url);
const ajv = new Ajv2019({ strict: false, allErrors: true });
ajv.addSchema(JSON.parse(readFileSync(new URL('negotiation/contract-schema.json', DSP), 'utf8')) as object);
const dspOffer = ajv.getSchema('https://w3id.org/dspace/2025/1/negotiation/contract-schema.json#/definitions/Offer')!;

const templates: Array<[string, Policy]> = [
  ['sandbox aggregate', sandboxAggregateOffer({ uid: 'urn:offer:sandbox', purposes: ['credit-risk'], k: 10 })],
  ['time-limited download', timeLimitedDownloadOffer({ uid: 'urn:offer:download', period: 'P30D', price: { amount: 100, currency: 'CNY' } })],
  ['API access', apiAccessOffer({ uid: 'urn:offer:api', maxCalls: 1000, validUntil: '2025-12-31+08:00' })],
  ['open data', openDataOffer({ uid: 'urn:offer:open' })],
  ['members only', membersOnlyOffer({ uid: 'urn:offer:members', industries: ['J'], regions: ['410000'], roles: ['consumer'] })],
];

describe('policy templates', () => {
  it.each(templates)('%s writes a DSP catalog offer that parses back to itself', (_, policy) => {
    const json = policyToJson(policy);
    expect(dspOffer(json), JSON.stringify(dspOffer.errors)).toBe(true);
    const parsed = parsePolicy(json);
    expect(parsed.ok ? parsed.policy : parsed.problems).toEqual(policy);
  });

  it('sandbox aggregate: aggregate queries in the sandbox, for the purposes named, k-anonymous results only, within the ε budget', () => {
    const [, policy] = templates[0]!;
    const sandbox = { channel: 'sandbox', action: 'aggregate', kAnonymity: 12, privacySpent: 3, privacyMechanism: 'laplace' };
    expect(evaluate(policy, aRequest({ ...sandbox, privacySpent: 10.5 }), aContext()).permitted).toBe(false);
    expect(evaluate(policy, aRequest({ ...sandbox, privacyMechanism: 'exact' }), aContext()).permitted).toBe(false);
    const exact = sandboxAggregateOffer({ uid: 'urn:offer:exact', purposes: ['credit-risk'], k: 10, privacy: 'exact' });
    expect(evaluate(exact, aRequest({ ...sandbox, privacyMechanism: 'exact' }), aContext()).permitted).toBe(true);
    expect(evaluate(policy, aRequest(sandbox), aContext()).permitted).toBe(true);
    expect(evaluate(policy, aRequest({ ...sandbox, kAnonymity: 5 }), aContext()).permitted).toBe(false);
    expect(evaluate(policy, aRequest({ ...sandbox, purpose: 'marketing' }), aContext()).permitted).toBe(false);
    expect(evaluate(policy, aRequest({ ...sandbox, channel: 'download' }), aContext()).permitted).toBe(false);
    expect(evaluate(policy, aRequest({ ...sandbox, action: 'read' }), aContext()).reason.code).toBe('no-permission-for-action');
  });

  it('time-limited download: use within the period, delete at its end, never distribute; the price is not a payAmount condition', () => {
    const [, policy] = templates[1]!;
    const decision = evaluate(policy, aRequest(), aContext({ agreement: { signedAt: SIGNED_AT } }));
    expect(decision.permitted).toBe(true);
    expect(decision.duties).toMatchObject([{ action: 'delete', dueAt: new Date('2025-07-01T00:00:00Z') }]);
    expect(evaluate(policy, aRequest(), aContext({ now: new Date('2025-07-02T00:00:00Z') })).permitted).toBe(false);
    // No decision point knows the amount paid yet, so a price never becomes a condition (ADR 0010).
    expect(JSON.stringify(policyToJson(policy))).not.toContain('payAmount');
    expect(evaluate(policy, aRequest({ action: 'distribute' }), aContext()).reason.code).toBe('prohibited');
  });

  it('API access: reads through the API up to the call limit, until the date', () => {
    const [, policy] = templates[2]!;
    const api = { channel: 'api' };
    expect(evaluate(policy, aRequest(api), aContext({ usage: { count: 999 } })).permitted).toBe(true);
    expect(evaluate(policy, aRequest(api), aContext({ usage: { count: 1000 } })).permitted).toBe(false);
    expect(evaluate(policy, aRequest(api), aContext({ now: new Date('2025-12-31T16:00:00Z'), usage: { count: 1 } })).permitted).toBe(false);
  });

  it('open data: any use, with attribution due on each use', () => {
    const [, policy] = templates[3]!;
    const decision = evaluate(policy, aRequest({ action: 'derive' }), aContext({ subject: aSubject({ admitted: false }) }));
    expect(decision).toMatchObject({ permitted: true, duties: [{ action: 'attribute', trigger: 'on-use' }] });
  });

  it('members only: admitted members of the industries, regions and roles named, visible in the catalog to them alone', () => {
    const [, policy] = templates[4]!;
    const catalog = (subject = aSubject()) => evaluate(policy, aRequest(), aContext({ stage: 'catalog', subject })).permitted;
    expect(catalog()).toBe(true);
    expect(catalog(aSubject({ admitted: false }))).toBe(false);
    expect(catalog(aSubject({ industries: ['D', 'D44'] }))).toBe(false);
    expect(catalog(aSubject({ region: '330102' }))).toBe(false);
    expect(catalog(aSubject({ roles: ['provider'] }))).toBe(false);
  });

  it('refuse bad options with a pointer for each', () => {
    try {
      sandboxAggregateOffer({ uid: '', purposes: [], k: 1.5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).errors?.map((e) => e.pointer)).toEqual(['/uid', '/purposes', '/k']);
    }
    expect(() => timeLimitedDownloadOffer({ uid: 'x', period: '30 days' })).toThrow(/period/);
    expect(() => apiAccessOffer({ uid: 'x', maxCalls: 0, validUntil: 'soon' })).toThrow(/maxCalls.*validUntil/);
    expect(() => membersOnlyOffer({ uid: 'x', regions: ['Henan'], industries: ['finance'] })).toThrow(/regions\/0.*industries\/0/);
    expect(() => openDataOffer({ uid: 'x', price: { amount: -1, currency: 'CNY' } })).toThrow(/price\/amount/);
  });
});
