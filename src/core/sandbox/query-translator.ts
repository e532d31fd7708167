import { refuse } from './gate-refusal.js';
import { translateExpr, type ExpressionScope } from './expression-translator.js';
import type { Expr, FromItem, QueryModel, SelectItem } from './query-model.js';
import type { GrantedView } from './sandbox-grant.js';
import { asNode, asNodes, isNode, location, nodeString, onlyMembers, type AstNode } from './sql-ast.js';
import { exprText } from './query-printer.js';

const lower = (s: string) => s.toLowerCase();

/** The FROM clause: granted views, inner-joined on column equality, nothing else. */
function translateFrom(node: AstNode, views: ReadonlyMap<string, GrantedView>, from: FromItem[], joinNodes: AstNode[]): void {
  const at = location(node);
  switch (node.type) {
    case 'BASE_TABLE': {
      onlyMembers(node, ['table_name', 'schema_name', 'catalog_name'], 'table');
      const name = nodeString(node, 'table_name') ?? '';
      if (nodeString(node, 'schema_name') || nodeString(node, 'catalog_name')) {
        return refuse('sandbox.qualified-name', { name: [node.catalog_name, node.schema_name, name].filter(Boolean).join('.') }, at);
      }
      const view = views.get(lower(name));
      if (!view) return refuse('sandbox.unknown-view', { name, views: [...views.values()].map((v) => v.name).join(', ') }, at);
      const alias = lower(nodeString(node, 'alias') ?? view.name);
      if (from.some((f) => f.name === alias)) return refuse('sandbox.join', { detail: `${alias} twice` }, at);
      from.push({ view: lower(view.name), name: alias });
      return;
    }
    case 'JOIN': {
      onlyMembers(node, ['left', 'right', 'condition', 'join_type', 'ref_type'], 'JOIN');
      if ((node.join_type ?? 'INNER') !== 'INNER' || (node.ref_type ?? 'REGULAR') !== 'REGULAR' || !isNode(node.condition)) {
        return refuse('sandbox.join', { detail: `${String(node.join_type ?? '')} ${String(node.ref_type ?? '')}`.trim() || 'CROSS' }, at);
      }
      translateFrom(asNode(node.left, 'JOIN'), views, from, joinNodes);
      // Left-deep only (`a JOIN b ON … JOIN c ON …`): each join adds one view, joined to those before it.
      if (asNode(node.right, 'JOIN').type !== 'BASE_TABLE') return refuse('sandbox.join', { detail: 'a bracketed join' }, at);
      translateFrom(asNode(node.right, 'JOIN'), views, from, joinNodes);
      joinNodes.push(node.condition);
      return;
    }
    case 'TABLE_FUNCTION':
      return refuse('sandbox.table-function', { name: isNode(node.function) ? String(node.function.function_name ?? '') : '?' }, at);
    case 'SUBQUERY':
      return refuse('sandbox.subquery', {}, at);
    case 'EMPTY':
      return refuse('sandbox.unknown-view', { name: '', views: [...views.values()].map((v) => v.name).join(', ') }, at);
    default:
      return refuse('sandbox.unsupported-syntax', { what: String(node.type) }, at);
  }
}

/**
 * The condition joining view `added` to those before it: a conjunction of equalities between
 * columns of different views, none reaching past `added`, at least one tying `added` to an earlier
 * view (else `added` would be a cartesian product).
 */
function checkJoin(on: Expr, added: number): void {
  const parts = on.kind === 'logic' && on.op === 'AND' ? on.args : [on];
  let ties = false;
  for (const part of parts) {
    const sides = part.kind === 'compare' && part.op === '=' && part.left.kind === 'column' && part.right.kind === 'column' ? [part.left.from, part.right.from] : [];
    const [a = -1, b = -1] = sides;
    if (a < 0 || a === b || a > added || b > added) return refuse('sandbox.join', { detail: exprText(part) });
    ties ||= a === added || b === added;
  }
  if (!ties) refuse('sandbox.join', { detail: `${exprText(on)} does not join the view added` });
}

