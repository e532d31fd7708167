import { randomUUID } from 'node:crypto';
import { channelRefusal } from '../../core/contracts/agreement-channels.js';
import { decideContract, refusalReasons } from '../../core/contracts/contract-decision.js';
import type { AccessRecord, AgreementRecord, TransferRecord } from '../../core/contracts/contract-records.js';
import { accessQuestion } from '../../core/contracts/access-question.js';
import type { Classification } from '../../core/metadata/classification.js';
import { DomainError } from '../../core/errors/index.js';
import { parsePolicy } from '../../core/policy/index.js';
import type { AgreementStore } from '../../store/contracts/agreement-store.js';
import type { TransferStore } from '../../store/contracts/transfer-store.js';
import type { UsageStore } from '../../store/contracts/usage-store.js';
import type { ContractContext } from '../dsp/contract-context.js';
import { transferFormats, type TransferFormat } from '../transfer/transfer-formats.js';
import type { ConsumerStanding } from './consumer-standing.js';
import { edrDigest } from './edr-token.js';
import { settled } from '../dsp/settled.js';

export interface AccessAsk {
  kind: AccessRecord['kind'];
  /** Whether this access counts against the policy's `count` (a new download or API call; not a resumed range). */
  counts: boolean;
  /** The purpose the consumer declares for this access; defaults to the agreement's. */
  purpose?: string;
  detail?: string;
}

export interface Admitted {
  transfer: TransferRecord;
  agreement: AgreementRecord;
  accessId: string;
}

/** Refused with the agreement's own words; the refusal is recorded and goes to the ledger too. */
class AccessRefused extends DomainError {
  constructor(readonly reasons: string[]) {
    super('dataplane.access-refused', reasons.join(' / '));
  }
}

/**
 * Every access in the data plane passes here (每次访问均校验): the EDR token must be current and
 * bound to a started transfer; at most `perMinute` accesses a minute under one agreement; the
 * agreement active (not revoked, not terminated); the consumer
 * still in good standing (credentials not revoked or suspended); and the agreement's policy must
 * allow it now, at the `access` stage, with the use count after this access, the declared purpose
 * and the delivery channel. Counting and deciding are one transaction with the access record and
 * its ledger entry, so concurrent accesses cannot overrun a count and no access goes unrecorded.
 */
export class AccessGuard {
  constructor(
    private readonly ctx: ContractContext,
    private readonly transfers: TransferStore,
    private readonly agreements: AgreementStore,
    private readonly usage: UsageStore,
    private readonly standing: ConsumerStanding,
    /** Applies the start of a transfer whose start message the consumer evidently received. */
    private readonly confirmStarted: (transferId: string) => Promise<TransferRecord | undefined>,
    /** Accesses allowed per agreement per minute, whatever the policy's count (a flood guard). */
    private readonly perMinute = 600,
    /** The grade of an agreement's asset (`tds:classification`), read before the transaction. */
    private readonly classificationOf: (assetId: string) => Promise<Classification | undefined> = async () => undefined,
  ) {}

  /** The provider transfer an EDR token was issued for, if it is current. */
  async transferOf(token: string): Promise<TransferRecord | undefined> {
    const transfer = await this.transfers.findByTokenDigest(edrDigest(token));
    if (!transfer || transfer.role !== 'provider') return undefined;
    if (!transfer.tokenExpiresAt || Date.parse(transfer.tokenExpiresAt) <= this.ctx.now().getTime()) return undefined;
    return transfer;
  }

  async admit(transferId: string, ask: AccessAsk): Promise<Admitted> {
    let transfer = await this.transfers.find(transferId);
    // The start message's acknowledgement may update the same record meanwhile (PostgreSQL runs
    // both at once): a lost race is run again and then sees the settled state, never a 409.
    if (transfer?.state === 'REQUESTED' && transfer.outbox?.kind === 'TransferStartMessage') transfer = await settled(() => this.confirmStarted(transferId));
    if (!transfer) throw new DomainError('dataplane.token-invalid', 'The transfer of this token is gone.');
    try {
      return await this.decide(transfer, ask);
    } catch (error) {
      if (error instanceof AccessRefused) await this.recordRefusal(transfer, ask, error.reasons);
      throw error;
    }
  }

