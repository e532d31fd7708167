import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { aContext, aRequest } from './fixtures/policy-fixtures.js';
import { parsePolicy } from './odrl-parse.js';
import { policyToJson } from './odrl-serialize.js';
import { evaluate } from './policy-evaluator.js';

// The Dataspace Protocol 2025-1 conformance files: every policy DSP shows must parse, write back
// as it came, and what we write must satisfy DSP's own schema.
const DSP = new URL('../../../test/conformance/dsp-2025-1/', import.meta.url);
const json = (path: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(path, DSP), 'utf8')) as Record<string, unknown>;

/** Each example policy, with the definition of contract-schema.json its message refers to. */
type Definition = 'MessageOffer' | 'Offer' | 'Agreement';
function policiesInExamples(): Array<[string, Definition, Record<string, unknown>]> {
  const found: Array<[string, Definition, Record<string, unknown>]> = [];
  for (const file of readdirSync(new URL('negotiation/example/', DSP))) {
    const message = json(`negotiation/example/${file}`);
    if (message.offer) found.push([`${file} offer`, 'MessageOffer', message.offer as Record<string, unknown>]);
    if (message.agreement) found.push([`${file} agreement`, 'Agreement', message.agreement as Record<string, unknown>]);
  }
  for (const policy of json('catalog/example/dataset.json').hasPolicy as Array<Record<string, unknown>>) found.push(['dataset.json hasPolicy', 'Offer', policy]);
  const catalog = json('catalog/example/catalog.json');
  for (const dataset of catalog.dataset as Array<Record<string, unknown>>) {
    for (const policy of dataset.hasPolicy as Array<Record<string, unknown>>) found.push(['catalog.json hasPolicy', 'Offer', policy]);
  }
  return found;
}

const ajv = new Ajv2019({ strict: false, allErrors: true });
ajv.addSchema(json('negotiation/contract-schema.json'));
const validatorOf = (definition: Definition) => {
  const validate = ajv.getSchema(`https://w3id.org/dspace/2025/1/negotiation/contract-schema.json#/definitions/${definition}`);
  if (!validate) throw new Error(`no schema for ${definition}`);
  return validate;
};

describe('the DSP 2025-1 example policies', () => {
  const examples = policiesInExamples();

  it('are all found (offers, agreements, dataset offers)', () => {
    expect(examples.map(([, definition]) => definition).sort()).toEqual(['Agreement', 'Agreement', 'MessageOffer', 'MessageOffer', 'MessageOffer', 'MessageOffer', 'Offer', 'Offer']);
  });

  it.each(examples)('%s parses and writes back unchanged', (_, __, policy) => {
    const result = parsePolicy(policy);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (result.ok) expect(policyToJson(result.policy)).toEqual(policy);
  });

  it.each(examples)('%s written back satisfies the DSP contract schema (%s)', (_, definition, policy) => {
    const result = parsePolicy(policy);
    const validate = validatorOf(definition);
    if (result.ok) expect(validate(policyToJson(result.policy)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the full agreement keeps all seven permissions and their logical constraints', () => {
    const agreement = json('negotiation/example/contract-agreement-message-full.json').agreement;
    const result = parsePolicy(agreement);
    if (!result.ok) throw new Error('does not parse');
    expect(result.policy.permissions.map((p) => p.constraints[0]?.kind === 'logical' ? p.constraints[0].op : 'atomic')).toEqual([
      'atomic', 'and', 'or', 'atomic', 'andSequence', 'xone', 'or',
    ]);
    expect(result.policy).toMatchObject({ type: 'Agreement', timestamp: '2023-01-01T01:00:00Z', profile: ['https://test.com/profile'] });
  });

  it('evaluates the agreement’s date limit, and its `partner` constraints (no ODRL term) fail closed', () => {
    const agreement = json('negotiation/example/contract-agreement-message-full.json').agreement;
    const result = parsePolicy(agreement);
    if (!result.ok) throw new Error('does not parse');
    const subject = { ...aContext().subject, participantId: 'http://example.com/Consumer' };
    const request = aRequest({ target: 'urn:uuid:3dd1add4-4d2d-569e-d634-8394a8836d23' });
    const before = evaluate(result.policy, request, aContext({ now: new Date('2023-06-01T00:00:00Z'), subject }));
    expect(before).toMatchObject({ permitted: true, reason: { rule: { pointer: '/permission/0' } } });
    const after = evaluate(result.policy, request, aContext({ now: new Date('2024-01-01T00:00:00Z'), subject }));
    expect(after.permitted).toBe(false);
    expect(after.reason.rules.find((r) => r.pointer === '/permission/3')?.constraints[0]).toMatchObject({ result: 'unknown', reason: 'unsupported-left-operand' });
  });
});
