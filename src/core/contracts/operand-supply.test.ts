import { describe, expect, it } from 'vitest';
import { offerTerms } from '../catalog/offer-terms.js';
import { allowedOperators, leftOperand, leftOperands, parsePolicy, type ValueType } from '../policy/index.js';
import type { AtomicConstraint } from '../policy/odrl-policy.js';
import { sandboxRequest } from '../sandbox/sandbox-request.js';
import { sandboxTermsOf } from '../sandbox/sandbox-terms.js';
import { accessQuestion, type AccessFacts } from './access-question.js';
import { questionContext } from './contract-decision.js';

// One right operand of each type the parser accepts.
const sample: Record<ValueType, unknown> = {
  dateTime: { '@value': '2026-01-01T00:00:00Z', '@type': 'xsd:dateTime' },
  duration: 'P1D',
  number: { '@value': '5', '@type': 'xsd:integer' },
  string: 'x',
  region: 'CN',
  industry: 'J',
  classification: 'general-2',
};

/** A bank registered in Zhengzhou under an agreement for a grid asset of grade general-2. */
const facts = (policy: AccessFacts['policy']): Omit<AccessFacts, 'action' | 'channel'> => ({
  policy,
  agreement: { datasetId: 'urn:tds:s:p_grid:electricity', purpose: 'credit-risk', finalizedAt: '2026-01-01T00:00:00Z' },
  party: { did: 'did:web:bank', participantId: 'p_bank', roles: ['consumer'], legalEntity: { region: '410100', industry: 'J66' } },
  now: new Date('2026-02-01T00:00:00Z'),
  classification: { level: 'general', grade: 2 },
});

describe('every left operand the language accepts', () => {
  // The parser accepts every operand of the table and any other name (DSP's `partner`).
  const names = [...leftOperands.map((d) => d.name), 'partner'];

  it.each(names)('%s is refused when an offer is written, or has a value when the data plane or the sandbox decides', (name) => {
    const def = leftOperand(name);
    const constraint = {
      leftOperand: name,
      operator: def ? allowedOperators(def)[0] : 'eq',
      // The channel must be the offer's own (a download offer), or the offer is refused for disagreeing.
      rightOperand: name === 'deliveryChannel' ? 'download' : sample[def?.valueType ?? 'string'],
      ...(name === 'tds:credentialClaim' ? { 'tds:claim': 'partnerLevel' } : {}),
    };
    const json = { '@id': 'urn:o', '@type': 'Offer', permission: [{ action: 'use', constraint: [constraint] }] };
    expect(parsePolicy(json).ok).toBe(true);
    const terms = offerTerms('electricity', { id: 'o', accessMode: 'download', policy: json }, '/offers/0');
    if (!terms.ok) {
      expect(terms.code).toBe('policy.operand-unsupported');
      return;
    }
    const policy = parsePolicy(terms.policy);
    if (!policy.ok) throw new Error('published policy unreadable');
    const atom = policy.policy.permissions[0]!.constraints.find((c): c is AtomicConstraint => c.kind === 'atomic' && c.leftOperand === name)!;
    // The questions the data plane (a download, a count so far) and the sandbox (its job's terms) ask.
    const questions = [
      accessQuestion({ ...facts(policy.policy), action: 'read', channel: 'download', usesSoFar: 0 }),
      accessQuestion({ ...facts(policy.policy), action: 'use', channel: 'sandbox', extra: sandboxRequest(sandboxTermsOf(policy.policy), 0) }),
    ];
    const values = questions.map((q) => def!.resolve({ action: q.request!.action!, ...q.request }, questionContext(q), atom));
    expect(values.some((v) => v !== undefined), `${name} has no value at any decision point`).toBe(true);
  });
});
