import { atomsOf } from './differencing-check.js';
import { kindOf } from './expression-types.js';
import { refuse } from './gate-refusal.js';
import { children, walk, type Expr, type QueryModel } from './query-model.js';
import { exprSql, exprText } from './query-printer.js';
import type { GrantedView, ReleaseRules } from './sandbox-grant.js';

/** Bounds on what one query may ask, so the gate's own work stays small (it runs on the connector's event loop). */
const MAX_NODES = 2_000;
const MAX_DEPTH = 64;
/** Characters of constants, counting each use of an output alias again. */
const MAX_CONSTANT_TEXT = 100_000;

function depthOf(e: Expr): number {
  let deepest = 0;
  for (const child of children(e)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

const conditionFunctions = new Set(['starts_with', 'ends_with', 'contains', 'prefix', 'suffix', 'isnan', 'isinf']);
/** Functions that can cut a value range into pieces around one value: a hidden condition in a grouping key. */
const partitionFunctions = new Set(['nullif', 'greatest', 'least', 'sign']);

/** Whether `e` itself decides something: a comparison, a connective, CASE, a LIKE, a boolean function or cast. */
function isCondition(e: Expr): boolean {
  switch (e.kind) {
    case 'compare':
    case 'logic':
    case 'not':
    case 'in':
    case 'between':
    case 'is-null':
    case 'case':
      return true;
    case 'call':
      return (e.infix !== undefined && /LIKE/.test(e.infix)) || conditionFunctions.has(e.name);
    case 'cast':
      return e.type === 'BOOLEAN';
    default:
      return false;
  }
}

function nested(e: Expr, forbidden: (x: Expr) => boolean): Expr | undefined {
  let found: Expr | undefined;
  for (const child of children(e)) walk(child, (x) => (found ??= forbidden(x) ? x : undefined));
  return found;
}

/** Every column reference of `expr` sits inside an aggregate (HAVING tests aggregates only). */
function outsideAggregates(expr: Expr): Expr | undefined {
  if (expr.kind === 'aggregate') return undefined;
  if (expr.kind === 'column') return expr;
  for (const child of children(expr)) {
    const found = outsideAggregates(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * The shape rules that keep the differencing check honest. Conditions in WHERE are leaves of an
 * AND/OR/NOT tree, each comparing values with no condition inside (`(a = 1) = (b <> 2)` or a CASE
 * would hide a small condition inside a big one); grouping keys hold no condition and no function
 * that cuts around a value (a CASE or sign() key is a WHERE in disguise); HAVING tests aggregates
 * only (a HAVING on a key is a WHERE the check would not see). Every expression is typed.
 */
export function checkShape(model: QueryModel, rules: ReleaseRules, views: ReadonlyMap<string, GrantedView>): void {
  const all = [...model.select.map((s) => s.expr), ...model.joins.map((j) => j.on), ...(model.where ? [model.where] : []), ...model.groupBy, ...(model.having ? [model.having] : []), ...model.orderBy.map((o) => o.expr)];
  if (model.where) {
    const count = atomsOf(model.where).length;
    if (count > rules.maxConditions) refuse('sandbox.too-many-conditions', { count, max: rules.maxConditions });
  }
  let nodes = 0;
  let text = 0;
  for (const e of all) walk(e, (x) => ((nodes += 1), (text += x.kind === 'constant' ? x.sql.length : 0)));
  if (nodes > MAX_NODES) refuse('sandbox.too-complex', { detail: `${nodes} expression nodes, at most ${MAX_NODES}` });
  if (text > MAX_CONSTANT_TEXT) refuse('sandbox.too-complex', { detail: `${text} characters of constants, at most ${MAX_CONSTANT_TEXT}` });
  const depth = Math.max(0, ...all.map(depthOf));
  if (depth > MAX_DEPTH) refuse('sandbox.too-complex', { detail: `expressions ${depth} deep, at most ${MAX_DEPTH}` });
  if (model.where) {
    const atoms = atomsOf(model.where);
    for (const atom of atoms) {
      const inside = nested(atom, isCondition);
      if (inside) refuse('sandbox.condition-shape', { expr: exprText(atom), place: 'WHERE' });
    }
  }
  for (const key of model.groupBy) {
    const inside = isCondition(key) ? key : nested(key, (x) => isCondition(x) || (x.kind === 'call' && partitionFunctions.has(x.name)) || x.kind === 'coalesce');
    if (inside || (key.kind === 'call' && partitionFunctions.has(key.name)) || key.kind === 'coalesce') refuse('sandbox.condition-shape', { expr: exprText(key), place: 'GROUP BY' });
  }
  if (model.having) {
    const bare = outsideAggregates(model.having);
    if (bare) refuse('sandbox.having', { expr: exprText(bare) });
  }
  if (rules.differentialPrivacy) {
    // Exact aggregates must not decide what is shown or in what order: that would bypass the noise.
    if (model.having) refuse('sandbox.dp-unsupported', { expr: 'HAVING' });
    const keys = new Set(model.groupBy.map(exprSql));
    for (const o of model.orderBy) if (!keys.has(exprSql(o.expr))) refuse('sandbox.dp-unsupported', { expr: `ORDER BY ${exprText(o.expr)}` });
  }
  for (const e of all) kindOf(e, model.from, views);
  for (const condition of [...(model.where ? [model.where] : []), ...(model.having ? [model.having] : []), ...model.joins.map((j) => j.on)]) {
    if (!['boolean', 'null'].includes(kindOf(condition, model.from, views))) refuse('sandbox.type-mismatch', { expr: exprText(condition), detail: 'not a condition' });
  }
}
