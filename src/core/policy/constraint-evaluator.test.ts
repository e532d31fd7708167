import { describe, expect, it } from 'vitest';
import { combine, evaluateConstraint, evaluateConstraints } from './constraint-evaluator.js';
import { aConstraint, aContext, aRequest, offerWith } from './fixtures/policy-fixtures.js';
import type { ConstraintNode } from './odrl-policy.js';
import type { LogicalOutcome, Truth } from './policy-decision.js';
import type { Stage } from './policy-request.js';

const yes = aConstraint('purpose', 'eq', 'credit-risk');
const no = aConstraint('purpose', 'eq', 'marketing');
const unknown = aConstraint('partner', 'eq', 'gold');
const nodeOf = (json: unknown): ConstraintNode => offerWith(json).permissions[0]!.constraints[0]!;
const run = (json: unknown, stage: Stage = 'access') =>
  evaluateConstraint(nodeOf(json), '/permission/0/constraint/0', { request: aRequest(), context: aContext(), stage });

describe('logical constraints', () => {
  it('and holds when all hold', () => {
    expect(run({ and: [yes, yes] }).result).toBe('true');
    expect(run({ and: [yes, no] }).result).toBe('false');
  });

  it('or holds when any holds', () => {
    expect(run({ or: [no, yes] }).result).toBe('true');
    expect(run({ or: [no, no] }).result).toBe('false');
  });

  it('xone holds when exactly one holds', () => {
    expect(run({ xone: [no, yes] }).result).toBe('true');
    expect(run({ xone: [yes, yes] }).result).toBe('false');
    expect(run({ xone: [no, no] }).result).toBe('false');
  });

  it('andSequence holds when all hold in order, and stops at the first that fails', () => {
    expect(run({ andSequence: [yes, yes] }).result).toBe('true');
    const outcome = run({ andSequence: [yes, no, yes, yes] }) as LogicalOutcome;
    expect(outcome).toMatchObject({ result: 'false', skipped: 2 });
    expect(outcome.constraints.map((c) => c.pointer)).toEqual(['/permission/0/constraint/0/andSequence/0', '/permission/0/constraint/0/andSequence/1']);
  });

  it('nests, with a pointer for every constraint', () => {
    const outcome = run({ or: [{ and: [yes, no] }, { xone: [no, yes] }] }) as LogicalOutcome;
    expect(outcome.result).toBe('true');
    const inner = outcome.constraints[0] as LogicalOutcome;
    expect(inner.constraints[1]).toMatchObject({ pointer: '/permission/0/constraint/0/or/0/and/1', result: 'false', expected: 'marketing', actual: 'credit-risk' });
  });
});

describe('unknown and deferred results', () => {
  it('an unknown value never helps: and(true, unknown) is unknown, or(false, unknown) is unknown, or(true, unknown) is true', () => {
    expect(run({ and: [yes, unknown] }).result).toBe('unknown');
    expect(run({ or: [no, unknown] }).result).toBe('unknown');
    expect(run({ or: [yes, unknown] }).result).toBe('true');
    expect(run({ and: [no, unknown] }).result).toBe('false');
  });

  it('xone with an open constraint is open until it is known', () => {
    expect(run({ xone: [yes, unknown] }).result).toBe('unknown');
    expect(run({ xone: [yes, yes, unknown] }).result).toBe('false');
  });

  it('a constraint on a value known only later is deferred, and or lets it keep the rule open', () => {
    expect(run(aConstraint('count', 'lteq', 5), 'catalog')).toMatchObject({ result: 'deferred', reason: 'deferred', checkedAt: 'access' });
    expect(run({ or: [no, aConstraint('count', 'lteq', 5)] }, 'catalog').result).toBe('deferred');
    expect(run({ and: [yes, aConstraint('count', 'lteq', 5)] }, 'catalog').result).toBe('deferred');
    expect(run({ and: [unknown, aConstraint('count', 'lteq', 5)] }, 'catalog').result).toBe('unknown');
  });

  it('combines by the documented tables', () => {
    const table: Array<[Parameters<typeof combine>[0], Truth[], Truth]> = [
      ['and', [], 'true'],
      ['and', ['deferred', 'true'], 'deferred'],
      ['andSequence', ['true', 'unknown', 'deferred'], 'unknown'],
      ['or', ['unknown', 'deferred'], 'deferred'],
      ['or', [], 'false'],
      ['xone', ['true', 'deferred'], 'deferred'],
      ['xone', ['false', 'unknown', 'deferred'], 'unknown'],
    ];
    for (const [op, results, expected] of table) expect(combine(op, results), `${op}(${results.join(', ')})`).toBe(expected);
  });
});

describe('a rule’s constraints', () => {
  it('must all hold, each with its pointer', () => {
    const policy = offerWith(yes, no);
    const { result, outcomes } = evaluateConstraints(policy.permissions[0]!.constraints, '/permission/0/constraint', { request: aRequest(), context: aContext(), stage: 'access' });
    expect(result).toBe('false');
    expect(outcomes.map((o) => [o.pointer, o.result])).toEqual([
      ['/permission/0/constraint/0', 'true'],
      ['/permission/0/constraint/1', 'false'],
    ]);
  });
});
