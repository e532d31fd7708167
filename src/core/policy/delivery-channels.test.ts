import { describe, expect, it } from 'vitest';
import { allowedChannels, restrictsChannel } from './delivery-channels.js';
import { parsePolicy } from './odrl-parse.js';

const policyOf = (json: Record<string, unknown>) => {
  const parsed = parsePolicy({ '@id': 'urn:offer:x', '@type': 'Offer', ...json });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.policy;
};
const channel = (operator: string, rightOperand: unknown) => ({ leftOperand: 'deliveryChannel', operator, rightOperand });

describe('the delivery channels a policy allows', () => {
  it('allows every channel when nothing limits the channel, and only the sandbox under `deliveryChannel eq sandbox`', () => {
    expect(allowedChannels(policyOf({ permission: [{ action: 'use' }] }))).toEqual(['download', 'api', 'sandbox']);
    expect(allowedChannels(policyOf({ permission: [{ action: 'use', constraint: [channel('eq', 'sandbox')] }] }))).toEqual(['sandbox']);
  });

  it('takes every other condition as met, but not the channel inside `and`, and reads lists and prohibitions', () => {
    const purpose = { leftOperand: 'purpose', operator: 'eq', rightOperand: 'credit-risk' };
    expect(allowedChannels(policyOf({ permission: [{ action: 'use', constraint: [purpose, channel('isAnyOf', ['download', 'api'])] }] }))).toEqual(['download', 'api']);
    expect(allowedChannels(policyOf({ permission: [{ action: 'use', constraint: [{ and: [purpose, channel('eq', 'api')] }] }] }))).toEqual(['api']);
    expect(allowedChannels(policyOf({ permission: [{ action: 'use' }], prohibition: [{ action: 'use', constraint: [channel('eq', 'download')] }] }))).toEqual(['api', 'sandbox']);
    // A prohibition that also depends on something else may not apply: it does not close a channel.
    expect(allowedChannels(policyOf({ permission: [{ action: 'use' }], prohibition: [{ action: 'use', constraint: [channel('eq', 'download'), purpose] }] }))).toEqual(['download', 'api', 'sandbox']);
  });

  it('allows no download or API call when the only permission is to aggregate', () => {
    expect(allowedChannels(policyOf({ permission: [{ action: 'aggregate' }] }))).toEqual(['sandbox']);
  });

  it('tells whether a policy names the channel at all', () => {
    expect(restrictsChannel(policyOf({ permission: [{ action: 'use' }] }))).toBe(false);
    expect(restrictsChannel(policyOf({ permission: [{ action: 'use', constraint: [{ or: [channel('eq', 'api'), channel('eq', 'sandbox')] }] }] }))).toBe(true);
  });
});