  private async decide(transfer: TransferRecord, ask: AccessAsk): Promise<Admitted> {
    if (transfer.state !== 'STARTED') throw new AccessRefused([`传输状态为 ${transfer.state ?? '未开始'}`, `The transfer is ${transfer.state ?? 'not started'}`]);
    const standing = await this.standing.refusal(transfer.peerIdentity?.credentials ?? []);
    if (standing) throw new AccessRefused(['使用方凭证已失效', `The consumer's credentials are no longer valid: ${standing}`]);
    const now = this.ctx.now();
    const recent = await this.usage.allowedSince(transfer.agreementId, new Date(now.getTime() - 60_000).toISOString());
    if (recent >= this.perMinute) throw new AccessRefused([`访问过于频繁：每分钟最多 ${this.perMinute} 次`, `Too many accesses: at most ${this.perMinute} a minute under one agreement`]);
    await this.ctx.identity.identity();
    const channel = transferFormats[transfer.format as TransferFormat]?.channel ?? 'download';
    const known = await this.agreements.find(transfer.agreementId);
    const classification = known?.assetId ? await this.classificationOf(known.assetId) : undefined;
    return this.ctx.database.transaction(async (tx) => {
      const agreement = await this.agreements.find(transfer.agreementId, tx);
      if (!agreement || agreement.status !== 'active') throw new AccessRefused([`合约${agreement ? `状态为 ${agreement.status}` : '不存在'}`, `The agreement is ${agreement?.status ?? 'gone'}`]);
      const policy = parsePolicy(agreement.policy);
      if (!policy.ok) throw new AccessRefused(['合约策略无法解析', 'The agreement policy cannot be read']);
      // The channel is checked on its own as well as by the evaluator: a token never opens a
      // channel the agreement does not allow, whatever else the policy's conditions say.
      const wrongChannel = channelRefusal(agreement, channel);
      if (wrongChannel) throw new AccessRefused(wrongChannel);
      const uses = ask.counts ? await this.agreements.countUse(tx, agreement.id, undefined) : agreement.uses;
      const purpose = ask.purpose ?? agreement.purpose;
      const decision = decideContract(accessQuestion({
        policy: policy.policy,
        agreement,
        party: transfer.peerIdentity?.party ?? { did: transfer.peerDid, roles: [] },
        now,
        action: 'read',
        channel,
        ...(purpose ? { purpose } : {}),
        // The evaluator's `count` is usesSoFar plus one: the use this access belongs to (a resumed
        // range belongs to the download that was counted already).
        usesSoFar: Math.max(0, (uses ?? agreement.uses) - 1),
        ...(classification ? { classification } : {}),
      }));
      if (!decision.permitted) throw new AccessRefused(refusalReasons(decision));
      const access: AccessRecord = { id: randomUUID(), agreementId: agreement.id, transferId: transfer.id, kind: ask.kind, outcome: 'allowed', bytes: 0, at: now.toISOString(), ...(ask.detail ? { detail: ask.detail } : {}) };
      await this.usage.recordAccess(tx, access);
      await this.ctx.evidence.record(tx, {
        type: 'dataplane.access',
        subject: agreement.id,
        actor: (await this.ctx.identity.identity()).did,
        payload: { access: access.id, transfer: transfer.id, consumer: transfer.peerDid, kind: ask.kind, counted: ask.counts, uses: uses ?? agreement.uses, purpose: purpose ?? null, detail: ask.detail ?? null },
      });
      return { transfer, agreement: { ...agreement, uses: uses ?? agreement.uses }, accessId: access.id };
    });
  }

  /** A flow that ended: what was delivered (bytes, hash) or why it was cut, with its ledger entry. */
  async finish(admitted: Admitted, outcome: 'completed' | 'interrupted', bytes: number, detail: Record<string, unknown>): Promise<void> {
    await this.ctx.database.transaction(async (tx) => {
      const at = this.ctx.now().toISOString();
      await this.usage.recordAccess(tx, { id: randomUUID(), agreementId: admitted.agreement.id, transferId: admitted.transfer.id, kind: 'download', outcome, bytes, detail: JSON.stringify(detail), at });
      await this.ctx.evidence.record(tx, {
        type: outcome === 'completed' ? 'dataplane.delivered' : 'dataplane.interrupted',
        subject: admitted.agreement.id,
        actor: (await this.ctx.identity.identity()).did,
        payload: { access: admitted.accessId, transfer: admitted.transfer.id, consumer: admitted.transfer.peerDid, bytes, ...detail },
      });
    });
  }

  private async recordRefusal(transfer: TransferRecord, ask: AccessAsk, reasons: string[]): Promise<void> {
    await this.ctx.database.transaction(async (tx) => {
      const at = this.ctx.now().toISOString();
      await this.usage.recordAccess(tx, { id: randomUUID(), agreementId: transfer.agreementId, transferId: transfer.id, kind: ask.kind, outcome: 'refused', bytes: 0, detail: reasons.join(' / '), at });
      await this.ctx.evidence.record(tx, {
        type: 'dataplane.refused',
        subject: transfer.agreementId,
        actor: (await this.ctx.identity.identity()).did,
        payload: { transfer: transfer.id, consumer: transfer.peerDid, kind: ask.kind, reasons },
      });
    });
  }
}
