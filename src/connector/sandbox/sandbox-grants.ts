import type { AgreementRecord } from '../../core/contracts/contract-records.js';
import { decideContract, refusalReasons } from '../../core/contracts/contract-decision.js';
import type { VerifiedParty } from '../../core/contracts/policy-subject.js';
import { accessQuestion } from '../../core/contracts/access-question.js';
import { sandboxRequest } from '../../core/sandbox/sandbox-request.js';
import { parsePolicy } from '../../core/policy/index.js';
import { quoteIdentifier, strictestRules, type GrantedView, type ReleaseRules, type SandboxGrant } from '../../core/sandbox/index.js';
import { sandboxTermsOf, type SandboxTerms } from '../../core/sandbox/sandbox-terms.js';
import { aboutPersonsOrEnterprises, privacyRulesOf } from '../../core/sandbox/privacy-default.js';
import type { AssetStore } from '../../store/assets/asset-store.js';
import type { AgreementStore } from '../../store/contracts/agreement-store.js';
import type { Tx } from '../../store/database.js';
import type { SandboxJobStore } from '../../store/sandbox/sandbox-job-store.js';
import type { AssetService } from '../assets/asset-service.js';
import type { EngineTable } from './engine-protocol.js';
import type { SandboxEngine } from './sandbox-engine.js';
import { engineTable, viewPlan, type ViewPlan } from './sandbox-views.js';

export type Permission = { ok: true; rules: ReleaseRules; terms: SandboxTerms } | { ok: false; reasons: string[] };

/** What a job may read: the grant the gate judges by, and the SQL that sets its views up. */
export interface JobGrant {
  grant: SandboxGrant;
  /** Per agreement in the grant, its own rules (budgets are charged per agreement). */
  rules: Map<string, ReleaseRules>;
  setup: string[];
  cleanup: string[];
  schema: string;
}

const defaults = { maxRows: 10_000, maxConditions: 12 };

/**
 * Turns a consumer's agreements into a job's grant. An agreement counts when its policy allows
 * sandbox use now (`deliveryChannel` sandbox, in the provider's environment, for the agreed
 * purpose, with every other constraint): `use` permits rows, `aggregate` only aggregates.
 */
export class SandboxGrants {
  private readonly subjectRows = new Map<string, number>();

  constructor(
    private readonly deps: {
      agreements: AgreementStore;
      assetStore: AssetStore;
      assets: AssetService;
      engine: SandboxEngine;
      jobs: SandboxJobStore;
      master: Uint8Array;
      now: () => Date;
    },
  ) {}

  /**
   * `usesSoFar`, when given, applies the policy's `count` (a job submitted is one use); a job
   * admitted already is not counted again when it runs. Inside a transaction, `tx` must be given:
   * on SQLite's one connection a read beside the transaction would wait forever.
   */
  async permission(agreement: AgreementRecord, party: VerifiedParty, usesSoFar?: number, tx?: Tx): Promise<Permission> {
    if (agreement.role !== 'provider' || agreement.status !== 'active') return { ok: false, reasons: [`合约状态为 ${agreement.status}`, `The agreement is ${agreement.status}`] };
    const parsed = parsePolicy(agreement.policy);
    if (!parsed.ok) return { ok: false, reasons: ['合约策略无法解析', 'The agreement policy cannot be read'] };
    const terms = sandboxTermsOf(parsed.policy);
    const spent = await this.deps.jobs.spent(agreement.id, tx);
    const asset = agreement.assetId ? await this.deps.assetStore.findById(agreement.assetId, tx) : undefined;
    const ask = (action: string) =>
      decideContract(accessQuestion({
        policy: parsed.policy,
        agreement,
        party,
        now: this.deps.now(),
        action,
        channel: 'sandbox',
        ...(asset?.classification ? { classification: asset.classification } : {}),
        extra: sandboxRequest(terms, spent),
        ...(usesSoFar !== undefined ? { usesSoFar } : {}),
      }));
    const rows = ask('use');
    const aggregates = rows.permitted ? rows : ask('aggregate');
    if (!aggregates.permitted) return { ok: false, reasons: refusalReasons(aggregates) };
    const aggregateOnly = !rows.permitted;
    const aboutSubjects = aboutPersonsOrEnterprises(asset?.entry.dictionary?.fields ?? []);
    return {
      ok: true,
      terms,
      rules: {
        aggregateOnly,
        // Aggregates without a stated k still never come from fewer than 5 subjects.
        k: terms.k ?? (aggregateOnly ? 5 : 1),
        review: terms.review ?? 'auto',
        ...defaults,
        // Differential privacy by default over records about persons or enterprises (ADR 0011).
        ...privacyRulesOf(terms, aboutSubjects),
      },
    };
  }

