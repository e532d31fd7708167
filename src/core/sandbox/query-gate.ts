import type { Localized } from '../i18n/locale.js';
import { conditionAtoms, type Atom } from './differencing-check.js';
import { noiseScale } from './differential-privacy.js';
import { GateRefusal, refuse, type Refusal } from './gate-refusal.js';
import { children, containsAggregate, type Expr, type QueryModel } from './query-model.js';
import { exprSql, exprText, printQuery, tableAlias } from './query-printer.js';
import { translateQuery } from './query-translator.js';
import { rowColumn, subjectColumn, type GrantedView, type PrivacyRequest, type SandboxGrant } from './sandbox-grant.js';
import { asNodes, isNode } from './sql-ast.js';
import { quoteIdentifier } from './sql-literals.js';
import { acceptedChecks } from './gate-explanation.js';
import { checkShape } from './query-shape.js';
import { defaultQueryEpsilon } from './privacy-default.js';

/** How each column of the released result comes from the row DuckDB returns. */
export type OutputColumn =
  | { name: string; source: number }
  | { name: string; source: number; noise: number }
  | { name: string; sum: number; count: number; sumNoise: number; countNoise: number };

/**
 * An accepted query: the SQL to run, the check to run first, and how to release the rows. Each
 * comes in a cheap form counting rows and an exact form counting distinct subjects; the exact
 * one runs only when rows cannot prove k (see `plan-execution.ts`).
 */
export interface GatePlan {
  /** The query with a row count per group (`__tds_k` = count(*)), no suppression. */
  sql: string;
  /** The query with distinct subjects per group and groups under k suppressed (when k applies). */
  exactSql?: string;
  /** The most rows one subject can contribute to a group. */
  rowsPerSubject: number;
  /** The query skips rows (OFFSET): suppression must happen before the skip, so only the exact form will do. */
  offset: boolean;
  /** The differencing check; each row is `[in the group, moved by atom 1 … m]` after the group keys, rows or subjects. */
  check?: { sql: string; exactSql: string; keys: number; atoms: Atom[] };
  columns: OutputColumn[];
  /** Index of the hidden count column (`__tds_k`), when output is aggregated. */
  subjectsColumn?: number;
  /** The query-set audit: the exact form lists each group's members (`"<row> <subject>"`) in this column of that view. */
  audit?: { membersColumn: number; view: string; keyColumns: number[] };
  aggregated: boolean;
  /** Views the query reads (their agreements' budgets are charged). */
  views: GrantedView[];
  epsilon?: number;
  /** What the gate checked, in words, for the console. */
  checks: Localized[];
}

export type GateDecision = { accepted: true; plan: GatePlan } | { accepted: false; refusal: Refusal };

/** Whether every column reference in `expr` sits inside an aggregate or a grouping key. */
function onlyAggregated(expr: Expr, keys: ReadonlySet<string>): Expr | undefined {
  let offending: Expr | undefined;
  const visit = (e: Expr): void => {
    if (offending || keys.has(exprSql(e)) || e.kind === 'aggregate') return;
    if (e.kind === 'column') offending = e;
    else children(e).forEach(visit);
  };
  visit(expr);
  return offending;
}

function checkAggregation(model: QueryModel, aggregateOnly: boolean): boolean {
  for (const key of model.groupBy) if (containsAggregate(key)) refuse('sandbox.group-by', { detail: exprText(key) });
  const aggregated = model.groupBy.length > 0 || model.select.some((s) => containsAggregate(s.expr));
  if (!aggregateOnly) return aggregated;
  const keys = new Set(model.groupBy.map(exprSql));
  const outputs = [...model.select.map((s) => s.expr), ...(model.having ? [model.having] : []), ...model.orderBy.map((o) => o.expr)];
  for (const expr of outputs) {
    if (!aggregated || onlyAggregated(expr, keys)) refuse('sandbox.aggregate-required', { expr: exprText(expr) });
  }
  return aggregated;
}

/**
 * Distinct subjects of the rows (of a group), optionally only those rows matching `filter`: per
 * view with a subject column, the smallest count; rows themselves where no view has one.
 */
const subjectCount = (model: QueryModel, views: ReadonlyMap<string, GrantedView>, filter?: string): string => {
  const where = filter ? ` FILTER (WHERE ${filter})` : '';
  const counted = model.from.flatMap((f, i) => (views.get(f.view)?.hasSubject ? [`count(DISTINCT ${tableAlias(i)}.${quoteIdentifier(subjectColumn)})${where}`] : []));
  if (counted.length === 0) return `count(*)${where}`;
  return counted.length === 1 ? (counted[0] as string) : `least(${counted.join(', ')})`;
};

/**
 * The members of a group for the query-set audit: the rows of the first view that names its
 * subjects (or, with none, of the first view, each row its own subject), as `"<row> <subject>"`.
 */
