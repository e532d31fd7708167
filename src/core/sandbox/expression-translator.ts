import { refuse } from './gate-refusal.js';
import { aggregateAliases, comparisonOperators, infixOperators, scalarFunctions } from './function-allowlist.js';
import { aggregateNames, type AggregateName, type Expr, type FromItem } from './query-model.js';
import type { GrantedView } from './sandbox-grant.js';
import { asNode, asNodes, location, nodeString, onlyMembers, type AstNode } from './sql-ast.js';
import { castTypeSql, constantSql } from './sql-literals.js';

/** Where an expression stands: aggregates belong to the output, identifiers to joins. */
export type Place = 'select' | 'join' | 'where' | 'group' | 'having' | 'order';

export interface ExpressionScope {
  from: readonly FromItem[];
  views: ReadonlyMap<string, GrantedView>;
  place: Place;
  /** Output names usable in GROUP BY, HAVING and ORDER BY, lower-cased. */
  outputs?: ReadonlyMap<string, Expr>;
}

const lower = (s: string) => s.toLowerCase();

function columnOf(view: GrantedView, name: string) {
  return view.columns.find((c) => lower(c.name) === lower(name));
}

function resolveColumn(node: AstNode, scope: ExpressionScope): Expr {
  onlyMembers(node, ['column_names'], 'column reference');
  const names = Array.isArray(node.column_names) ? node.column_names.map(String) : [];
  const at = location(node);
  const shown = names.join('.');
  if (names.some((n) => lower(n).startsWith('__tds'))) return refuse('sandbox.unknown-column', { name: shown }, at);
  let from = -1;
  let column: string | undefined;
  if (names.length === 1) {
    const name = names[0] as string;
    const matches = scope.from.flatMap((item, i) => (columnOf(scope.views.get(item.view) as GrantedView, name) ? [i] : []));
    if (matches.length > 1) return refuse('sandbox.ambiguous-column', { name: shown }, at);
    if (matches.length === 0) {
      const output = scope.outputs?.get(lower(name));
      if (output) return output;
      return refuse('sandbox.unknown-column', { name: shown }, at);
    }
    from = matches[0] as number;
    column = name;
  } else if (names.length === 2) {
    from = scope.from.findIndex((item) => item.name === lower(names[0] as string));
    column = names[1];
  }
  const granted = from >= 0 && column !== undefined ? columnOf(scope.views.get((scope.from[from] as FromItem).view) as GrantedView, column) : undefined;
  if (!granted) return refuse('sandbox.unknown-column', { name: shown }, at);
  if (granted.identifier && scope.place !== 'join') return refuse('sandbox.identifier-column', { name: granted.name }, at);
  return { kind: 'column', from, column: granted.name };
}

function aggregate(node: AstNode, name: AggregateName, scope: ExpressionScope): Expr {
  const at = location(node);
  if (scope.place !== 'select' && scope.place !== 'having' && scope.place !== 'order') return refuse('sandbox.unsupported-syntax', { what: `${name} outside SELECT, HAVING or ORDER BY` }, at);
  if (node.filter !== undefined || node.export_state) return refuse('sandbox.aggregate-argument', { name }, at);
  onlyMembers(node, ['function_name', 'children', 'distinct', 'order_bys', 'is_operator'], name);
  const args = asNodes(node.children, name);
  if (name === 'count_star') {
    if (args.length) return refuse('sandbox.aggregate-argument', { name }, at);
    return { kind: 'aggregate', name, distinct: false };
  }
  if (args.length !== 1 || (args[0] as AstNode).class !== 'COLUMN_REF') return refuse('sandbox.aggregate-argument', { name }, at);
  const arg = translateExpr(args[0] as AstNode, { ...scope, place: 'where', outputs: undefined });
  return { kind: 'aggregate', name, arg, distinct: node.distinct === true };
}

function call(node: AstNode, scope: ExpressionScope): Expr {
  const at = location(node);
  const raw = nodeString(node, 'function_name') ?? '';
  if (nodeString(node, 'schema') || nodeString(node, 'catalog')) return refuse('sandbox.function-not-allowed', { name: `${nodeString(node, 'schema')}.${raw}` }, at);
  const name = lower(raw);
  const aggregateName = (aggregateAliases[name] ?? name) as AggregateName;
  if ((aggregateNames as readonly string[]).includes(aggregateName)) return aggregate(node, aggregateName, scope);
  onlyMembers(node, ['function_name', 'children', 'is_operator', 'order_bys'], raw);
  if (node.distinct || node.filter) return refuse('sandbox.function-not-allowed', { name: raw }, at);
  const args = asNodes(node.children, raw).map((child) => translateExpr(child, scope));
  if (node.is_operator === true && infixOperators[name]) {
    if (args.length === 1 && (name === '-' || name === '+')) return { kind: 'call', name, args, infix: name };
    if (args.length !== 2) return refuse('sandbox.function-not-allowed', { name: raw }, at);
    return { kind: 'call', name, args, infix: infixOperators[name] };
  }
  if (!scalarFunctions.has(name) || node.is_operator === true) return refuse('sandbox.function-not-allowed', { name: raw }, at);
  return { kind: 'call', name, args };
}