  /** The grant of a job: its own agreement first, then the consumer's other sandbox agreements with us. */
  async forJob(jobId: string, agreementId: string, party: VerifiedParty): Promise<JobGrant | { refusal: string[] }> {
    const own = await this.deps.agreements.find(agreementId);
    if (!own || own.consumerDid !== party.did) return { refusal: ['合约不存在', 'No such agreement'] };
    const others = (await this.deps.agreements.activeWith(party.did)).filter((a) => a.id !== own.id && a.role === 'provider');
    const schema = `g_${jobId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 32)}`;
    const granted: Array<{ agreement: AgreementRecord; permission: Extract<Permission, { ok: true }> }> = [];
    for (const agreement of [own, ...others]) {
      const permission = await this.permission(agreement, party);
      if (!permission.ok) {
        if (agreement === own) return { refusal: permission.reasons };
        continue;
      }
      granted.push({ agreement, permission });
    }
    const sources: Array<{ agreement: AgreementRecord; terms: SandboxTerms; asset: NonNullable<Awaited<ReturnType<AssetStore['findById']>>>; table: EngineTable }> = [];
    for (const { agreement, permission } of granted) {
      const asset = agreement.assetId ? await this.deps.assetStore.findById(agreement.assetId) : undefined;
      if (!asset || sources.some((s) => s.asset.id === asset.id)) continue;
      const source = await this.deps.assets.sourceOf(asset);
      // Tables and APIs are not loaded into the sandbox yet (README: not done).
      if (source.kind !== 'file') continue;
      sources.push({ agreement, terms: permission.terms, asset, table: engineTable(asset, source) });
    }
    if (!sources.some((s) => s.agreement === own)) return { refusal: ['该合约的数据不能在沙箱中计算（仅支持文件数据）', 'The data of this agreement cannot be loaded into the sandbox (files only)'] };
    const columns = await this.deps.engine.ensure(sources.map((s) => s.table));
    const views: GrantedView[] = [];
    const setup = [`CREATE SCHEMA ${quoteIdentifier(schema)}`];
    for (const s of sources) {
      const plan = viewPlan({ asset: s.asset, table: s.table, rawColumns: columns[s.table.table] ?? [], terms: s.terms, agreementId: s.agreement.id, master: this.deps.master });
      setup.push(`CREATE VIEW ${quoteIdentifier(schema)}.${quoteIdentifier(plan.name)} AS ${plan.body}`);
      views.push({ name: plan.name, columns: plan.columns, hasSubject: plan.hasSubject, hasRowNumbers: plan.hasRowNumbers, maxRowsPerSubject: await this.maxRowsPerSubject(s.table, plan), agreementId: s.agreement.id });
    }
    // The rules of the agreements whose views the job gets (one per asset, its own agreement's first).
    const rules = new Map(sources.map((s) => [s.agreement.id, granted.find((g) => g.agreement === s.agreement)!.permission.rules]));
    return {
      grant: { views, rules: strictestRules([...rules.values()]) },
      rules,
      setup,
      cleanup: [`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`],
      schema,
    };
  }

  /** The most rows one subject has: the per-subject sensitivity of counts under DP (measured once per table). */
  private async maxRowsPerSubject(table: EngineTable, plan: ViewPlan): Promise<number> {
    if (!plan.subjectSql) return 1;
    const known = this.subjectRows.get(table.table);
    if (known) return known;
    const { rows } = await this.deps.engine.run([], `SELECT coalesce(max(n), 1) FROM (SELECT count(*) AS n FROM main.${quoteIdentifier(table.table)} GROUP BY ${plan.subjectSql})`, [], { timeoutMs: 60_000 });
    const value = Math.max(1, Number(rows[0]?.[0] ?? 1));
    this.subjectRows.set(table.table, value);
    return value;
  }
}
