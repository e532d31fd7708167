import { randomUUID } from 'node:crypto';
import type { AgreementRecord } from '../../core/contracts/contract-records.js';
import { DomainError } from '../../core/errors/index.js';
import { dutyStatus, parsePolicy, scheduleAgreementDuties, type DutyEvent } from '../../core/policy/index.js';
import type { AgreementStore } from '../../store/contracts/agreement-store.js';
import type { DutyStore } from '../../store/contracts/duty-store.js';
import type { NegotiationStore } from '../../store/contracts/negotiation-store.js';
import type { UsageStore } from '../../store/contracts/usage-store.js';
import type { ContractContext } from '../dsp/contract-context.js';

export interface DutyView {
  pointer: string;
  action: string;
  trigger: 'on-use' | 'at-time';
  detail: { 'zh-CN': string; en: string };
  status: 'pending' | 'fulfilled' | 'breached';
  dueAt?: string;
  evidence: Array<{ kind: 'use' | 'performed'; at: string }>;
}

/**
 * Duties of agreements (义务履行): the evaluator turns an agreement's duties into tasks ("delete
 * within 30 days", "inform within a day of each use"); their status comes from the uses (the
 * provider's completed deliveries and calls, the consumer's received data) and the performances
 * the consumer records, each with its ledger entry. The consumer's connector reports each
 * performance to the provider's, which records it with its own entry, so both see the same status.
 */
export class DutyService {
  constructor(
    private readonly ctx: ContractContext,
    private readonly agreements: AgreementStore,
    private readonly duties: DutyStore,
    private readonly usage: UsageStore,
    private readonly negotiations: NegotiationStore,
  ) {}

  async status(agreementId: string): Promise<DutyView[]> {
    const agreement = await this.require(agreementId);
    const policy = parsePolicy(agreement.policy);
    if (!policy.ok || !agreement.finalizedAt) return [];
    const tasks = scheduleAgreementDuties(policy.policy, new Date(agreement.finalizedAt));
    const events = await this.events(agreement);
    const now = this.ctx.now();
    return tasks.map((task) => {
      const s = dutyStatus(task, events, now);
      return {
        pointer: task.pointer,
        action: task.action,
        trigger: task.trigger,
        detail: task.detail,
        status: s.status,
        ...(s.dueAt ? { dueAt: s.dueAt.toISOString() } : {}),
        evidence: s.evidence.map((e) => ({ kind: e.kind, at: e.at.toISOString() })),
      };
    });
  }

  /** The consumer records that it performed a duty (e.g. deleted the data), and tells the provider. */
  async perform(agreementId: string, input: { duty: string; note?: string }, actor: string): Promise<DutyView[]> {
    const agreement = await this.require(agreementId);
    if (agreement.role !== 'consumer') throw new DomainError('agreement.not-active', 'Duties are performed by the consumer.');
    const task = (await this.status(agreementId)).find((d) => d.pointer === input.duty);
    if (!task) throw new DomainError('request.invalid', `The agreement has no duty ${input.duty}.`, [{ pointer: '/duty', detail: 'no such duty' }]);
    const { did } = await this.ctx.identity.identity();
    const at = this.ctx.now().toISOString();
    await this.ctx.database.transaction(async (tx) => {
      await this.duties.record(tx, { id: randomUUID(), agreementId, duty: task.pointer, action: task.action, source: 'self', at, ...(input.note ? { note: input.note } : {}) });
      await this.ctx.evidence.record(tx, { type: 'duty.performed', subject: agreementId, actor: did, payload: { duty: task.pointer, action: task.action, note: input.note ?? null, by: actor } });
    });
    const negotiation = await this.negotiations.find(agreement.negotiationId);
    if (negotiation) {
      const report = { agreementId, duty: task.pointer, action: task.action, at, ...(input.note ? { note: input.note } : {}) };
      await this.ctx.client.post(new URL('/dataplane/duties', negotiation.peerAddress).toString(), agreement.providerDid, report).then(
        (answer) => answer.status >= 300 && this.ctx.logger?.warn({ status: answer.status, agreementId }, 'the provider did not take the duty report'),
        (error: unknown) => this.ctx.logger?.warn({ err: error, agreementId }, 'the duty report did not reach the provider; the ledger entry stands'),
      );
    }
    return this.status(agreementId);
  }

  /** The provider takes the consumer's report of a performed duty. */
  async reported(report: { agreementId: string; duty?: string; action: string; at: string; note?: string }, consumerDid: string): Promise<void> {
    const agreement = await this.agreements.find(report.agreementId);
    if (!agreement || agreement.role !== 'provider' || agreement.consumerDid !== consumerDid) throw new DomainError('agreement.not-found', `No agreement ${report.agreementId} with you here.`);
    const { did } = await this.ctx.identity.identity();
    await this.ctx.database.transaction(async (tx) => {
      await this.duties.record(tx, { id: randomUUID(), agreementId: agreement.id, action: report.action, source: 'peer', at: report.at, ...(report.duty ? { duty: report.duty } : {}), ...(report.note ? { note: report.note } : {}) });
      await this.ctx.evidence.record(tx, { type: 'duty.reported', subject: agreement.id, actor: did, payload: { consumer: consumerDid, duty: report.duty ?? null, action: report.action, performedAt: report.at, note: report.note ?? null } });
    });
  }

  private async require(id: string): Promise<AgreementRecord> {
    const agreement = await this.agreements.find(id);
    if (!agreement) throw new DomainError('agreement.not-found', `No agreement ${id}.`);
    return agreement;
  }

  /** Uses as each side sees them, and the performances recorded here. */
  private async events(agreement: AgreementRecord): Promise<DutyEvent[]> {
    const uses: DutyEvent[] =
      agreement.role === 'provider'
        ? (await this.usage.accesses(agreement.id, 10_000)).filter((a) => a.outcome === 'completed' || (a.kind === 'api-call' && a.outcome === 'allowed')).map((a) => ({ kind: 'use', at: new Date(a.at) }))
        : (await this.usage.received(agreement.id)).map((r) => ({ kind: 'use', at: new Date(r.receivedAt) }));
    const performed: DutyEvent[] = (await this.duties.events(agreement.id)).map((e) => ({ kind: 'performed', action: e.action, at: new Date(e.at), ...(e.duty ? { duty: e.duty } : {}) }));
    return [...uses, ...performed];
  }
}
