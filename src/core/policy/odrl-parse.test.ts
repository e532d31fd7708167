import { describe, expect, it } from 'vitest';
import { aConstraint, anOfferJson, ASSET, policyOf } from './fixtures/policy-fixtures.js';
import { parsePolicy } from './odrl-parse.js';
import { policyToJson } from './odrl-serialize.js';

const problemsOf = (json: unknown) => {
  const result = parsePolicy(json);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('parsePolicy reads compacted ODRL JSON-LD', () => {
  it('reads the DSP form: unprefixed terms, arrays, plain values', () => {
    const policy = policyOf(anOfferJson({ assigner: 'did:web:grid.example.cn' }, [aConstraint('dateTime', 'lteq', '2025-12-31T23:59:59+08:00')]));
    expect(policy).toMatchObject({ uid: 'urn:uuid:offer-1', type: 'Offer', target: ASSET, assigner: 'did:web:grid.example.cn' });
    expect(policy.permissions[0]).toEqual({
      action: 'use',
      constraints: [{ kind: 'atomic', leftOperand: 'dateTime', operator: 'lteq', rightOperand: { value: '2025-12-31T23:59:59+08:00' } }],
      duties: [],
    });
  });

  it('reads odrl:-prefixed keys, full IRIs for terms, single values and value objects alike', () => {
    const odrl = 'http://www.w3.org/ns/odrl/2/';
    const policy = policyOf({
      '@id': 'urn:uuid:p',
      '@type': 'odrl:Agreement',
      'odrl:target': { '@id': ASSET },
      'odrl:assignee': { '@id': 'p_bank', 'name': 'Bank' },
      'odrl:permission': {
        'odrl:action': { '@id': `${odrl}read` },
        'odrl:constraint': {
          'odrl:leftOperand': { '@id': `${odrl}count` },
          'odrl:operator': { '@id': `${odrl}lteq` },
          'odrl:rightOperand': { '@value': '100', '@type': 'xsd:integer' },
        },
        'odrl:duty': { 'odrl:action': 'odrl:inform' },
      },
      [`${odrl}prohibition`]: [{ [`${odrl}action`]: `${odrl}distribute` }],
    });
    expect(policy).toMatchObject({ type: 'Agreement', target: ASSET, assignee: 'p_bank' });
    expect(policy.permissions[0]?.action).toBe('read');
    expect(policy.permissions[0]?.constraints[0]).toEqual({
      kind: 'atomic', leftOperand: 'count', operator: 'lteq', rightOperand: { value: '100', datatype: 'xsd:integer' },
    });
    expect(policy.permissions[0]?.duties[0]?.action).toBe('inform');
    expect(policy.prohibitions[0]?.action).toBe('distribute');
  });

  it('reads tds terms by prefix or IRI, and our old spellings of ODRL terms as the ODRL term', () => {
    const policy = policyOf(
      anOfferJson({}, [
        aConstraint('https://w3id.org/trustspace/ns#region', 'isPartOf', '410000'),
        aConstraint('tds:industry', 'isAnyOf', ['J']),
        aConstraint('tds:deliveryChannel', 'eq', 'api'),
        aConstraint('tds:credentialClaim', 'eq', 'gold', { 'tds:claim': 'partnerLevel' }),
      ]),
    );
    expect(policy.permissions[0]?.constraints.map((c) => c.kind === 'atomic' && c.leftOperand)).toEqual(['tds:region', 'industry', 'deliveryChannel', 'tds:credentialClaim']);
    expect(policy.permissions[0]?.constraints[3]).toMatchObject({ claim: 'partnerLevel' });
  });

  it('reads logical constraints, nested and in @list form, and list right operands', () => {
    const policy = policyOf(
      anOfferJson({}, [
        { xone: { '@list': [aConstraint('purpose', 'eq', 'research'), { and: [aConstraint('tds:role', 'isAnyOf', { '@list': ['consumer', 'provider'] })] }] } },
      ]),
    );
    expect(policy.permissions[0]?.constraints[0]).toEqual({
      kind: 'logical',
      op: 'xone',
      constraints: [
        { kind: 'atomic', leftOperand: 'purpose', operator: 'eq', rightOperand: { value: 'research' } },
        { kind: 'logical', op: 'and', constraints: [{ kind: 'atomic', leftOperand: 'tds:role', operator: 'isAnyOf', rightOperand: [{ value: 'consumer' }, { value: 'provider' }] }] },
      ],
    });
  });

  it('gives a policy without @type ODRL’s default type, Set', () => {
    expect(policyOf({ '@id': 'urn:x', permission: { action: 'use' } }).type).toBe('Set');
  });
});

describe('parsePolicy refuses what it cannot enforce, with JSON Pointers', () => {
  it('refuses an unknown operator such as DSP’s term-lteq', () => {
    expect(problemsOf(anOfferJson({}, [aConstraint('dateTime', 'term-lteq', '2025-01-01')]))).toEqual([
      { pointer: '/permission/0/constraint/0/operator', detail: 'Unknown operator term-lteq' },
    ]);
  });

  it('refuses malformed constraints: missing operands, mixed logical and atomic, empty logic, unknown members, references', () => {
    const problems = problemsOf(
      anOfferJson({}, [
        { leftOperand: 'count', operator: 'lteq' },
        { and: [aConstraint('count', 'lteq', 5)], leftOperand: 'count' },
        { or: [] },
        { ...aConstraint('count', 'lteq', 5), status: 3 },
        { '@id': 'urn:constraint:1' },
        { and: [aConstraint('count', 'lteq', 5)], or: [aConstraint('count', 'lteq', 5)] },
        aConstraint('count', 'lteq', 5, { rightOperandReference: 'urn:x' }),
        { and: [aConstraint('count', 'lteq', 5)], leftOperandx: 'count' },
      ]),
    );
    expect(problems.map((p) => p.pointer)).toEqual([
      '/permission/0/constraint/0/rightOperand',
      '/permission/0/constraint/1',
      '/permission/0/constraint/2/or',
      '/permission/0/constraint/3/status',
      '/permission/0/constraint/4',
      '/permission/0/constraint/5',
      '/permission/0/constraint/6/rightOperandReference',
      '/permission/0/constraint/7/leftOperandx',
    ]);
  });

  it('types right operands by their left operand and refuses operators that do not apply', () => {
    const problems = problemsOf(
      anOfferJson({}, [
        aConstraint('elapsedTime', 'lteq', 'thirty days'),
        aConstraint('dateTime', 'lt', '2025-02-30'),
        aConstraint('count', 'lteq', 'many'),
        aConstraint('purpose', 'lt', 'research'),
        aConstraint('tds:role', 'gteq', 'consumer'),
        aConstraint('purpose', 'eq', ['a', 'b']),
        aConstraint('tds:classification', 'lteq', 'secret'),
        aConstraint('tds:credentialClaim', 'eq', 'gold'),
        aConstraint('spatial', 'isAnyOf', ['CN', { '@list': 1 }]),
      ]),
    );
    expect(problems).toEqual([
      { pointer: '/permission/0/constraint/0/rightOperand', detail: 'elapsedTime expects an ISO 8601 duration, e.g. P30D or PT12H' },
      { pointer: '/permission/0/constraint/1/rightOperand', detail: 'dateTime expects an xsd:dateTime or xsd:date, e.g. 2025-12-31T23:59:59+08:00' },
      { pointer: '/permission/0/constraint/2/rightOperand', detail: 'count expects a number' },
      { pointer: '/permission/0/constraint/3/operator', detail: 'lt does not apply to purpose (string)' },
      { pointer: '/permission/0/constraint/4/operator', detail: 'gteq does not apply to tds:role (a set of string)' },
      { pointer: '/permission/0/constraint/5/rightOperand', detail: 'eq compares with exactly one value (got 2)' },
      { pointer: '/permission/0/constraint/6/rightOperand', detail: 'tds:classification expects core, important, general or general-1 … general-4' },
      { pointer: '/permission/0/constraint/7/tds:claim', detail: 'tds:credentialClaim needs tds:claim, the name of the claim' },
      { pointer: '/permission/0/constraint/8/rightOperand/1', detail: 'A right operand value is a string, number, boolean, { "@value" } or { "@id" }' },
    ]);
  });

  it('accepts a left operand it does not know (a profile may define it)', () => {
    expect(parsePolicy(anOfferJson({}, [aConstraint('partner', 'eq', 'gold')])).ok).toBe(true);
  });

  it('refuses a policy without @id or rules, of an unknown type, or with features it would have to ignore', () => {
    expect(problemsOf({ '@type': 'Offer' }).map((p) => p.pointer)).toEqual(['/@id', '']);
    expect(problemsOf({ '@id': 'x', '@type': 'Ticket', permission: [{ action: 'use' }] })).toEqual([
      { pointer: '/@type', detail: "A policy's @type is Offer, Agreement or Set (got Ticket)" },
    ]);
    const problems = problemsOf(
      anOfferJson({
        inheritFrom: 'urn:parent',
        conflict: 'perm',
        permission: [{ action: { 'rdf:value': { '@id': 'odrl:print' }, refinement: [] } }, { constraint: [] }, { action: ['use', 'read'] }],
        prohibition: [{ action: 'distribute', duty: [{ action: 'inform' }], remedy: [{ action: 'delete' }] }],
      }),
    );
    expect(problems.map((p) => p.pointer)).toEqual([
      '/inheritFrom',
      '/conflict',
      '/permission/0/action',
      '/permission/1/action',
      '/permission/2/action',
      '/prohibition/0/remedy',
      '/prohibition/0/duty',
    ]);
  });

  it('escapes IRI keys in pointers (RFC 6901)', () => {
    const problems = problemsOf({ '@id': 'x', 'http://www.w3.org/ns/odrl/2/permission': [{ 'http://www.w3.org/ns/odrl/2/action': 42 }] });
    expect(problems[0]?.pointer).toBe('/http:~1~1www.w3.org~1ns~1odrl~12~1permission/0/http:~1~1www.w3.org~1ns~1odrl~12~1action');
  });

  it('refuses a term given twice in two spellings', () => {
    expect(problemsOf({ '@id': 'x', permission: [{ action: 'use' }], 'odrl:permission': [{ action: 'read' }] })[0]?.pointer).toBe('/permission');
  });
});

describe('policyToJson', () => {
  it('writes the compacted DSP form back, so a round trip gives the same policy and the same JSON', () => {
    const json = anOfferJson({ assigner: 'did:web:grid.example.cn', profile: 'https://w3id.org/trustspace/profile/v1', conflict: 'prohibit' }, [
      aConstraint('dateTime', 'lteq', { '@value': '2025-12-31', '@type': 'xsd:date' }),
      aConstraint('spatial', 'isPartOf', { '@id': 'CN' }),
      { '@id': 'urn:c:1', andSequence: [aConstraint('count', 'lteq', 10), aConstraint('tds:credentialClaim', 'isAnyOf', ['ISO27001'], { 'tds:claim': 'certifications' })] },
      aConstraint('payAmount', 'gteq', 100, { unit: 'CNY', dataType: 'xsd:decimal' }),
    ]);
    json.permission = [{ ...(json.permission as object[])[0], '@id': 'urn:rule:1', duty: [{ action: 'delete', constraint: [aConstraint('elapsedTime', 'lteq', 'P30D')] }] }];
    json.prohibition = [{ action: 'distribute', assignee: 'p_other' }];
    json.obligation = [{ action: 'compensate', constraint: [aConstraint('payAmount', 'eq', 5, { unit: 'CNY' })] }];
    const policy = policyOf(json);
    expect(policyToJson(policy)).toEqual(json);
    expect(policyOf(policyToJson(policy))).toEqual(policy);
  });

  it('writes prefixed and IRI input in the one compact form', () => {
    const policy = policyOf({ '@id': 'x', '@type': 'odrl:Set', 'odrl:permission': { 'odrl:action': 'http://www.w3.org/ns/odrl/2/read' } });
    expect(policyToJson(policy)).toEqual({ '@id': 'x', '@type': 'Set', permission: [{ action: 'read' }] });
  });
});
