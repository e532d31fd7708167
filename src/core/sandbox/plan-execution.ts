import { differencingCondition } from './differencing-check.js';
import type { GatePlan } from './query-gate.js';
import { releaseRows, type Cell, type SandboxResult } from './result-release.js';
import type { Refusal } from './gate-refusal.js';
import { refusal } from './gate-refusal.js';
import type { ReleaseRules } from './sandbox-grant.js';
import { printedQueryProblem } from './printed-query-check.js';
import { findTracker, groupMembers, type AuditedQuery } from './query-set-audit.js';

/** What the query-set audit needs from the connector: the queries released so far, a subject fingerprint. */
export interface QuerySetMemory {
  /** Queries already released (or held for review) under the job's agreements, over `view`. */
  released(view: string): Promise<AuditedQuery[]>;
  /** A keyed fingerprint of a subject identifier (only fingerprints are stored). */
  fingerprint(subject: string): number;
  jobId: string;
}

/** The engine as the plan sees it: parse (json_serialize_sql) and run printed SQL. */
export interface PlanEngine {
  parse(sql: string): Promise<unknown>;
  run(sql: string): Promise<Cell[][]>;
}

/** The printed SQL failed its re-parse check: a bug in the gate, never the consumer's doing. */
export class PrintedQueryRejected extends Error {}

/**
 * Runs an accepted plan through `run` (the engine) and applies the release rules. Distinct
 * subject counts are what k needs, and they cost a second hash aggregation over every row; a
 * row count costs nothing. So the cheap form runs first, and its counts prove k wherever a
 * group has at least k·m rows (m: the most rows one subject can add); only when some group or
 * some condition of the differencing check falls short does the exact form run. Every printed
 * query is parsed again and checked before it runs (printed-query-check.ts).
 */
export async function executePlan(
  plan: GatePlan,
  rules: ReleaseRules,
  engine: PlanEngine,
  schema: string,
  uniform: () => number,
  memory?: QuerySetMemory,
): Promise<{ result: SandboxResult; smallestGroup?: number; exact: boolean; audited?: AuditedQuery } | { refusal: Refusal }> {
  const run = async (sql: string) => {
    const problem = printedQueryProblem(await engine.parse(sql), schema);
    if (problem) throw new PrintedQueryRejected(`the printed query failed its check (${problem})`);
    return engine.run(sql);
  };
  const bound = rules.k * plan.rowsPerSubject;
  if (plan.check) {
    const rows = await run(plan.check.sql);
    const counts = (r: readonly Cell[]) => r.slice(plan.check!.keys).map((v) => Number(v ?? 0));
    const uncertain = rows.some((r) => {
      const [inGroup = 0, ...touched] = counts(r);
      return inGroup >= rules.k && touched.some((n) => n > 0 && n < bound);
    });
    if (uncertain) {
      const atom = differencingCondition((await run(plan.check.exactSql)).map(counts), plan.check.atoms, rules.k);
      if (atom) return { refusal: refusal('sandbox.differencing', { condition: atom.text, k: rules.k }) };
    }
  }
  let rows = await run(plan.sql);
  const column = plan.subjectsColumn;
  const audit = plan.audit && memory ? plan.audit : undefined;
  const needsExact =
    plan.exactSql !== undefined &&
    (audit !== undefined ||
      plan.offset || rows.length === 0 || rows.length > rules.maxRows || rows.some((r) => Number(r[column as number] ?? 0) < bound));
  if (needsExact) rows = await run(plan.exactSql as string);
  const released = releaseRows(plan, rows, rules, uniform, plan.epsilon);
  if ('refusal' in released) return released;
  let audited: AuditedQuery | undefined;
  if (audit && memory) {
    audited = { jobId: memory.jobId, view: audit.view, groups: rows.map((r) => groupMembers(r[audit.membersColumn], memory.fingerprint)) };
    const tracker = findTracker(audited, await memory.released(audit.view), rules.k, plan.rowsPerSubject);
    if (tracker) {
      const row = rows[tracker.group] ?? [];
      const group = audit.keyColumns.map((i) => String(row[i] ?? 'NULL')).join(' · ') || '*';
      return { refusal: refusal('sandbox.query-set', { group, job: tracker.jobId, k: rules.k }) };
    }
  }
  // Without the exact form, a group of n rows is known to hold at least ⌈n/m⌉ subjects.
  const bounded = Number.isFinite(plan.rowsPerSubject) ? Math.ceil((released.smallestGroup ?? 0) / plan.rowsPerSubject) : undefined;
  const smallestGroup = needsExact ? released.smallestGroup : released.smallestGroup === undefined ? undefined : bounded;
  return { result: released.result, exact: needsExact, ...(smallestGroup !== undefined ? { smallestGroup } : {}), ...(audited ? { audited } : {}) };
}
