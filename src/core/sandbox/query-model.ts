/**
 * The gate's own model of an accepted query. DuckDB parses the consumer's SQL; the gate
 * translates the parse tree into this model, refusing anything it does not know; the printer
 * writes the SQL that runs from the model alone. So what runs is only ever what the model can
 * say: one aggregate SELECT over granted views, whatever text the consumer sent.
 */
export type Expr =
  | { kind: 'column'; from: number; column: string }
  | { kind: 'constant'; sql: string; text: string }
  | { kind: 'call'; name: string; args: Expr[]; infix?: string }
  | { kind: 'aggregate'; name: AggregateName; arg?: Expr; distinct: boolean }
  | { kind: 'compare'; op: string; left: Expr; right: Expr }
  | { kind: 'logic'; op: 'AND' | 'OR'; args: Expr[] }
  | { kind: 'not'; arg: Expr }
  | { kind: 'in'; negated: boolean; arg: Expr; list: Expr[] }
  | { kind: 'between'; arg: Expr; low: Expr; high: Expr }
  | { kind: 'is-null'; negated: boolean; arg: Expr }
  | { kind: 'case'; checks: Array<{ when: Expr; then: Expr }>; otherwise?: Expr }
  | { kind: 'cast'; arg: Expr; type: string }
  | { kind: 'coalesce'; args: Expr[] };

export const aggregateNames = ['count', 'count_star', 'sum', 'avg', 'stddev_samp', 'stddev_pop', 'var_samp', 'var_pop'] as const;
export type AggregateName = (typeof aggregateNames)[number];

export interface FromItem {
  /** The granted view's name. */
  view: string;
  /** What the consumer called it (its alias or its name), lower-cased for resolution. */
  name: string;
}

export interface SelectItem {
  expr: Expr;
  /** The output column's name. */
  name: string;
}

export interface QueryModel {
  select: SelectItem[];
  from: FromItem[];
  /** Equality conditions joining `from[i]` (i ≥ 1) to earlier items. */
  joins: Array<{ on: Expr }>;
  where?: Expr;
  groupBy: Expr[];
  having?: Expr;
  orderBy: Array<{ expr: Expr; descending: boolean; nulls?: 'first' | 'last' }>;
  limit?: number;
  offset?: number;
}

/** Visits every expression node, parents first. */
export function walk(expr: Expr, visit: (e: Expr) => void): void {
  visit(expr);
  for (const child of children(expr)) walk(child, visit);
}

export function children(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'column':
    case 'constant':
      return [];
    case 'call':
    case 'logic':
    case 'coalesce':
      return expr.args;
    case 'aggregate':
      return expr.arg ? [expr.arg] : [];
    case 'compare':
      return [expr.left, expr.right];
    case 'not':
    case 'cast':
    case 'is-null':
      return [expr.arg];
    case 'in':
      return [expr.arg, ...expr.list];
    case 'between':
      return [expr.arg, expr.low, expr.high];
    case 'case':
      return [...expr.checks.flatMap((c) => [c.when, c.then]), ...(expr.otherwise ? [expr.otherwise] : [])];
  }
}

export const containsAggregate = (expr: Expr): boolean => {
  let found = false;
  walk(expr, (e) => (found ||= e.kind === 'aggregate'));
  return found;
};
