import { channelRefusal } from '../../core/contracts/agreement-channels.js';
import { decideContract, refusalReasons } from '../../core/contracts/contract-decision.js';
import type { AgreementRecord, DeliveryTask, TransferRecord } from '../../core/contracts/contract-records.js';
import { policySubjectOf } from '../../core/contracts/policy-subject.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import { readDspMessage, transitionTransfer, writeDspMessage, type DataAddress, type DspEndpoint, type TransferMessage, type TransferState } from '../../core/dsp/index.js';
import { DomainError } from '../../core/errors/index.js';
import { parsePolicy } from '../../core/policy/index.js';
import type { AgreementStore } from '../../store/contracts/agreement-store.js';
import type { NegotiationStore } from '../../store/contracts/negotiation-store.js';
import type { TransferStore } from '../../store/contracts/transfer-store.js';
import { afterCommit, type Tx } from '../../store/database.js';
import type { ContractContext, VerifiedPeer } from '../dsp/contract-context.js';
import { DeliveryQueue } from '../dsp/delivery-queue.js';
import { stepProcess } from '../dsp/process-step.js';
import { settled } from '../dsp/settled.js';
import type { PeerAnswer } from '../dsp/dsp-client.js';
import { badRequest, malformed, newPid, processError, type DspReply } from '../dsp/dsp-reply.js';
import { issueEdrToken, httpEndpointType } from '../dataplane/edr-token.js';
import { sealAad, transferPids, transferTask } from './transfer-messages.js';
import { transferFormats, type TransferFormat } from './transfer-formats.js';
import { providerRecord } from './provider-transfer-record.js';

const ERROR = 'TransferError' as const;
/** The DSP error code of a transfer asked for a channel its agreement does not allow. */
export const channelNotAllowed = 'channel-not-allowed';
const controlEvents = { suspend: 'transfer.suspending', resume: 'transfer.resuming', complete: 'transfer.completing', terminate: 'transfer.terminating' } as const;

const ack = (record: TransferRecord, status = 200): DspReply => ({
  status,
  body: writeDspMessage({ type: 'TransferProcess', ...transferPids(record), state: record.state ?? 'REQUESTED' }),
});

export interface TransferServiceOptions {
  /** Where consumers pull from: this connector's public data-plane URL. */
  dataPlaneUrl: string;
  cipher: FieldCipher;
  /** Called (after commit) when a transfer stops flowing: running streams of it must end now. */
  halted: (transferId: string) => void;
  /** Called (after commit) when a provider transfer with a push format starts. */
  pushStarted?: (transferId: string) => void;
  edrTtlSeconds?: number;
  /** Provider: why the agreement's dataset cannot be transferred in `format`, or undefined. */
  formatRefusal?: (agreement: AgreementRecord, format: TransferFormat) => Promise<string | undefined>;
}

/**
 * Transfer processes (数据传输) over DSP 2025-1, on both sides, persisted and resumed like
 * negotiations. The provider starts a transfer only under an active agreement whose consumer is
 * the caller and whose policy still holds; a pull transfer's start message carries an EDR token
 * (sealed at rest) for this connector's data plane, which checks every access again.
 */
export class TransferService {
  readonly delivery: DeliveryQueue<TransferRecord>;

  constructor(
    private readonly ctx: ContractContext,
    private readonly transfers: TransferStore,
    private readonly agreements: AgreementStore,
    private readonly negotiations: NegotiationStore,
    private readonly options: TransferServiceOptions,
  ) {
    this.delivery = new DeliveryQueue('transfer', ctx.client, {
      load: (id) => transfers.find(id),
      due: (now, limit) => transfers.due(now, limit),
      acknowledged: (record, task, answer) => settled(() => this.acknowledged(record.id, task, answer)),
      refused: (record, task, answer) => this.ended(record.id, task, { by: 'peer-refusal', status: answer.status, answer: answer.body }),
      postponed: (record, task, error, next) => this.postponed(record.id, task, error, next),
    }, { now: ctx.now, logger: ctx.logger, unseal: (task, record) => JSON.parse(options.cipher.decrypt(task.sealed!, sealAad(record.id))) as Record<string, unknown> });
  }

