import { refuse } from './gate-refusal.js';
import type { Expr, FromItem } from './query-model.js';
import { exprText } from './query-printer.js';
import type { GrantedView } from './sandbox-grant.js';

/**
 * The gate's types. DuckDB casts implicitly where types differ (`行业代码 = 13` casts every code to
 * a number), and a cast that fails on one row's value is an error that says that row exists. So
 * the gate types every expression and refuses mixed types: values are compared, combined and
 * passed to functions only with their own kind, and the consumer converts with TRY_CAST, which
 * never fails. Arithmetic is printed on DOUBLE (query-printer.ts), which never overflows.
 */
export type Kind = 'number' | 'text' | 'date' | 'boolean' | 'interval' | 'null';

const numeric = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL.*)$/;

export function kindOfType(type: string): Kind | undefined {
  const t = type.toUpperCase();
  if (numeric.test(t)) return 'number';
  if (t === 'VARCHAR') return 'text';
  if (t === 'DATE' || t.startsWith('TIMESTAMP') || t === 'TIME') return 'date';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'INTERVAL') return 'interval';
  return undefined;
}

type Signature = { args: Array<Kind | 'text-constant'>; optional?: number; returns: Kind | 'first' };

const signatures: Readonly<Record<string, Signature>> = {
  abs: { args: ['number'], returns: 'number' },
  round: { args: ['number', 'number'], optional: 1, returns: 'number' },
  floor: { args: ['number'], returns: 'number' },
  ceil: { args: ['number'], returns: 'number' },
  ceiling: { args: ['number'], returns: 'number' },
  sign: { args: ['number'], returns: 'number' },
  isnan: { args: ['number'], returns: 'boolean' },
  isinf: { args: ['number'], returns: 'boolean' },
  date_trunc: { args: ['text-constant', 'date'], returns: 'date' },
  date_part: { args: ['text-constant', 'date'], returns: 'number' },
  datepart: { args: ['text-constant', 'date'], returns: 'number' },
  year: { args: ['date'], returns: 'number' },
  month: { args: ['date'], returns: 'number' },
  quarter: { args: ['date'], returns: 'number' },
  day: { args: ['date'], returns: 'number' },
  dayofweek: { args: ['date'], returns: 'number' },
  isodow: { args: ['date'], returns: 'number' },
  week: { args: ['date'], returns: 'number' },
  last_day: { args: ['date'], returns: 'date' },
  strftime: { args: ['date', 'text-constant'], returns: 'text' },
  lower: { args: ['text'], returns: 'text' },
  upper: { args: ['text'], returns: 'text' },
  trim: { args: ['text'], returns: 'text' },
  ltrim: { args: ['text'], returns: 'text' },
  rtrim: { args: ['text'], returns: 'text' },
  length: { args: ['text'], returns: 'number' },
  substr: { args: ['text', 'number', 'number'], optional: 1, returns: 'text' },
  substring: { args: ['text', 'number', 'number'], optional: 1, returns: 'text' },
  left: { args: ['text', 'number'], returns: 'text' },
  right: { args: ['text', 'number'], returns: 'text' },
  starts_with: { args: ['text', 'text'], returns: 'boolean' },
  ends_with: { args: ['text', 'text'], returns: 'boolean' },
  contains: { args: ['text', 'text'], returns: 'boolean' },
  prefix: { args: ['text', 'text'], returns: 'boolean' },
  suffix: { args: ['text', 'text'], returns: 'boolean' },
};

/** Functions whose arguments and result share one kind, whatever it is. */
const sameKind = new Set(['nullif', 'greatest', 'least']);

const mismatch = (expr: Expr, detail: string): never => refuse('sandbox.type-mismatch', { expr: exprText(expr), detail });

/** The kind of `expr`, refusing anything that would make DuckDB convert a value implicitly. */
export function kindOf(expr: Expr, from: readonly FromItem[], views: ReadonlyMap<string, GrantedView>): Kind {
  const k = (e: Expr) => kindOf(e, from, views);
  const same = (parts: Expr[], whole: Expr): Kind => {
    const kinds = [...new Set(parts.map(k).filter((x) => x !== 'null'))];
    if (kinds.length > 1) mismatch(whole, kinds.join(' / '));
    return kinds[0] ?? 'null';
  };
  switch (expr.kind) {
    case 'column': {
      const view = views.get((from[expr.from] as FromItem).view);
      const type = view?.columns.find((c) => c.name === expr.column)?.type ?? '';
      return kindOfType(type) ?? mismatch(expr, type || 'unknown type');
    }
    case 'constant':
      return expr.sql === 'NULL' ? 'null' : expr.sql.startsWith("'") ? 'text' : 'number';
    case 'cast':
      k(expr.arg);
      return kindOfType(expr.type) ?? mismatch(expr, expr.type);
    case 'aggregate':
      if (expr.arg && expr.name !== 'count' && k(expr.arg) !== 'number') mismatch(expr, `${expr.name} of a non-number`);
      return 'number';
    case 'compare':
    case 'between':
    case 'in':
      same(expr.kind === 'compare' ? [expr.left, expr.right] : expr.kind === 'between' ? [expr.arg, expr.low, expr.high] : [expr.arg, ...expr.list], expr);
      return 'boolean';
    case 'is-null':
      k(expr.arg);
      return 'boolean';
    case 'logic':
    case 'not':
      for (const a of expr.kind === 'not' ? [expr.arg] : expr.args) if (!['boolean', 'null'].includes(k(a))) mismatch(a, 'not a condition');
      return 'boolean';
    case 'case': {
      for (const c of expr.checks) if (!['boolean', 'null'].includes(k(c.when))) mismatch(c.when, 'not a condition');
      return same([...expr.checks.map((c) => c.then), ...(expr.otherwise ? [expr.otherwise] : [])], expr);
    }
    case 'coalesce':
      return same(expr.args, expr);
    case 'call': {
      if (expr.infix === '||') {
        expr.args.forEach(k);
        return 'text';
      }
      if (expr.infix && /LIKE/.test(expr.infix)) {
        if (same(expr.args, expr) !== 'text') mismatch(expr, 'LIKE on text only');
        return 'boolean';
      }
      if (expr.infix) {
        for (const a of expr.args) if (!['number', 'null'].includes(k(a))) mismatch(expr, 'arithmetic on numbers only');
        return 'number';
      }
      if (sameKind.has(expr.name)) return same(expr.args, expr);
      if (expr.name === 'concat') {
        expr.args.forEach(k);
        return 'text';
      }
      const signature = signatures[expr.name];
      if (!signature) return mismatch(expr, expr.name);
      const min = signature.args.length - (signature.optional ?? 0);
      if (expr.args.length < min || expr.args.length > signature.args.length) mismatch(expr, `${expr.name} takes ${min}–${signature.args.length} arguments`);
      expr.args.forEach((a, i) => {
        const wanted = signature.args[i];
        if (wanted === 'text-constant') {
          if (a.kind !== 'constant' || !a.sql.startsWith("'")) mismatch(expr, `${expr.name}: argument ${i + 1} must be a text constant`);
        } else if (![wanted, 'null'].includes(k(a))) mismatch(expr, `${expr.name}: argument ${i + 1} must be ${wanted}`);
      });
      return signature.returns === 'first' ? k(expr.args[0] as Expr) : signature.returns;
    }
  }
}
