import type { Expr } from './query-model.js';
import { exprSql, exprText } from './query-printer.js';

/**
 * The differencing check (差分攻击检测). Two aggregates that differ by one condition differ by
 * the rows that condition singles out: `sum(kwh) WHERE industry = 'C13'` and the same with
 * `AND charge <> 1234.56` reveal one enterprise's consumption in one month. So every atomic
 * condition of WHERE is taken out in turn (replaced by what makes it vanish: TRUE under AND,
 * FALSE under OR, the opposite under NOT), and the subjects whose rows it moves in or out of a
 * released group are counted; 1 to k−1 such subjects is the shape of a differencing attack, and
 * the query is refused. One scan computes every variant as a filtered distinct count.
 */
export interface Atom {
  /** The condition as a person reads it. */
  text: string;
  /** WHERE with this atom neutralized, as SQL. */
  withoutSql: string;
  /** Rows this atom decides: where WHERE with and without it disagree, as SQL. */
  movedSql: string;
}

/** The leaves of the AND/OR/NOT tree, in order. */
export function atomsOf(where: Expr): Expr[] {
  if (where.kind === 'logic') return where.args.flatMap(atomsOf);
  if (where.kind === 'not') return atomsOf(where.arg);
  return [where];
}

/**
 * `expr` with one leaf replaced by the value that makes it vanish: a conjunct vanishes as TRUE,
 * a disjunct as FALSE, and NOT asks its operand for the opposite of what it was asked.
 */
function neutralize(expr: Expr, target: Expr, vanish: boolean): Expr {
  if (expr === target) return { kind: 'constant', sql: vanish ? 'TRUE' : 'FALSE', text: vanish ? 'TRUE' : 'FALSE' };
  if (expr.kind === 'logic') return { ...expr, args: expr.args.map((a) => neutralize(a, target, expr.op === 'AND')) };
  if (expr.kind === 'not') return { kind: 'not', arg: neutralize(expr.arg, target, !vanish) };
  return expr;
}

export function conditionAtoms(where: Expr): Atom[] {
  const withIt = `coalesce(${exprSql(where)}, FALSE)`;
  return atomsOf(where).map((atom) => {
    const withoutSql = exprSql(neutralize(where, atom, true));
    return { text: exprText(atom), withoutSql, movedSql: `(${withIt} <> coalesce(${withoutSql}, FALSE))` };
  });
}

/**
 * The first condition that moves the rows of 1 to k−1 subjects in or out of a released group
 * (≥ k subjects), from the check query's rows: `[subjects, moved by atom 1, …]` per group.
 */
export function differencingCondition(rows: ReadonlyArray<readonly number[]>, atoms: readonly Atom[], k: number): Atom | undefined {
  for (const counts of rows) {
    const base = counts[0] ?? 0;
    if (base < k) continue;
    for (let i = 0; i < atoms.length; i++) {
      const moved = counts[i + 1] ?? 0;
      if (moved > 0 && moved < k) return atoms[i];
    }
  }
  return undefined;
}