function constantInteger(value: unknown): number {
  const node = asNode(value, 'LIMIT');
  const v = isNode(node.value) ? node.value.value : undefined;
  if (node.class !== 'CONSTANT' || typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return refuse('sandbox.limit', {}, location(node));
  return v;
}

function outputName(item: AstNode, expr: Expr, taken: Set<string>): string {
  const base = nodeString(item, 'alias') || (expr.kind === 'column' ? expr.column : exprText(expr));
  let name = base;
  for (let i = 2; taken.has(lower(name)); i++) name = `${base}_${i}`;
  taken.add(lower(name));
  return name;
}

/**
 * The one SELECT of a job → the model. Refuses every construct outside the model: set
 * operations, CTEs, DISTINCT, samples, QUALIFY, grouping sets, subqueries anywhere.
 */
export function translateQuery(statement: AstNode, views: ReadonlyMap<string, GrantedView>): QueryModel {
  const node = asNode(statement.node, 'statement');
  const at = location(node);
  if (node.type === 'SET_OPERATION_NODE') return refuse('sandbox.unsupported-syntax', { what: 'UNION/INTERSECT/EXCEPT' }, at);
  if (node.type === 'CTE_NODE' || node.type === 'RECURSIVE_CTE_NODE') return refuse('sandbox.unsupported-syntax', { what: 'WITH' }, at);
  if (node.type !== 'SELECT_NODE') return refuse('sandbox.not-select', { detail: String(node.type) }, at);
  if (isNode(node.cte_map) && asNodes(node.cte_map.map, 'WITH').length) return refuse('sandbox.unsupported-syntax', { what: 'WITH' }, at);
  onlyMembers(node, ['modifiers', 'cte_map', 'select_list', 'from_table', 'where_clause', 'group_expressions', 'group_sets', 'aggregate_handling', 'having'], 'SELECT');
  if ((node.aggregate_handling ?? 'STANDARD_HANDLING') !== 'STANDARD_HANDLING') return refuse('sandbox.group-by', { detail: 'GROUP BY ALL' }, at);

  const from: FromItem[] = [];
  const joinNodes: AstNode[] = [];
  translateFrom(asNode(node.from_table, 'FROM'), views, from, joinNodes);
  const scope = (place: ExpressionScope['place'], outputs?: ReadonlyMap<string, Expr>): ExpressionScope => ({ from, views, place, ...(outputs ? { outputs } : {}) });
  const joins = joinNodes.map((condition, i) => {
    const on = translateExpr(condition, scope('join'));
    checkJoin(on, i + 1);
    return { on };
  });

  const taken = new Set<string>();
  const select: SelectItem[] = asNodes(node.select_list, 'SELECT').map((item) => {
    const expr = translateExpr(item, scope('select'));
    return { expr, name: outputName(item, expr, taken) };
  });
  const outputs = new Map(select.map((s) => [lower(s.name), s.expr]));

  const groupNodes = asNodes(node.group_expressions, 'GROUP BY');
  const sets = Array.isArray(node.group_sets) ? node.group_sets : [];
  if (sets.length > 1 || (sets.length === 1 && Array.isArray(sets[0]) && sets[0].length !== groupNodes.length)) {
    return refuse('sandbox.group-by', { detail: 'GROUPING SETS / ROLLUP / CUBE' }, at);
  }
  const groupBy = groupNodes.map((g) => {
    if (g.class === 'CONSTANT') {
      const position = constantInteger(g);
      const item = select[position - 1];
      if (!item) return refuse('sandbox.group-by', { detail: `position ${position}` }, location(g));
      return item.expr;
    }
    return translateExpr(g, scope('group', outputs));
  });

  const model: QueryModel = { select, from, joins, groupBy, orderBy: [] };
  if (node.where_clause !== undefined) model.where = translateExpr(node.where_clause, scope('where'));
  if (node.having !== undefined) model.having = translateExpr(node.having, scope('having', outputs));
  for (const modifier of asNodes(node.modifiers, 'modifier')) {
    if (modifier.type === 'ORDER_MODIFIER') {
      onlyMembers(modifier, ['orders'], 'ORDER BY');
      for (const order of asNodes(modifier.orders, 'ORDER BY')) {
        onlyMembers(order, ['expression', 'null_order'], 'ORDER BY');
        const e = asNode(order.expression, 'ORDER BY');
        const expr = e.class === 'CONSTANT' ? (select[constantInteger(e) - 1]?.expr ?? refuse('sandbox.limit', {}, location(e))) : translateExpr(e, scope('order', outputs));
        const nullOrder = String(order.null_order ?? '').replace('_', ' ');
        const nulls = nullOrder === 'NULLS FIRST' ? 'first' : nullOrder === 'NULLS LAST' ? 'last' : undefined;
        model.orderBy.push({ expr, descending: String(order.type).endsWith('DESCENDING'), ...(nulls ? { nulls } : {}) });
      }
    } else if (modifier.type === 'LIMIT_MODIFIER') {
      onlyMembers(modifier, ['limit', 'offset'], 'LIMIT');
      if (modifier.limit !== undefined) model.limit = constantInteger(modifier.limit);
      if (modifier.offset !== undefined) model.offset = constantInteger(modifier.offset);
    } else if (modifier.type === 'DISTINCT_MODIFIER') {
      return refuse('sandbox.unsupported-syntax', { what: 'SELECT DISTINCT' }, at);
    } else {
      return refuse('sandbox.unsupported-syntax', { what: String(modifier.type) }, at);
    }
  }
  return model;
}