function auditedView(model: QueryModel, views: ReadonlyMap<string, GrantedView>): { sql: string; view: string } | undefined {
  const at = Math.max(0, model.from.findIndex((f) => views.get(f.view)?.hasSubject));
  const view = views.get((model.from[at] as { view: string }).view);
  if (!view?.hasRowNumbers) return undefined;
  const row = `CAST(${tableAlias(at)}.${quoteIdentifier(rowColumn)} AS VARCHAR)`;
  const subject = view.hasSubject ? `coalesce(CAST(${tableAlias(at)}.${quoteIdentifier(subjectColumn)} AS VARCHAR), ${row})` : row;
  return { sql: `list(DISTINCT ${row} || ' ' || ${subject})`, view: view.name };
}

/**
 * The bounds a sum or average clamps `column` into: the data dictionary's, narrowed by the
 * consumer's when asked (narrower bounds mean less noise, and never widen what the provider
 * declared). None when the dictionary declares none: the noise has nothing to be scaled to.
 */
function clampingBounds(views: readonly GrantedView[], column: string, asked?: readonly [number, number]): readonly [number, number] | undefined {
  const declared = views[0]?.columns.find((c) => c.name === column)?.bounds;
  if (!declared) return undefined;
  if (!asked) return declared;
  const bounds = [Math.max(declared[0], asked[0]), Math.min(declared[1], asked[1])] as const;
  return bounds[0] <= bounds[1] ? bounds : undefined;
}

/** Under differential privacy: each output is a key or one count/sum/avg, re-written with clamped inputs. */
function privateSelect(model: QueryModel, grant: SandboxGrant, views: GrantedView[], privacy: PrivacyRequest): { select: string[]; columns: OutputColumn[] } {
  const rule = grant.rules.differentialPrivacy!;
  if (model.from.length > 1) refuse('sandbox.dp-unsupported', { expr: 'JOIN' });
  const m = (views[0] as GrantedView).maxRowsPerSubject;
  const keys = new Set(model.groupBy.map(exprSql));
  const noisy = model.select.filter((s) => !keys.has(exprSql(s.expr))).reduce((n, s) => n + (s.expr.kind === 'aggregate' && s.expr.name === 'avg' ? 2 : 1), 0);
  const each = privacy.epsilon / Math.max(1, noisy);
  const select: string[] = [];
  const columns: OutputColumn[] = [];
  const add = (sql: string) => select.push(`${sql} AS ${quoteIdentifier(`c${select.length}`)}`) - 1;
  for (const item of model.select) {
    const e = item.expr;
    if (keys.has(exprSql(e))) {
      columns.push({ name: item.name, source: add(exprSql(e)) });
      continue;
    }
    if (e.kind !== 'aggregate' || !['count', 'count_star', 'sum', 'avg'].includes(e.name)) return refuse('sandbox.dp-unsupported', { expr: exprText(e) });
    if (e.name === 'count' || e.name === 'count_star') {
      columns.push({ name: item.name, source: add(exprSql(e)), noise: noiseScale(rule, m, each) });
      continue;
    }
    const column = e.arg?.kind === 'column' ? e.arg.column : '';
    const bounds = clampingBounds(views, column, privacy.bounds?.[column]);
    if (!bounds || e.distinct) return refuse('sandbox.bounds-required', { name: column });
    const clamped = `sum(least(greatest(CAST(${exprSql(e.arg as Expr)} AS DOUBLE), ${bounds[0]}), ${bounds[1]}))`;
    const sumNoise = noiseScale(rule, m * Math.max(Math.abs(bounds[0]), Math.abs(bounds[1])), each);
    if (e.name === 'sum') columns.push({ name: item.name, source: add(clamped), noise: sumNoise });
    else columns.push({ name: item.name, sum: add(clamped), count: add(`count(${exprSql(e.arg as Expr)})`), sumNoise, countNoise: noiseScale(rule, m, each) });
  }
  return { select, columns };
}

export interface GateOptions {
  /** The schema the job's views live in. */
  schema: string;
  privacy?: PrivacyRequest;
  /** The SQL as sent, to turn DuckDB's byte offsets into character offsets for `Refusal.at`. */
  sql?: string;
}

/** DuckDB's `query_location` counts UTF-8 bytes; people count characters (Unicode code points). */
export function characterOffset(sql: string, byteOffset: number): number {
  return [...new TextDecoder().decode(new TextEncoder().encode(sql).slice(0, byteOffset))].length;
}

/**
 * Decides a SQL job from DuckDB's parse tree (`json_serialize_sql` output, untrusted): refuses
 * with a reason, or returns the plan the engine runs. Pure; the engine runs the plan.
 */
export function gateQuery(serialized: unknown, grant: SandboxGrant, options: GateOptions): GateDecision {
  try {
    return { accepted: true, plan: plan(serialized, grant, options) };
  } catch (error) {
    if (error instanceof GateRefusal) {
      const { at, ...rest } = error.refusal;
      return { accepted: false, refusal: at !== undefined && options.sql !== undefined ? { ...rest, at: characterOffset(options.sql, at) } : error.refusal };
    }
    throw error;
  }
}

