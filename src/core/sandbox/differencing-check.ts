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
  /** Rows this atom acts on by itself: those it excludes under AND, includes under OR, as SQL. */
  actingSql: string;
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

/** Each leaf with the value that makes it vanish where it stands (TRUE under AND, FALSE under OR). */
function leaves(expr: Expr, vanish: boolean, out: Array<{ atom: Expr; vanish: boolean }>): typeof out {
  if (expr.kind === 'logic') expr.args.forEach((a) => leaves(a, expr.op === 'AND', out));
  else if (expr.kind === 'not') leaves(expr.arg, !vanish, out);
  else out.push({ atom: expr, vanish });
  return out;
}

/**
 * The atoms of WHERE, each measured two ways per group: the rows whose fate it decides (WHERE
 * with it against WHERE without it), and the rows it acts on by itself (those it excludes, or
 * under OR those it lets in). The second catches a condition written twice, or repeated in
 * another form, where taking one copy out changes nothing.
 */
export function conditionAtoms(where: Expr): Atom[] {
  const withIt = `coalesce(${exprSql(where)}, FALSE)`;
  return leaves(where, true, []).map(({ atom, vanish }) => {
    const withoutSql = exprSql(neutralize(where, atom, true));
    const holds = `coalesce(${exprSql(atom)}, FALSE)`;
    return { text: exprText(atom), withoutSql, movedSql: `(${withIt} <> coalesce(${withoutSql}, FALSE))`, actingSql: vanish ? `(NOT ${holds})` : holds };
  });
}

/**
 * The first condition that moves, or by itself acts on, the rows of 1 to k−1 subjects of a
 * released group (≥ k subjects), from the check query's rows:
 * `[subjects, moved by atom 1 … m, acted on by atom 1 … m]` per group.
 */
export function differencingCondition(rows: ReadonlyArray<readonly number[]>, atoms: readonly Atom[], k: number): Atom | undefined {
  const m = atoms.length;
  for (const counts of rows) {
    if ((counts[0] ?? 0) < k) continue;
    for (let i = 0; i < m; i++) {
      const small = (n: number) => n > 0 && n < k;
      if (small(counts[1 + i] ?? 0) || small(counts[1 + m + i] ?? 0)) return atoms[i];
    }
  }
  return undefined;
}
