import { createHash } from 'node:crypto';
import { secureUniform as uniform } from '../../core/crypto/secure-uniform.js';
import { canonicalJson } from '../../core/canonical-json/canonical-json.js';
import { kAnonymityReport } from '../../core/desensitization/index.js';
import { bindParameters } from '../../core/sandbox/algorithm-definition.js';
import { executePlan, gateQuery, refusal, type GatePlan, type Refusal, type SandboxResult } from '../../core/sandbox/index.js';
import type { JobReview, SandboxJob } from '../../core/sandbox/sandbox-job.js';
import type { Localized } from '../../core/i18n/locale.js';
import type { SandboxAlgorithmStore } from '../../store/sandbox/sandbox-algorithm-store.js';
import type { Tx } from '../../store/database.js';
import type { QuerySetAudit } from './query-set-memory.js';
import type { JobGrant } from './sandbox-grants.js';
import type { SandboxEngine } from './sandbox-engine.js';
import { authorizedRows } from '../../core/sandbox/entity-gate.js';
import type { EntityAuthorizations } from './entity-authorizations.js';

/** How a job ended, before it is written. */
export type Outcome =
  | { state: 'refused' | 'failed'; reason: Refusal; checks?: Localized[] }
  | { state: 'awaiting_review' | 'succeeded'; result: SandboxResult; resultSha256: string; review: JobReview; checks: Localized[]; persist?: (tx: Tx) => Promise<void> };

export const resultDigest = (result: SandboxResult): string => createHash('sha256').update(canonicalJson(result)).digest('hex');

const records = (result: SandboxResult) => result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])));

/**
 * Runs an accepted job on the engine: the gate, the ε charge (`charge`, in its own transaction
 * with the job), the differencing check, the query, the release rules. Engine errors propagate
 * (the runner turns them into `failed`).
 */
export class JobExecution {
  constructor(
    private readonly engine: SandboxEngine,
    private readonly algorithms: SandboxAlgorithmStore,
    private readonly timeoutMs: number,
    private readonly audit?: QuerySetAudit,
    private readonly entities?: EntityAuthorizations,
  ) {}

  interrupt(): void {
    this.engine.interrupt();
  }

  async sql(job: SandboxJob, grant: JobGrant, charge: (plan: GatePlan) => Promise<Refusal | undefined>): Promise<Outcome> {
    if (job.request.kind !== 'sql') throw new Error('not a SQL job');
    const tree = await this.engine.parse(job.request.sql);
    const decision = gateQuery(tree, grant.grant, { schema: grant.schema, sql: job.request.sql, ...(job.request.privacy ? { privacy: job.request.privacy } : {}) });
    if (!decision.accepted) return { state: 'refused', reason: decision.refusal };
    const plan = decision.plan;
    const rules = grant.grant.rules;
    const budget = plan.epsilon === undefined ? undefined : await charge(plan);
    if (budget) return { state: 'refused', reason: budget, checks: plan.checks };
    const engine = {
      parse: (sql: string) => this.engine.parse(sql),
      run: async (sql: string) => (await this.engine.run(grant.setup, sql, grant.cleanup, { timeoutMs: this.timeoutMs })).rows,
    };
    const memory = this.audit?.memory(job.id, grant.grant.views);
    const released = await executePlan(plan, rules, engine, grant.schema, uniform, memory);
    if ('refusal' in released) return { state: 'refused', reason: released.refusal, checks: plan.checks };
    const audited = released.audited;
    const persist = audited && this.audit ? (tx: Tx) => this.audit!.remember(tx, grant.grant.views, audited) : undefined;
    const result = released.result;
    const review: JobReview = plan.aggregated
      ? { ...(released.smallestGroup !== undefined ? { smallestGroup: released.smallestGroup } : {}) }
      : { deidentification: kAnonymityReport(records(result), result.columns, rules.k) };
    const held = rules.review === 'manual' || (review.deidentification !== undefined && review.deidentification.k < rules.k);
    return { state: held ? 'awaiting_review' : 'succeeded', result, resultSha256: resultDigest(result), review, checks: plan.checks, ...(persist ? { persist } : {}) };
  }

  async algorithm(job: SandboxJob, grant: JobGrant): Promise<Outcome> {
    if (job.request.kind !== 'algorithm') throw new Error('not an algorithm job');
    const found = await this.algorithms.find(job.request.algorithm, job.request.version);
    if (!found || found.status !== 'approved') return { state: 'refused', reason: refusal('sandbox.algorithm', { detail: `${job.request.algorithm} is not registered` }) };
    const definition = found.definition;
    const bound = bindParameters(definition, job.request.parameters);
    if ('refusal' in bound) return { state: 'refused', reason: bound.refusal };
    const rules = grant.grant.rules;
    // The provider wrote and approved this SQL: it runs as written, over this job's views only.
    const ran = await this.engine.run([...grant.setup, `USE memory.${grant.schema}`], definition.sql, ['USE memory.main', ...grant.cleanup], { timeoutMs: this.timeoutMs, params: bound.values });
    const columns = ran.columns;
    // A per-entity output keeps only rows about entities authorized with the job (ADR 0012).
    const rows = definition.entities ? authorizedRows(definition, columns, ran.rows, (await this.entities?.authorized(job.id)) ?? new Set()) : ran.rows;
    if (rows.length > rules.maxRows) return { state: 'refused', reason: refusal('sandbox.result-too-large', { max: rules.maxRows }) };
    const result: SandboxResult = { columns, rows };
    const report = kAnonymityReport(records(result), definition.quasiIdentifiers.filter((q) => columns.includes(q)), rules.k);
    const checks: Localized[] = [
      { 'zh-CN': `登记算法 ${definition.name}@${definition.version}（提供方已审批）`, en: `Registered algorithm ${definition.name}@${definition.version} (approved by the provider)` },
      definition.release === 'auto' && rules.review === 'auto'
        ? { 'zh-CN': '按登记时的发布规则自动发布', en: 'Released automatically, as registered' }
        : { 'zh-CN': '结果经提供方人工审核后发布', en: "Results are released after the provider's review" },
    ];
    const held = definition.release === 'manual' || rules.review === 'manual';
    return { state: held ? 'awaiting_review' : 'succeeded', result, resultSha256: resultDigest(result), review: { deidentification: report }, checks };
  }
}