function plan(serialized: unknown, grant: SandboxGrant, options: GateOptions): GatePlan {
  if (!isNode(serialized)) return refuse('sandbox.syntax', { detail: 'no parse tree' });
  if (serialized.error === true) {
    const message = String(serialized.error_message ?? '');
    return /Only SELECT/i.test(message) ? refuse('sandbox.not-select', { detail: message }) : refuse('sandbox.syntax', { detail: message });
  }
  const statements = asNodes(serialized.statements, 'statements');
  if (statements.length !== 1) return refuse('sandbox.not-select', { detail: `${statements.length} statements` });
  const views = new Map(grant.views.map((v) => [v.name.toLowerCase(), v]));
  const model = translateQuery(statements[0] as (typeof statements)[0], views);
  const rules = grant.rules;
  checkShape(model, rules, views);
  const aggregated = checkAggregation(model, rules.aggregateOnly);
  const used = model.from.map((f) => views.get(f.view) as GrantedView);
  const atoms = model.where ? conditionAtoms(model.where) : [];

  const dp = rules.differentialPrivacy;
  if (dp && !aggregated) refuse('sandbox.dp-unsupported', { expr: 'SELECT' });
  const privacy = dp ? (options.privacy ?? { epsilon: defaultQueryEpsilon(dp.budget) }) : undefined;
  if (privacy && !(privacy.epsilon > 0 && Number.isFinite(privacy.epsilon))) refuse('sandbox.dp-unsupported', { expr: 'ε' });
  const { select, columns } = dp && privacy ? privateSelect(model, grant, used, privacy) : { select: undefined, columns: model.select.map((s, i) => ({ name: s.name, source: i })) };

  const subjects = subjectCount(model, views);
  // A subject has at most m rows in a view, so a group of n rows covers at least ⌈n/m⌉ subjects:
  // groups of k·m rows or more need no distinct count. Not so across a join, where one row of a
  // subject may meet any number of rows of the other view: joins always count exactly.
  const rowsPerSubject = model.from.length === 1 ? Math.max(1, (used[0] as GrantedView).maxRowsPerSubject) : Infinity;
  const width = select?.length ?? model.select.length;
  const limit = Math.min(model.limit ?? Infinity, rules.maxRows + 1);
  const counted = (count: string) => (select ? { select: [...select, `${count} AS "__tds_k"`] } : { extraSelect: [`${count} AS "__tds_k"`] });
  const sql = printQuery(model, { schema: options.schema, ...(aggregated ? counted('count(*)') : select ? { select } : {}), limit });
  const kApplies = aggregated && rules.k > 1;
  const audited = kApplies && !dp && rules.querySetAudit ? auditedView(model, views) : undefined;
  const members = audited ? [`${subjects} AS "__tds_k"`, `${audited.sql} AS "__tds_members"`] : undefined;
  const exactSql = kApplies
    ? printQuery(model, { schema: options.schema, ...(members ? (select ? { select: [...select, ...members] } : { extraSelect: members }) : counted(subjects)), having: `${subjects} >= ${rules.k}`, limit })
    : undefined;
  const checkQuery = (count: (filter: string) => string) =>
    printQuery(model, {
      schema: options.schema,
      select: [...model.groupBy.map(exprSql), count(exprSql(model.where as Expr)), ...atoms.map((a) => count(a.movedSql)), ...atoms.map((a) => count(a.actingSql))],
      // A row no variant keeps and no atom acts on counts nowhere: only the others are read.
      where: [...[exprSql(model.where as Expr), ...atoms.map((a) => a.withoutSql)].map((w) => `coalesce(${w}, FALSE)`), ...atoms.map((a) => a.actingSql)].join(' OR '),
      withoutHaving: true,
      unordered: true,
      limit: 1_000_000,
    });
  const check =
    kApplies && atoms.length
      ? { sql: checkQuery((filter) => `count(*) FILTER (WHERE ${filter})`), exactSql: checkQuery((filter) => subjectCount(model, views, filter)), keys: model.groupBy.length, atoms }
      : undefined;
  return {
    sql,
    ...(exactSql ? { exactSql } : {}),
    rowsPerSubject,
    offset: model.offset !== undefined,
    ...(check ? { check } : {}),
    columns,
    ...(aggregated ? { subjectsColumn: width } : {}),
    ...(audited ? { audit: { membersColumn: width + 1, view: audited.view, keyColumns: model.select.flatMap((s, i) => (model.groupBy.some((g) => exprSql(g) === exprSql(s.expr)) ? [i] : [])) } } : {}),
    aggregated,
    views: [...new Set(used)],
    ...(privacy ? { epsilon: privacy.epsilon } : {}),
    checks: acceptedChecks({ model, rules, aggregated, atoms: atoms.length, ...(privacy ? { epsilon: privacy.epsilon } : {}) }),
  };
}

