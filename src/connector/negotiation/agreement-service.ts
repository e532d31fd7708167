import type { AgreementRecord } from '../../core/contracts/contract-records.js';
import { DomainError } from '../../core/errors/index.js';
import type { AgreementStore } from '../../store/contracts/agreement-store.js';
import type { EvidenceReceiptStore } from '../../store/contracts/evidence-receipt-store.js';
import type { UsageStore } from '../../store/contracts/usage-store.js';
import { afterCommit } from '../../store/database.js';
import type { ContractContext } from '../dsp/contract-context.js';
import type { TransferService } from '../transfer/transfer-service.js';

/**
 * Agreements (合约) after negotiation: reading them with their evidence and usage, and the
 * provider's revocation, which ends every open transfer under the agreement and cuts its running
 * flows at once (the consumers are told by DSP termination messages).
 */
export class AgreementService {
  constructor(
    private readonly ctx: ContractContext,
    private readonly agreements: AgreementStore,
    private readonly transfers: TransferService,
    private readonly receipts: EvidenceReceiptStore,
    private readonly usage: UsageStore,
    private readonly halted: (agreementId: string) => void,
  ) {}

  async get(id: string): Promise<AgreementRecord> {
    const agreement = await this.agreements.find(id);
    if (!agreement) throw new DomainError('agreement.not-found', `No agreement ${id}.`);
    return agreement;
  }

  list(query: Parameters<AgreementStore['list']>[0]) {
    return this.agreements.list(query);
  }

  evidence(id: string) {
    return this.receipts.forSubject(id);
  }

  accesses(id: string) {
    return this.usage.accesses(id);
  }

  async revoke(id: string, reason: string, actor: string): Promise<AgreementRecord> {
    await this.ctx.identity.identity();
    return this.ctx.database.transaction(async (tx) => {
      const agreement = await this.agreements.find(id, tx);
      if (!agreement) throw new DomainError('agreement.not-found', `No agreement ${id}.`);
      if (agreement.role !== 'provider') throw new DomainError('agreement.not-active', 'Only the provider revokes an agreement; a consumer terminates its transfers.');
      if (agreement.status !== 'active' && agreement.status !== 'pending') throw new DomainError('agreement.not-active', `Agreement ${id} is ${agreement.status}.`);
      const now = this.ctx.now().toISOString();
      const revoked: AgreementRecord = { ...agreement, status: 'revoked', statusReason: reason, version: agreement.version + 1, updatedAt: now };
      await this.agreements.update(tx, revoked);
      await this.ctx.evidence.record(tx, {
        type: 'agreement.revoked',
        subject: id,
        actor: (await this.ctx.identity.identity()).did,
        payload: { by: actor, reason, consumer: agreement.consumerDid, hash: agreement.hash },
      });
      await this.transfers.terminateAll(tx, id, reason);
      afterCommit(tx, () => this.halted(id));
      return revoked;
    });
  }
}