function operator(node: AstNode, scope: ExpressionScope): Expr {
  onlyMembers(node, ['children'], String(node.type));
  const args = asNodes(node.children, 'operator').map((child) => translateExpr(child, scope));
  const [first, ...rest] = args;
  const at = location(node);
  if (!first) return refuse('sandbox.unsupported-syntax', { what: String(node.type) }, at);
  switch (node.type) {
    case 'OPERATOR_NOT':
      return { kind: 'not', arg: first };
    case 'OPERATOR_IS_NULL':
    case 'OPERATOR_IS_NOT_NULL':
      return { kind: 'is-null', negated: node.type === 'OPERATOR_IS_NOT_NULL', arg: first };
    case 'COMPARE_IN':
    case 'COMPARE_NOT_IN':
      return { kind: 'in', negated: node.type === 'COMPARE_NOT_IN', arg: first, list: rest };
    case 'OPERATOR_COALESCE':
      return { kind: 'coalesce', args };
    default:
      return refuse('sandbox.unsupported-syntax', { what: String(node.type) }, at);
  }
}

/** One parse-tree expression → the model, or a refusal naming what is not allowed. */
export function translateExpr(value: unknown, scope: ExpressionScope): Expr {
  const node = asNode(value, 'expression');
  const at = location(node);
  switch (node.class) {
    case 'COLUMN_REF':
      return resolveColumn(node, scope);
    case 'CONSTANT':
      onlyMembers(node, ['value'], 'constant');
      return { kind: 'constant', ...constantSql(node.value, at) };
    case 'FUNCTION':
      return call(node, scope);
    case 'OPERATOR':
      return operator(node, scope);
    case 'COMPARISON': {
      onlyMembers(node, ['left', 'right'], 'comparison');
      const op = comparisonOperators[String(node.type)];
      if (!op) return refuse('sandbox.unsupported-syntax', { what: String(node.type) }, at);
      return { kind: 'compare', op, left: translateExpr(node.left, scope), right: translateExpr(node.right, scope) };
    }
    case 'CONJUNCTION': {
      onlyMembers(node, ['children'], 'AND/OR');
      const op = node.type === 'CONJUNCTION_AND' ? 'AND' : node.type === 'CONJUNCTION_OR' ? 'OR' : undefined;
      if (!op) return refuse('sandbox.unsupported-syntax', { what: String(node.type) }, at);
      return { kind: 'logic', op, args: asNodes(node.children, op).map((c) => translateExpr(c, scope)) };
    }
    case 'BETWEEN':
      onlyMembers(node, ['input', 'lower', 'upper'], 'BETWEEN');
      return { kind: 'between', arg: translateExpr(node.input, scope), low: translateExpr(node.lower, scope), high: translateExpr(node.upper, scope) };
    case 'CASE': {
      onlyMembers(node, ['case_checks', 'else_expr'], 'CASE');
      const checks = asNodes(node.case_checks, 'CASE').map((c) => {
        onlyMembers(c, ['when_expr', 'then_expr'], 'WHEN');
        return { when: translateExpr(c.when_expr, scope), then: translateExpr(c.then_expr, scope) };
      });
      return { kind: 'case', checks, ...(node.else_expr ? { otherwise: translateExpr(node.else_expr, scope) } : {}) };
    }
    case 'CAST':
      onlyMembers(node, ['child', 'cast_type', 'try_cast'], 'CAST');
      return { kind: 'cast', arg: translateExpr(node.child, scope), type: castTypeSql(node.cast_type, at) };
    case 'STAR':
      return refuse('sandbox.star', {}, at);
    case 'SUBQUERY':
      return refuse('sandbox.subquery', {}, at);
    case 'WINDOW':
      return refuse('sandbox.unsupported-syntax', { what: 'window functions (OVER)' }, at);
    default:
      return refuse('sandbox.unsupported-syntax', { what: String(node.class ?? node.type ?? 'expression') }, at);
  }
}

