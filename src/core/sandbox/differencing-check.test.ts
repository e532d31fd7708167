import { describe, expect, it } from 'vitest';
import { atomsOf, conditionAtoms, differencingCondition } from './differencing-check.js';
import type { Expr } from './query-model.js';

const column = (name: string): Expr => ({ kind: 'column', from: 0, column: name });
const eq = (name: string, value: string): Expr => ({ kind: 'compare', op: '=', left: column(name), right: { kind: 'constant', sql: `'${value}'`, text: `'${value}'` } });
const and = (...args: Expr[]): Expr => ({ kind: 'logic', op: 'AND', args });
const or = (...args: Expr[]): Expr => ({ kind: 'logic', op: 'OR', args });
const not = (arg: Expr): Expr => ({ kind: 'not', arg });

describe('differencing check', () => {
  it('finds every leaf of the AND/OR/NOT tree', () => {
    expect(atomsOf(and(eq('a', '1'), or(eq('b', '2'), not(eq('c', '3')))))).toHaveLength(3);
  });

  const without = (atom: { withoutSql: string }) => atom.withoutSql;

  it('takes a conjunct out as TRUE and a disjunct out as FALSE', () => {
    const atoms = conditionAtoms(and(eq('a', '1'), or(eq('b', '2'), eq('c', '3'))));
    expect(without(atoms[0]!)).toBe(`(TRUE AND ((t0."b" = '2') OR (t0."c" = '3')))`);
    expect(without(atoms[1]!)).toBe(`((t0."a" = '1') AND (FALSE OR (t0."c" = '3')))`);
  });

  it('flips what makes a leaf vanish under NOT', () => {
    // NOT (b OR c) inside AND: the NOT must stay TRUE, so (b OR c) must stay FALSE, so b vanishes as FALSE.
    const atoms = conditionAtoms(and(eq('a', '1'), not(or(eq('b', '2'), eq('c', '3')))));
    expect(without(atoms[1]!)).toBe(`((t0."a" = '1') AND (NOT (FALSE OR (t0."c" = '3'))))`);
    // A lone NOT leaf at the root vanishes when the NOT is TRUE: its operand FALSE.
    expect(without(conditionAtoms(not(eq('a', '1')))[0]!)).toBe('(NOT FALSE)');
  });

  it('compares the rows each variant keeps, NULL counting as left out', () => {
    expect(conditionAtoms(eq('a', '1'))[0]!.movedSql).toBe(`(coalesce((t0."a" = '1'), FALSE) <> coalesce(TRUE, FALSE))`);
  });

  it('refuses a released group in which one condition moves the rows of fewer than k subjects', () => {
    const atoms = conditionAtoms(and(eq('a', '1'), eq('b', '2')));
    expect(differencingCondition([[40, 1, 200, 0, 200]], atoms, 10)?.text).toBe(`(a = '1')`);
    expect(differencingCondition([[40, 0, 200, 0, 200]], atoms, 10)).toBeUndefined();
  });

  it('refuses a condition that by itself excludes fewer than k subjects, however often it is written', () => {
    const twice = conditionAtoms(and(eq('a', '1'), eq('a', '1')));
    // Taking either copy out moves nothing; each still excludes the rows of 3 subjects.
    expect(differencingCondition([[40, 0, 0, 3, 3]], twice, 10)?.text).toBe(`(a = '1')`);
    expect(twice[0]!.actingSql).toBe(`(NOT coalesce((t0."a" = '1'), FALSE))`);
    expect(conditionAtoms(or(eq('a', '1'), eq('b', '2')))[1]!.actingSql).toBe(`coalesce((t0."b" = '2'), FALSE)`);
  });

  it('ignores groups that are suppressed anyway', () => {
    const atoms = conditionAtoms(eq('a', '1'));
    expect(differencingCondition([[5, 1, 1]], atoms, 10)).toBeUndefined();
  });
});
