import type { Expr, QueryModel } from './query-model.js';
import { quoteIdentifier } from './sql-literals.js';

/**
 * Writes the SQL that runs, from the gate's model only: every identifier quoted, every view
 * qualified with the job's grant schema, every constant re-printed from its parsed value, and a
 * space or a bracket between every two tokens, so no two of them can fuse into a comment (`--`,
 * `/*`). What is printed is parsed again before it runs (printed-query-check.ts).
 * `column` decides how a column reference prints (qualified for DuckDB, bare for people).
 */
type ColumnPrinter = (from: number, column: string) => string;

const arithmeticOperators = new Set(['+', '-', '*', '/', '//', '%']);

// Arithmetic runs on DOUBLE: integer overflow is an error, and an error that happens only for
// some row's value would tell the consumer that row exists. The gate has typed the operands as
// numbers (expression-types.ts), so the cast itself cannot fail.
const arithmetic = (e: Expr, p: (e: Expr) => string, forEngine: boolean): string => (!forEngine || e.kind === 'constant' ? p(e) : `CAST(${p(e)} AS DOUBLE)`);

function print(expr: Expr, column: ColumnPrinter, forEngine: boolean): string {
  const p = (e: Expr) => print(e, column, forEngine);
  switch (expr.kind) {
    case 'column':
      return column(expr.from, expr.column);
    case 'constant':
      return expr.sql;
    case 'call':
      // Always a space after a unary sign: `-` then `-1` must never print as `--`, a comment.
      if (expr.infix && expr.args.length === 1) return `(${expr.infix} ${arithmetic(expr.args[0] as Expr, p, forEngine)})`;
      if (expr.infix && arithmeticOperators.has(expr.infix)) return `(${arithmetic(expr.args[0] as Expr, p, forEngine)} ${expr.infix} ${arithmetic(expr.args[1] as Expr, p, forEngine)})`;
      if (expr.infix) return `(${p(expr.args[0] as Expr)} ${expr.infix} ${p(expr.args[1] as Expr)})`;
      return `${expr.name}(${expr.args.map(p).join(', ')})`;
    case 'aggregate':
      return expr.name === 'count_star' ? 'count(*)' : `${expr.name}(${expr.distinct ? 'DISTINCT ' : ''}${expr.arg ? p(expr.arg) : ''})`;
    case 'compare':
      return `(${p(expr.left)} ${expr.op} ${p(expr.right)})`;
    case 'logic':
      return `(${expr.args.map(p).join(` ${expr.op} `)})`;
    case 'not':
      return `(NOT ${p(expr.arg)})`;
    case 'in':
      return `(${p(expr.arg)} ${expr.negated ? 'NOT IN' : 'IN'} (${expr.list.map(p).join(', ')}))`;
    case 'between':
      return `(${p(expr.arg)} BETWEEN ${p(expr.low)} AND ${p(expr.high)})`;
    case 'is-null':
      return `(${p(expr.arg)} IS ${expr.negated ? 'NOT ' : ''}NULL)`;
    case 'case':
      return `(CASE ${expr.checks.map((c) => `WHEN ${p(c.when)} THEN ${p(c.then)}`).join(' ')}${expr.otherwise ? ` ELSE ${p(expr.otherwise)}` : ''} END)`;
    case 'cast':
      // Never CAST: a conversion that fails on some row's value would tell the consumer that row exists.
      return `TRY_CAST(${p(expr.arg)} AS ${expr.type})`;
    case 'coalesce':
      return `coalesce(${expr.args.map(p).join(', ')})`;
  }
}

/** An expression as a person reads it: columns by name, constants as written. */
export const exprText = (expr: Expr): string =>
  print(expr, (_from, column) => (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(column) ? column : quoteIdentifier(column)), false);

export const tableAlias = (i: number): string => `t${i}`;

/** An expression as DuckDB runs it: columns qualified with the FROM item's generated alias. */
export const exprSql = (expr: Expr): string => print(expr, (from, column) => `${tableAlias(from)}.${quoteIdentifier(column)}`, true);

export interface PrintOptions {
  /** The schema holding this job's views. */
  schema: string;
  /** Output columns added after the consumer's (hidden counts, noise inputs). */
  extraSelect?: readonly string[];
  /** Replaces the consumer's SELECT list (the differencing check has its own). */
  select?: readonly string[];
  where?: string | null;
  /** Conjoined with the consumer's HAVING. */
  having?: string;
  limit?: number;
  /** Leave the consumer's HAVING out (the differencing check compares every group). */
  withoutHaving?: boolean;
  /** Leave ORDER BY out (checks need no order). */
  unordered?: boolean;
}

export function printQuery(model: QueryModel, options: PrintOptions): string {
  const select = options.select ?? [...model.select.map((s) => `${exprSql(s.expr)} AS ${quoteIdentifier(s.name)}`), ...(options.extraSelect ?? [])];
  const from = model.from
    .map((f, i) => {
      const table = `${quoteIdentifier(options.schema)}.${quoteIdentifier(f.view)} AS ${tableAlias(i)}`;
      return i === 0 ? table : `JOIN ${table} ON ${exprSql((model.joins[i - 1] as { on: Expr }).on)}`;
    })
    .join(' ');
  const where = options.where === undefined ? (model.where ? exprSql(model.where) : undefined) : (options.where ?? undefined);
  const having = [model.having && !options.withoutHaving ? exprSql(model.having) : undefined, options.having].filter(Boolean).join(' AND ');
  const parts = [`SELECT ${select.join(', ')}`, `FROM ${from}`];
  if (where) parts.push(`WHERE ${where}`);
  if (model.groupBy.length) parts.push(`GROUP BY ${model.groupBy.map(exprSql).join(', ')}`);
  if (having) parts.push(`HAVING ${having}`);
  if (!options.unordered && model.orderBy.length) {
    parts.push(`ORDER BY ${model.orderBy.map((o) => `${exprSql(o.expr)}${o.descending ? ' DESC' : ''}${o.nulls ? ` NULLS ${o.nulls.toUpperCase()}` : ''}`).join(', ')}`);
  }
  const limit = options.limit ?? model.limit;
  if (limit !== undefined) parts.push(`LIMIT ${limit}`);
  if (model.offset !== undefined && !options.unordered) parts.push(`OFFSET ${model.offset}`);
  return parts.join(' ');
}
