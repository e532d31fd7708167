import { describe, expect, it } from 'vitest';
import type { CatalogOffer } from '../../api/catalog-types';
import { offerFormsFrom, offerInputs } from './offer-form-state';
import { plainPolicy, readPolicy, setAttribution, setDeleteWithin, setField } from './policy-form-state';
import type { PolicyJson } from './policy-json';

/** The connector's sandbox template (POST /api/v1/policies/templates), as it answers it. */
const aSandboxOffer = (k = 10): PolicyJson => ({
  '@id': 'urn:tds:offer:asset-1:sandbox',
  '@type': 'Offer',
  permission: [{
    action: 'aggregate',
    constraint: [
      { leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' },
      { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: ['scientific-research'] },
      { leftOperand: 'tds:kAnonymity', operator: 'gteq', rightOperand: { '@value': String(k), '@type': 'xsd:integer' } },
    ],
  }],
});

/** The connector's time-limited download template with P30D. */
const aDownloadOffer = (): PolicyJson => ({
  '@id': 'urn:o',
  '@type': 'Offer',
  permission: [{
    action: 'use',
    constraint: [{ leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'download' }, { leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: 'P30D' }],
    duty: [{ action: 'delete', constraint: [{ leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: 'P30D' }] }],
  }],
  prohibition: [{ action: 'distribute' }],
});

/** An offer written through the API: constraints and duties the editor does not model, in other spellings. */
function anApiWrittenPolicy(): PolicyJson {
  return {
    '@id': 'urn:tds:offer:asset-1:api',
    '@type': 'Offer',
    permission: [
      {
        action: 'odrl:use',
        constraint: [
          { '@id': 'urn:c:purpose', leftOperand: 'http://www.w3.org/ns/odrl/2/purpose', operator: 'eq', rightOperand: '贷后管理' },
          { leftOperand: 'partner', operator: 'eq', rightOperand: { '@id': 'https://example.org/partners/gold' } },
          { or: [{ leftOperand: 'tds:region', operator: 'isPartOf', rightOperand: ['410000'] }, { leftOperand: 'industry', operator: 'isAnyOf', rightOperand: ['J66'] }] },
          { leftOperand: 'payAmount', operator: 'gteq', rightOperand: { '@value': '200', '@type': 'xsd:decimal' }, unit: 'CNY' },
          { leftOperand: 'count', operator: 'lteq', rightOperand: { '@value': '100', '@type': 'xsd:integer' } },
        ],
        duty: [{ action: 'inform', constraint: [{ leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: 'P1D' }] }],
      },
    ],
    prohibition: [{ action: 'distribute' }],
  };
}

const anOffer = (policy: PolicyJson): CatalogOffer => ({ id: 'api', accessMode: 'api', priceModel: 'free', policy });

describe('the offer policy in the console', () => {
  it('keeps an offer policy written through the API byte for byte when the offer is saved untouched', () => {
    const policy = anApiWrittenPolicy();
    const [sent] = offerInputs(offerFormsFrom([anOffer(policy)]));
    expect(JSON.stringify(sent?.policy)).toBe(JSON.stringify(anApiWrittenPolicy()));
  });

  it('changes only what the editor touched: the count changes, unknown operands, other duties and rules stay as written', () => {
    const before = anApiWrittenPolicy();
    const after = setField(before, 'maxUses', '500');
    const expected = anApiWrittenPolicy() as { permission: Array<{ constraint: unknown[] }> };
    expected.permission[0]!.constraint[4] = { leftOperand: 'count', operator: 'lteq', rightOperand: { '@value': '500', '@type': 'xsd:integer' } };
    expect(JSON.stringify(after)).toBe(JSON.stringify(expected));
  });

  it('shows what it models and lists the rest as kept', () => {
    const view = readPolicy(anApiWrittenPolicy());
    expect(view.action).toBe('use');
    expect(view.values).toEqual({ purpose: ['贷后管理'], maxUses: '100' });
    expect(view.others).toHaveLength(4); // partner, the or, payAmount, the inform duty
    expect(view.otherRules).toBe(1);
  });

  it('writes a free-text purpose back as eq while it is one value, and as isAnyOf when a vocabulary purpose joins it', () => {
    const one = setField(anApiWrittenPolicy(), 'purpose', ['信贷审批']);
    expect((one.permission as Array<{ constraint: unknown[] }>)[0]!.constraint[0]).toEqual({ '@id': 'urn:c:purpose', leftOperand: 'http://www.w3.org/ns/odrl/2/purpose', operator: 'eq', rightOperand: '信贷审批' });
    const two = setField(anApiWrittenPolicy(), 'purpose', ['贷后管理', 'credit-risk-assessment']);
    expect((two.permission as Array<{ constraint: unknown[] }>)[0]!.constraint[0]).toMatchObject({ '@id': 'urn:c:purpose', operator: 'isAnyOf', rightOperand: ['贷后管理', 'credit-risk-assessment'] });
  });

  it('adds each modelled constraint and duty in the DSP form, reads them back, and removes them all', () => {
    let policy = plainPolicy('urn:tds:offer:a:o');
    policy = setField(policy, 'purpose', ['scientific-research']);
    policy = setField(policy, 'validFrom', '2026-01-01T00:00:00+08:00');
    policy = setField(policy, 'validUntil', '2026-12-31T23:59:59+08:00');
    policy = setField(policy, 'useWithin', 'P90D');
    policy = setField(policy, 'maxUses', '10');
    policy = setField(policy, 'regions', ['410000', '410100']);
    policy = setField(policy, 'industries', ['J', 'D44']);
    policy = setField(policy, 'roles', ['consumer']);
    policy = setField(policy, 'k', '10');
    policy = setField(policy, 'epsilon', '1.5');
    policy = setField(policy, 'channel', 'sandbox');
    policy = setDeleteWithin(policy, 'P30D');
    policy = setAttribution(policy, true);
    expect((policy.permission as Array<{ constraint: unknown[]; duty: unknown[] }>)[0]).toEqual({
      action: 'use',
      constraint: [
        { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: ['scientific-research'] },
        { leftOperand: 'dateTime', operator: 'gteq', rightOperand: '2026-01-01T00:00:00+08:00' },
        { leftOperand: 'dateTime', operator: 'lteq', rightOperand: '2026-12-31T23:59:59+08:00' },
        { leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: 'P90D' },
        { leftOperand: 'count', operator: 'lteq', rightOperand: { '@value': '10', '@type': 'xsd:integer' } },
        { leftOperand: 'tds:region', operator: 'isPartOf', rightOperand: ['410000', '410100'] },
        { leftOperand: 'industry', operator: 'isAnyOf', rightOperand: ['J', 'D44'] },
        { leftOperand: 'tds:role', operator: 'isAnyOf', rightOperand: ['consumer'] },
        { leftOperand: 'tds:kAnonymity', operator: 'gteq', rightOperand: { '@value': '10', '@type': 'xsd:integer' } },
        { leftOperand: 'tds:privacyBudget', operator: 'lteq', rightOperand: { '@value': '1.5', '@type': 'xsd:decimal' } },
        { leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' },
      ],
      duty: [{ action: 'delete', constraint: [{ leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: 'P30D' }] }, { action: 'attribute' }],
    });
    const view = readPolicy(policy);
    expect(view).toMatchObject({ deleteWithin: 'P30D', attribution: true, others: [], values: { purpose: ['scientific-research'], validFrom: '2026-01-01T00:00:00+08:00', validUntil: '2026-12-31T23:59:59+08:00', useWithin: 'P90D', maxUses: '10', regions: ['410000', '410100'], industries: ['J', 'D44'], roles: ['consumer'], k: '10', epsilon: '1.5', channel: 'sandbox' } });
    let cleared = policy;
    for (const field of Object.keys(view.values) as Array<keyof typeof view.values>) cleared = setField(cleared, field, field === 'purpose' || field === 'regions' || field === 'industries' || field === 'roles' ? [] : '');
    cleared = setAttribution(setDeleteWithin(cleared, undefined), false);
    expect(cleared).toEqual({ '@id': 'urn:tds:offer:a:o', '@type': 'Offer', permission: [{ action: 'use' }] });
  });

  it('keeps a template untouched, and changes k alone when k is edited', () => {
    expect(JSON.stringify(offerInputs(offerFormsFrom([anOffer(aSandboxOffer())]))[0]?.policy)).toBe(JSON.stringify(aSandboxOffer()));
    expect(readPolicy(aSandboxOffer())).toMatchObject({ action: 'aggregate', values: { channel: 'sandbox', purpose: ['scientific-research'], k: '10' }, others: [] });
    expect(JSON.stringify(setField(aSandboxOffer(), 'k', '25'))).toBe(JSON.stringify(aSandboxOffer(25)));
  });

  it('keeps the download template: its deletion duty shares the bound the permission has', () => {
    const json = aDownloadOffer();
    const view = readPolicy(json);
    expect(view).toMatchObject({ deleteWithin: 'P30D', values: { channel: 'download', useWithin: 'P30D' }, others: [], otherRules: 1 });
    const longer = setDeleteWithin(json, 'P60D');
    expect(readPolicy(longer)).toMatchObject({ deleteWithin: 'P60D', values: { useWithin: 'P30D' } });
  });
  it('never gives a permission to a policy written otherwise: one with only prohibitions, or prefixed keys, is not editable', () => {
    expect(readPolicy({ '@id': 'urn:o', prohibition: [{ action: 'use' }] }).editable).toBe(false);
    expect(readPolicy({ '@id': 'urn:o', 'odrl:permission': [{ 'odrl:action': 'use' }] }).editable).toBe(false);
    expect(readPolicy(plainPolicy('urn:o')).editable).toBe(true);
    expect(readPolicy(undefined).editable).toBe(true);
    expect(readPolicy(anApiWrittenPolicy()).editable).toBe(true);
  });
});