  // ─── Management ───────────────────────────────────────────────────────────────────────────────

  /** The consumer asks the provider to start a transfer under an agreement. */
  async start(input: { agreementId: string; format: TransferFormat; dataAddress?: DataAddress }, actor: string): Promise<TransferRecord> {
    const agreement = await this.agreements.find(input.agreementId);
    if (!agreement || agreement.role !== 'consumer') throw new DomainError('agreement.not-found', `No agreement ${input.agreementId} of ours as consumer.`);
    if (agreement.status !== 'active') throw new DomainError('agreement.not-active', `Agreement ${agreement.id} is ${agreement.status}.`);
    const refused = channelRefusal(agreement, transferFormats[input.format].channel);
    if (refused) throw new DomainError('transfer.channel-not-allowed', refused.join(' / '), [{ pointer: '/format', detail: refused[1]! }]);
    if (transferFormats[input.format].push && !input.dataAddress) throw new DomainError('transfer.invalid', 'A push transfer needs the dataAddress to push to.', [{ pointer: '/dataAddress', detail: 'required for push' }]);
    const negotiation = await this.negotiations.find(agreement.negotiationId);
    await this.ctx.identity.identity();
    if (!negotiation) throw new DomainError('agreement.not-found', `The negotiation of agreement ${agreement.id} is gone.`);
    const now = this.ctx.now().toISOString();
    const record: TransferRecord = {
      id: newPid(),
      role: 'consumer',
      peerDid: agreement.providerDid,
      peerAddress: negotiation.peerAddress,
      agreementId: agreement.id,
      format: input.format,
      attempts: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const task = transferTask(record, { type: 'TransferRequestMessage', consumerPid: record.id, agreementId: agreement.id, format: input.format, callbackAddress: this.ctx.dspBase, ...(input.dataAddress ? { dataAddress: input.dataAddress } : {}) }, 'REQUESTED', this.options.cipher);
    await this.ctx.database.transaction(async (tx) => {
      await this.transfers.insert(tx, { ...record, outbox: task, nextAttemptAt: now });
      await this.record(tx, record, 'transfer.requesting', { actor, format: input.format });
      afterCommit(tx, () => this.delivery.soon(record.id));
    });
    return { ...record, outbox: task };
  }

  /** Suspend, resume, complete or terminate, from either side, as the state allows. */
  async control(id: string, action: 'suspend' | 'resume' | 'complete' | 'terminate', reason: string | undefined, actor: string): Promise<TransferRecord> {
    await this.ctx.identity.identity();
    return this.ctx.database.transaction(async (tx) => {
      const record = await this.transfers.find(id, tx);
      if (!record) throw new DomainError('transfer.not-found', `No transfer ${id}.`);
      const pids = transferPids(record);
      const message: TransferMessage =
        action === 'suspend'
          ? { type: 'TransferSuspensionMessage', ...pids, ...(reason ? { reason: [reason] } : {}) }
          : action === 'resume'
            ? { type: 'TransferStartMessage', ...pids }
            : action === 'complete'
              ? { type: 'TransferCompletionMessage', ...pids }
              : { type: 'TransferTerminationMessage', ...pids, ...(reason ? { reason: [reason] } : {}) };
      const check = transitionTransfer(record.state, message, record.role, record.role, record.lastFingerprint);
      if (!check.ok || record.outbox || !record.peerPid) throw new DomainError('transfer.not-allowed', check.ok ? 'The transfer is waiting for the other side.' : check.error.reason);
      const saved = await this.queue(tx, record, transferTask(record, message, check.next, this.options.cipher), controlEvents[action], { actor, reason: reason ?? null });
      // The provider stops serving at once, not when the consumer acknowledges.
      if (record.role === 'provider' && action !== 'resume') afterCommit(tx, () => this.options.halted(id));
      return saved;
    });
  }

  async get(id: string): Promise<TransferRecord> {
    const record = await this.transfers.find(id);
    if (!record) throw new DomainError('transfer.not-found', `No transfer ${id}.`);
    return record;
  }

  /** The data address the provider sent us (consumer side), decrypted. */
  dataAddressOf(record: TransferRecord): DataAddress | undefined {
    return record.dataAddressCipher ? (JSON.parse(this.options.cipher.decrypt(record.dataAddressCipher, `dsp_transfer.data_address:${record.id}`)) as DataAddress) : undefined;
  }

  /** Consumer: keeps a renewed data address (EDR), sealed like the first. */
  async storeDataAddress(id: string, address: DataAddress): Promise<void> {
    await this.ctx.database.transaction(async (tx) => {
      const record = await this.transfers.find(id, tx);
      if (!record) throw new DomainError('transfer.not-found', `No transfer ${id}.`);
      const cipher = this.options.cipher.encrypt(JSON.stringify(address), `dsp_transfer.data_address:${id}`);
      await this.transfers.update(tx, { ...record, dataAddressCipher: cipher, version: record.version + 1, updatedAt: this.ctx.now().toISOString() });
    });
  }

  list(query: Parameters<TransferStore['list']>[0]) {
    return this.transfers.list(query);
  }

  /** Provider: ends every open transfer under an agreement (revocation), telling each consumer. */
  async terminateAll(tx: Tx, agreementId: string, reason: string): Promise<void> {
    for (const record of await this.transfers.openFor(agreementId, tx)) {
      if (record.role !== 'provider') continue;
      const message: TransferMessage = { type: 'TransferTerminationMessage', ...transferPids(record), code: 'agreement-revoked', reason: [reason] };
      if (record.peerPid) await this.queue(tx, record, transferTask(record, message, 'TERMINATED'), 'transfer.terminating', { reason });
      else await this.save(tx, record, { ...record, state: 'TERMINATED', outbox: undefined }, 'transfer.terminated', { reason });
      afterCommit(tx, () => this.options.halted(record.id));
    }
  }

  /** Provider: a new EDR token for the consumer of a running pull transfer; the old one stops working. */
  async refreshToken(transferId: string, consumerDid: string): Promise<{ token: string; expiresAt: string }> {
    await this.ctx.identity.identity();
    return this.ctx.database.transaction(async (tx) => {
      const record = await this.transfers.find(transferId, tx);
      if (!record || record.role !== 'provider' || record.peerDid !== consumerDid) throw new DomainError('transfer.not-found', `No transfer ${transferId} of yours here.`);
      if ((record.state !== 'STARTED' && record.state !== 'SUSPENDED') || transferFormats[record.format as TransferFormat]?.push) throw new DomainError('transfer.not-allowed', `The transfer is ${record.state} (${record.format}).`);
      const edr = issueEdrToken(this.ctx.now(), this.options.edrTtlSeconds);
      await this.save(tx, record, { ...record, tokenDigest: edr.digest, tokenExpiresAt: edr.expiresAt }, 'transfer.token-issued', { edrExpiresAt: edr.expiresAt });
      return { token: edr.token, expiresAt: edr.expiresAt };
    });
  }

  // ─── DSP ──────────────────────────────────────────────────────────────────────────────────────

  async read(pid: string, peer: VerifiedPeer): Promise<DspReply> {
    const record = await this.transfers.find(pid);
    if (!record || record.peerDid !== peer.did) return processError(ERROR, { providerPid: pid, consumerPid: pid }, { code: '404', reason: `No transfer ${pid} with you here` });
    return ack(record);
  }

  async receive(endpoint: DspEndpoint, json: unknown, pathPid: string | undefined, peer: VerifiedPeer, credentials: string[] = []): Promise<DspReply> {
    const read = readDspMessage(json, endpoint.message as TransferMessage['type']);
    if (!read.ok) return malformed(ERROR, json, read.problems);
    const message = read.message as TransferMessage;
    await this.ctx.identity.identity();
    if (message.type === 'TransferRequestMessage') return this.requested(message, peer, credentials);
    const pids = { providerPid: message.providerPid, consumerPid: message.consumerPid };
    const own = endpoint.role === 'provider' ? pids.providerPid : pids.consumerPid;
    if (!pathPid || own !== pathPid) return badRequest(ERROR, pids, [`The ${endpoint.role}Pid in the body (${own}) is not the one in the path (${pathPid})`]);
    return this.ctx.database.transaction(async (tx) => {
      const sender = endpoint.role === 'provider' ? 'consumer' : 'provider';
      const step = await stepProcess<TransferState, TransferRecord>({
        tx,
        errorType: ERROR,
        what: 'transfer',
        endpoint,
        pids,
        pathPid,
        peer,
        load: () => this.transfers.find(pathPid, tx),
        transition: (state, last) => transitionTransfer(state, message, sender, endpoint.role, last),
        acknowledge: (record, task, peerPid) => this.applyAcknowledgement(tx, record, task, peerPid),
      });
      if (!step.ok) return step.reply;
      const { record, peerPid } = step;
      if (step.replay) return ack(record);
      const moved: TransferRecord = { ...record, peerPid: record.peerPid ?? peerPid, state: step.next, lastFingerprint: step.fingerprint };
      if (message.type === 'TransferStartMessage' && message.dataAddress) {
        moved.dataAddressCipher = this.options.cipher.encrypt(JSON.stringify(message.dataAddress), `dsp_transfer.data_address:${record.id}`);
      }
      if (step.next === 'SUSPENDED' || step.next === 'TERMINATED' || step.next === 'COMPLETED') {
        moved.outbox = undefined;
        if (record.role === 'provider') afterCommit(tx, () => this.options.halted(record.id));
      }
      const reason = 'reason' in message && message.reason ? { code: message.code, reasons: message.reason } : undefined;
      if (reason) moved.reason = reason;
      const saved = await this.save(tx, record, moved, `transfer.${step.next.toLowerCase()}`, { by: 'peer', ...(reason ?? {}) });
      return ack(saved);
    });
  }

  private async requested(message: Extract<TransferMessage, { type: 'TransferRequestMessage' }>, peer: VerifiedPeer, credentials: string[]): Promise<DspReply> {
    const pids = { providerPid: '', consumerPid: message.consumerPid };
    if (!/^https?:\/\//.test(message.callbackAddress)) return badRequest(ERROR, pids, ['callbackAddress must be an http(s) URL']);
    const format = transferFormats[message.format as TransferFormat];
    if (!format) return badRequest(ERROR, pids, [`Unknown format ${message.format}; this connector offers ${Object.keys(transferFormats).join(', ')}`]);
    if (format.push && !message.dataAddress?.endpoint) return badRequest(ERROR, pids, ['A push transfer needs a dataAddress with an endpoint']);
    // Read before the transaction: the asset lives in another store (and SQLite has one connection).
    const known = await this.agreements.find(message.agreementId);
    const unfit = known && known.role === 'provider' && known.consumerDid === peer.did ? await this.options.formatRefusal?.(known, message.format as TransferFormat) : undefined;
    if (unfit) return badRequest(ERROR, pids, [unfit]);
    return this.ctx.database.transaction(async (tx) => {
      const existing = await tx.selectFrom('dsp_transfer').select('id').where('peer_pid', '=', message.consumerPid).where('peer_did', '=', peer.did).where('role', '=', 'provider').executeTakeFirst();
      if (existing) return ack((await this.transfers.find(existing.id, tx))!, 201);
      const agreement = await this.agreements.find(message.agreementId, tx);
      if (!agreement || agreement.role !== 'provider' || agreement.consumerDid !== peer.did) return badRequest(ERROR, pids, [`No agreement ${message.agreementId} with you here`]);
      if (agreement.status !== 'active') return badRequest(ERROR, pids, [`Agreement ${agreement.id} is ${agreement.status}`]);
      const now = this.ctx.now();
      const wrongChannel = channelRefusal(agreement, format.channel);
      if (wrongChannel) return this.refuseChannel(tx, message, peer, agreement, wrongChannel, now);
      const result = transitionTransfer(undefined, message, 'consumer', 'provider');
      if (!result.ok) return processError(ERROR, pids, result.error);
      let record: TransferRecord = {
        ...providerRecord(message, peer, agreement, result.next, now),
        lastFingerprint: result.fingerprint,
        peerIdentity: { party: { did: peer.did, participantId: peer.participantId, roles: [...peer.roles], legalEntity: peer.legalEntity }, credentials },
      };
      if (message.dataAddress) record.dataAddressCipher = this.options.cipher.encrypt(JSON.stringify(message.dataAddress), `dsp_transfer.data_address:${record.id}`);
      await this.transfers.insert(tx, record);
      await this.record(tx, record, 'transfer.requested', { format: message.format });
      const refusal = this.refusal(agreement, peer, format.channel, now);
      if (refusal) {
        record = await this.queue(tx, record, transferTask(record, { type: 'TransferTerminationMessage', ...transferPids(record), code: 'policy-not-met', reason: refusal }, 'TERMINATED'), 'transfer.refusing', { reasons: refusal });
        return ack(record, 201);
      }
      record = await this.startFlow(tx, record, format.push);
      return ack(record, 201);
    });
  }

  /**
   * Provider: a request for a channel the agreement does not allow (a download under a
   * sandbox-only agreement) is refused with a DSP error naming the reason; the process is kept as
   * TERMINATED, with its ledger entry, and no token is ever issued.
   */
  private async refuseChannel(tx: Tx, message: Extract<TransferMessage, { type: 'TransferRequestMessage' }>, peer: VerifiedPeer, agreement: AgreementRecord, reasons: string[], now: Date): Promise<DspReply> {
    const record: TransferRecord = { ...providerRecord(message, peer, agreement, 'TERMINATED', now), reason: { code: channelNotAllowed, reasons } };
    await this.transfers.insert(tx, record);
    await this.record(tx, record, 'transfer.refused', { code: channelNotAllowed, reasons });
    return { status: 400, body: writeDspMessage({ type: ERROR, providerPid: record.id, consumerPid: message.consumerPid, code: channelNotAllowed, reason: reasons }) };
  }

  /** Why the agreement's policy refuses a transfer now (time, subject), or undefined. */
  private refusal(agreement: AgreementRecord, peer: VerifiedPeer, channel: string, now: Date): string[] | undefined {
    const policy = parsePolicy(agreement.policy);
    if (!policy.ok) return ['The agreement policy cannot be read'];
    const decision = decideContract({
      policy: policy.policy,
      subject: policySubjectOf(peer),
      now,
      stage: 'negotiation',
      request: { target: agreement.datasetId, channel, ...(agreement.purpose ? { purpose: agreement.purpose } : {}) },
      ...(agreement.finalizedAt ? { agreementSignedAt: new Date(agreement.finalizedAt) } : {}),
    });
    return decision.permitted ? undefined : refusalReasons(decision);
  }

  /** Provider: a pull transfer's start carries a fresh EDR token; a push transfer's starts the push once acknowledged. */
  private async startFlow(tx: Tx, record: TransferRecord, push: boolean): Promise<TransferRecord> {
    if (push) return this.queue(tx, record, transferTask(record, { type: 'TransferStartMessage', ...transferPids(record) }, 'STARTED'), 'transfer.starting');
    const edr = issueEdrToken(this.ctx.now(), this.options.edrTtlSeconds);
    const dataAddress: DataAddress = {
      endpointType: httpEndpointType,
      endpoint: this.options.dataPlaneUrl,
      endpointProperties: [
        { name: 'authorization', value: edr.token },
        { name: 'authType', value: 'bearer' },
        { name: 'expiresAt', value: edr.expiresAt },
      ],
    };
    const withToken: TransferRecord = { ...record, tokenDigest: edr.digest, tokenExpiresAt: edr.expiresAt };
    return this.queue(tx, withToken, transferTask(withToken, { type: 'TransferStartMessage', ...transferPids(withToken), dataAddress }, 'STARTED', this.options.cipher), 'transfer.starting', { edrExpiresAt: edr.expiresAt });
  }

  /**
   * Provider: a consumer presenting the EDR of a start message whose acknowledgement has not
   * reached us yet has received it, so the transfer is started (the acknowledgement then finds
   * nothing left to do).
   */
  async confirmStarted(id: string): Promise<TransferRecord | undefined> {
    await this.ctx.identity.identity();
    return this.ctx.database.transaction(async (tx) => {
      const record = await this.transfers.find(id, tx);
      if (!record || record.role !== 'provider' || record.state !== 'REQUESTED' || record.outbox?.kind !== 'TransferStartMessage') return record;
      return this.applyAcknowledgement(tx, record, record.outbox, undefined);
    });
  }

  // ─── Delivery outcomes ────────────────────────────────────────────────────────────────────────

  private async acknowledged(id: string, task: DeliveryTask, answer: PeerAnswer): Promise<void> {
    let pushNow = false;
    await this.ctx.database.transaction(async (tx) => {
      const record = await this.transfers.find(id, tx);
      if (!record?.outbox || record.outbox.fingerprint !== task.fingerprint) return;
      const ackRead = readDspMessage(answer.body, 'TransferProcess');
      const peerPid = ackRead.ok ? (record.role === 'provider' ? ackRead.message.consumerPid : ackRead.message.providerPid) : undefined;
      const saved = await this.applyAcknowledgement(tx, record, task, peerPid);
      pushNow = saved.role === 'provider' && saved.state === 'STARTED' && transferFormats[saved.format as TransferFormat]?.push === true;
    });
    if (pushNow) this.options.pushStarted?.(id);
  }

  private async applyAcknowledgement(tx: Tx, record: TransferRecord, task: DeliveryTask, peerPid: string | undefined): Promise<TransferRecord> {
    const next = task.next as TransferState;
    return this.save(tx, record, { ...record, state: next, lastFingerprint: task.fingerprint, outbox: undefined, attempts: 0, nextAttemptAt: undefined, peerPid: record.peerPid ?? peerPid }, `transfer.${next.toLowerCase()}`, { sent: task.kind });
  }

  private async ended(id: string, task: DeliveryTask, reason: Record<string, unknown>): Promise<void> {
    await this.ctx.database.transaction(async (tx) => {
      const record = await this.transfers.find(id, tx);
      if (!record?.outbox || record.outbox.fingerprint !== task.fingerprint) return;
      await this.save(tx, record, { ...record, state: 'TERMINATED', outbox: undefined, nextAttemptAt: undefined, reason: { sent: task.kind, ...reason } }, 'transfer.terminated', reason);
      if (record.role === 'provider') afterCommit(tx, () => this.options.halted(id));
    });
  }

  private async postponed(id: string, task: DeliveryTask, error: string, nextAttemptAt: string | undefined): Promise<void> {
    if (!nextAttemptAt) return this.ended(id, task, { by: 'delivery-failure', error });
    await this.ctx.database.transaction(async (tx) => {
      const record = await this.transfers.find(id, tx);
      if (!record?.outbox || record.outbox.fingerprint !== task.fingerprint) return;
      await this.transfers.update(tx, { ...record, attempts: record.attempts + 1, nextAttemptAt, reason: { lastError: error }, version: record.version + 1 });
    });
  }

  // ─── Persistence with evidence ────────────────────────────────────────────────────────────────

  private async queue(tx: Tx, record: TransferRecord, task: DeliveryTask, event: string, payload: Record<string, unknown> = {}): Promise<TransferRecord> {
    const saved = await this.save(tx, record, { ...record, outbox: task, attempts: 0, nextAttemptAt: this.ctx.now().toISOString() }, event, payload);
    afterCommit(tx, () => this.delivery.soon(record.id));
    return saved;
  }

  async save(tx: Tx, current: TransferRecord, next: TransferRecord, event: string, payload: Record<string, unknown> = {}): Promise<TransferRecord> {
    const saved: TransferRecord = { ...next, version: current.version + 1, updatedAt: this.ctx.now().toISOString() };
    await this.transfers.update(tx, saved);
    await this.record(tx, saved, event, payload);
    return saved;
  }

  private async record(tx: Tx, record: TransferRecord, type: string, payload: Record<string, unknown>): Promise<void> {
    await this.ctx.evidence.record(tx, {
      type,
      subject: record.id,
      actor: (await this.ctx.identity.identity()).did,
      payload: { role: record.role, ...transferPids(record), peer: record.peerDid, agreement: record.agreementId, format: record.format, state: record.state ?? null, ...payload },
    });
  }
}

