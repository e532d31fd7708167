import { agreementHash } from '../../core/contracts/agreement-hash.js';
import { agreementSignatureKid, checkAgreementSignature } from '../../core/contracts/agreement-signature.js';
import { agreementFromOffer, sameTerms } from '../../core/contracts/agreement-terms.js';
import { decideContract, refusalReasons } from '../../core/contracts/contract-decision.js';
import type { AgreementRecord, DeliveryTask, NegotiationRecord } from '../../core/contracts/contract-records.js';
import { policySubjectOf } from '../../core/contracts/policy-subject.js';
import { findVerificationKey } from '../../core/credentials/did-web.js';
import {
  readDspMessage,
  transitionNegotiation,
  writeDspMessage,
  type ContractAgreementMessage,
  type DspEndpoint,
  type MessageOffer,
  type NegotiationMessage,
  type NegotiationState,
} from '../../core/dsp/index.js';
import { DomainError } from '../../core/errors/index.js';
import { parsePolicy, policyToJson } from '../../core/policy/index.js';
import type { AgreementStore } from '../../store/contracts/agreement-store.js';
import type { NegotiationStore } from '../../store/contracts/negotiation-store.js';
import { afterCommit, type Tx } from '../../store/database.js';
import type { ContractContext, VerifiedPeer } from '../dsp/contract-context.js';
import { DeliveryQueue } from '../dsp/delivery-queue.js';
import { stepProcess } from '../dsp/process-step.js';
import { settled } from '../dsp/settled.js';
import type { PeerAnswer } from '../dsp/dsp-client.js';
import { badRequest, malformed, newPid, processError, type DspReply } from '../dsp/dsp-reply.js';
import type { BookedOffer, OfferBook } from './offer-book.js';
import { extension, negotiationTask, pidsOf } from './negotiation-messages.js';

const ERROR = 'ContractNegotiationError' as const;

export interface StartNegotiation {
  /** The provider's DSP base URL and DID. */
  providerAddress: string;
  providerDid: string;
  providerParticipant?: string;
  datasetId: string;
  /** The Offer as the provider's catalog shows it (compacted JSON-LD). */
  offer: Record<string, unknown>;
  purpose?: string;
  /** Where the consumer will process the data (`spatial`); held in the agreement. */
  processingLocation?: string;
}

/**
 * What a message needs that is read outside its transaction: offers, DID documents. SQLite has one
 * connection, so a transaction must not wait on another query, and none should wait on the network.
 */
interface Prepared {
  peer?: VerifiedPeer;
  booked?: BookedOffer | undefined;
  /** The `tds:signature` that came with the message, and why it does not hold (undefined: it holds). */
  signature?: string | undefined;
  signatureProblem?: string | undefined;
}

const ack = (record: NegotiationRecord, status = 200): DspReply => ({
  status,
  body: writeDspMessage({ type: 'ContractNegotiation', ...pidsOf(record), state: record.state ?? 'REQUESTED' }),
});

/**
 * Contract negotiation (合约协商) over DSP 2025-1, on both sides. Every change of a negotiation is
 * one transaction with its ledger entry; a message this side must send is stored with the change
 * and delivered after the commit (and again after a restart, until the peer acknowledges it).
 *
 * The provider decides a request at once: the offer must be one of the dataset's live offers,
 * unchanged, and the policy must hold for the consumer (its verified credentials, the purpose it
 * states) at the negotiation stage; it then signs and sends the agreement, or terminates with the
 * evaluator's explanation. The consumer checks the agreement against what it asked for and the
 * provider's signature, countersigns in its verification, and holds an active agreement once the
 * provider finalizes.
 */
export class NegotiationService {
  readonly delivery: DeliveryQueue<NegotiationRecord>;

  constructor(
    private readonly ctx: ContractContext,
    private readonly negotiations: NegotiationStore,
    private readonly agreements: AgreementStore,
    private readonly offers: OfferBook,
  ) {
    this.delivery = new DeliveryQueue('negotiation', ctx.client, {
      load: (id) => negotiations.find(id),
      due: (now, limit) => negotiations.due(now, limit),
      acknowledged: (record, task, answer) => settled(() => this.acknowledged(record.id, task, answer)),
      refused: (record, task, answer) => this.refusedByPeer(record.id, task, answer),
      postponed: (record, task, error, next) => this.postponed(record.id, task, error, next),
    }, { now: ctx.now, logger: ctx.logger });
  }

  // ─── Management: what this participant starts ────────────────────────────────────────────────

  /** The consumer asks the provider for an agreement on one of its offers. */
  async request(input: StartNegotiation, actor: string): Promise<NegotiationRecord> {
    const parsed = parsePolicy({ ...input.offer, '@type': 'Offer', target: input.offer.target ?? input.datasetId });
    if (!parsed.ok) throw new DomainError('negotiation.invalid', 'The offer is not a policy this connector can hold to.', parsed.problems.map((p) => ({ pointer: `/offer${p.pointer}`, detail: p.detail })));
    const offer = parsed.policy as MessageOffer;
    await this.ctx.identity.identity();
    const now = this.ctx.now().toISOString();
    const record: NegotiationRecord = {
      id: newPid(),
      role: 'consumer',
      peerDid: input.providerDid,
      peerAddress: input.providerAddress,
      datasetId: input.datasetId,
      offer: policyToJson(offer),
      attempts: 0,
      nextAttemptAt: now,
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...(input.providerParticipant ? { peerParticipant: input.providerParticipant } : {}),
      ...(input.purpose ? { purpose: input.purpose } : {}),
      ...(input.processingLocation ? { processingLocation: input.processingLocation } : {}),
    };
    record.outbox = negotiationTask(record, { type: 'ContractRequestMessage', consumerPid: record.id, offer, callbackAddress: this.ctx.dspBase }, 'REQUESTED', { 'tds:purpose': input.purpose, 'tds:processingLocation': input.processingLocation });
    await this.ctx.database.transaction(async (tx) => {
      await this.negotiations.insert(tx, record);
      await this.record(tx, record, 'negotiation.requesting', { actor });
      afterCommit(tx, () => this.delivery.soon(record.id));
    });
    return record;
  }

  /** The consumer accepts the provider's current offer (ACCEPTED event). */
  async accept(id: string, actor: string): Promise<NegotiationRecord> {
    return this.change(id, (record) => {
      if (record.role !== 'consumer' || record.state !== 'OFFERED' || record.outbox) throw new DomainError('negotiation.not-allowed', `Only an offered negotiation of ours can be accepted (this one is ${record.state ?? 'starting'}).`);
      return {
        outbox: negotiationTask(record, { type: 'ContractNegotiationEventMessage', ...pidsOf(record), eventType: 'ACCEPTED' }, 'ACCEPTED'),
        event: 'negotiation.accepting',
        actor,
      };
    });
  }

  /** Either side ends a negotiation that is not over (termination message to the peer). */
  async terminate(id: string, reason: string, actor: string): Promise<NegotiationRecord> {
    return this.change(id, (record) => {
      if (record.state === 'FINALIZED' || record.state === 'TERMINATED') throw new DomainError('negotiation.not-allowed', `The negotiation is ${record.state}.`);
      if (!record.peerPid) {
        // The peer never acknowledged: nothing to tell it, end it here.
        return { state: 'TERMINATED', outbox: null, reason: { reasons: [reason] }, event: 'negotiation.terminated', actor };
      }
      return {
        outbox: negotiationTask(record, { type: 'ContractNegotiationTerminationMessage', ...pidsOf(record), code: 'terminated', reason: [reason] }, 'TERMINATED'),
        event: 'negotiation.terminating',
        actor,
      };
    });
  }

  list(query: Parameters<NegotiationStore['list']>[0]) {
    return this.negotiations.list(query);
  }

  async get(id: string): Promise<NegotiationRecord> {
    const record = await this.negotiations.find(id);
    if (!record) throw new DomainError('negotiation.not-found', `No negotiation ${id}.`);
    return record;
  }

  // ─── DSP: what the peer sends ─────────────────────────────────────────────────────────────────

  /** `GET /negotiations/:pid`: the negotiation as we hold it, to the party in it. */
  async read(pid: string, peer: VerifiedPeer): Promise<DspReply> {
    const record = await this.negotiations.find(pid);
    if (!record || record.peerDid !== peer.did) return processError(ERROR, { providerPid: pid, consumerPid: pid }, { code: '404', reason: `No negotiation ${pid} with you here` });
    return ack(record);
  }

  /** A negotiation message from a peer, at `endpoint`, with the path's pid (none for an initiating one). */
  async receive(endpoint: DspEndpoint, json: unknown, pathPid: string | undefined, peer: VerifiedPeer): Promise<DspReply> {
    const read = readDspMessage(json, endpoint.message as NegotiationMessage['type']);
    if (!read.ok) return malformed(ERROR, json, read.problems);
    const message = read.message as NegotiationMessage;
    if (endpoint.eventType && message.type === 'ContractNegotiationEventMessage' && message.eventType !== endpoint.eventType) {
      return badRequest(ERROR, { providerPid: message.providerPid, consumerPid: message.consumerPid }, [`The ${endpoint.role} takes ${endpoint.eventType} events here, not ${message.eventType}`]);
    }
    await this.ctx.identity.identity();
    if (endpoint.initiating) return this.started(endpoint, message, json, peer);
    const pids = { providerPid: String((message as { providerPid?: string }).providerPid ?? ''), consumerPid: String((message as { consumerPid?: string }).consumerPid ?? '') };
    const own = endpoint.role === 'provider' ? pids.providerPid : pids.consumerPid;
    if (!pathPid || own !== pathPid) return badRequest(ERROR, pids, [`The ${endpoint.role}Pid in the body (${own}) is not the one in the path (${pathPid})`]);
    const before = await this.negotiations.find(pathPid);
    const prepared: Prepared = before && before.peerDid === peer.did ? { peer, ...(await this.prepare(before, message, json, peer)) } : { peer };
    return this.ctx.database.transaction(async (tx) => {
      const sender = endpoint.role === 'provider' ? 'consumer' : 'provider';
      const step = await stepProcess<NegotiationState, NegotiationRecord>({
        tx,
        errorType: ERROR,
        what: 'negotiation',
        endpoint,
        pids,
        pathPid,
        peer,
        load: () => this.negotiations.find(pathPid, tx),
        transition: (state, last) => transitionNegotiation(state, message, sender, endpoint.role, last),
        acknowledge: (record, task, peerPid) => this.applyAcknowledgement(tx, record, task, peerPid),
      });
      if (!step.ok) return step.reply;
      const { record, peerPid } = step;
      if (step.replay) return ack(record);
      const next = await this.handle(tx, { ...record, peerPid: record.peerPid ?? peerPid }, message, step.next, step.fingerprint, prepared);
      return ack(next);
    });
  }

  /** An initiating request (provider) or offer (consumer): a new negotiation, or a retry of one. */
  private async started(endpoint: DspEndpoint, message: NegotiationMessage, json: unknown, peer: VerifiedPeer): Promise<DspReply> {
    if (message.type === 'ContractRequestMessage' && message.callbackAddress) return this.requested(message as NegotiationMessage & { type: 'ContractRequestMessage'; callbackAddress: string }, json, peer);
    if (message.type === 'ContractOfferMessage' && message.callbackAddress) return this.offered(message as NegotiationMessage & { type: 'ContractOfferMessage'; callbackAddress: string }, peer);
    return badRequest(ERROR, { providerPid: '', consumerPid: '' }, [`${endpoint.message} here must have a callbackAddress`]);
  }

  private async requested(message: Extract<NegotiationMessage, { type: 'ContractRequestMessage' }> & { callbackAddress: string }, json: unknown, peer: VerifiedPeer): Promise<DspReply> {
    const pids = { providerPid: '', consumerPid: message.consumerPid };
    if (!/^https?:\/\//.test(message.callbackAddress)) return badRequest(ERROR, pids, ['callbackAddress must be an http(s) URL']);
    const datasetId = message.offer.target;
    const booked = await this.offers.find(datasetId, message.offer.uid, { participantId: peer.participantId, roles: peer.roles });
    if (!booked) return badRequest(ERROR, pids, [`No offer ${message.offer.uid} for dataset ${datasetId} is open to you here`]);
    return this.ctx.database.transaction(async (tx) => {
      const existing = await tx.selectFrom('dsp_negotiation').select('id').where('peer_pid', '=', message.consumerPid).where('peer_did', '=', peer.did).where('role', '=', 'provider').executeTakeFirst();
      if (existing) {
        const record = (await this.negotiations.find(existing.id, tx))!;
        const again = transitionNegotiation(record.state, message, 'consumer', 'provider', record.lastFingerprint);
        // A retried initiating request gets the same ACK; a new one reusing the consumerPid is refused.
        if (record.lastFingerprint && again.ok && again.replay) return ack(record, 201);
        return processError(ERROR, pidsOf(record), { code: '400', reason: `Negotiation ${message.consumerPid} exists already (${record.state})` });
      }
      const now = this.ctx.now();
      const purpose = extension(json, 'purpose');
      const declared = extension(json, 'processingLocation');
      const processingLocation = declared && /^(CN|\d{6})$/.test(declared) ? declared : undefined;
      const result = transitionNegotiation(undefined, message, 'consumer', 'provider');
      if (!result.ok) return processError(ERROR, pids, result.error);
      let record: NegotiationRecord = {
        id: newPid(),
        role: 'provider',
        peerPid: message.consumerPid,
        peerDid: peer.did,
        peerAddress: message.callbackAddress,
        datasetId,
        offer: policyToJson(message.offer),
        state: result.next,
        lastFingerprint: result.fingerprint,
        attempts: 0,
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        ...(peer.participantId ? { peerParticipant: peer.participantId } : {}),
        ...(purpose ? { purpose } : {}),
        ...(processingLocation ? { processingLocation } : {}),
      };
      await this.negotiations.insert(tx, record);
      await this.record(tx, record, 'negotiation.requested', { offerId: message.offer.uid });
      record = await this.decide(tx, record, message.offer, booked, peer);
      return ack(record, 201);
    });
  }

  private async offered(message: Extract<NegotiationMessage, { type: 'ContractOfferMessage' }> & { callbackAddress: string }, peer: VerifiedPeer): Promise<DspReply> {
    const pids = { providerPid: message.providerPid, consumerPid: '' };
    if (!/^https?:\/\//.test(message.callbackAddress)) return badRequest(ERROR, pids, ['callbackAddress must be an http(s) URL']);
    return this.ctx.database.transaction(async (tx) => {
      const existing = await tx.selectFrom('dsp_negotiation').select('id').where('peer_pid', '=', message.providerPid).where('peer_did', '=', peer.did).where('role', '=', 'consumer').executeTakeFirst();
      if (existing) {
        const record = (await this.negotiations.find(existing.id, tx))!;
        const again = transitionNegotiation(record.state, message, 'provider', 'consumer', record.lastFingerprint);
        if (again.ok && again.replay) return ack(record, 201);
        return processError(ERROR, pidsOf(record), { code: '400', reason: `Negotiation ${message.providerPid} exists already (${record.state})` });
      }
      const result = transitionNegotiation(undefined, message, 'provider', 'consumer');
      if (!result.ok) return processError(ERROR, pids, result.error);
      const now = this.ctx.now().toISOString();
      const record: NegotiationRecord = {
        id: newPid(),
        role: 'consumer',
        peerPid: message.providerPid,
        peerDid: peer.did,
        peerAddress: message.callbackAddress,
        datasetId: message.offer.target,
        offer: policyToJson(message.offer),
        state: result.next,
        lastFingerprint: result.fingerprint,
        attempts: 0,
        version: 1,
        createdAt: now,
        updatedAt: now,
        ...(peer.participantId ? { peerParticipant: peer.participantId } : {}),
      };
      await this.negotiations.insert(tx, record);
      await this.record(tx, record, 'negotiation.offered', { offerId: message.offer.uid });
      return ack(record, 201);
    });
  }

  private async prepare(record: NegotiationRecord, message: NegotiationMessage, json: unknown, peer: VerifiedPeer): Promise<Prepared> {
    const asPeer = { participantId: peer.participantId, roles: peer.roles };
    switch (message.type) {
      case 'ContractRequestMessage':
        return { booked: await this.offers.find(record.datasetId, message.offer.uid, asPeer) };
      case 'ContractNegotiationEventMessage': {
        const offer = parsePolicy(record.offer);
        return offer.ok ? { booked: await this.offers.find(record.datasetId, offer.policy.uid, asPeer) } : {};
      }
      case 'ContractAgreementMessage': {
        const signature = extension(json, 'signature');
        const hash = agreementHash(policyToJson(message.agreement));
        return { signature, signatureProblem: signature ? await this.checkSignature(signature, { agreementId: message.agreement.uid, hash, role: 'provider', signer: record.peerDid }) : undefined };
      }
      case 'ContractAgreementVerificationMessage': {
        const signature = extension(json, 'signature');
        const agreement = record.agreementId ? await this.agreements.find(record.agreementId) : undefined;
        if (!signature || !agreement) return { signature };
        return { signature, signatureProblem: await this.checkSignature(signature, { agreementId: agreement.id, hash: agreement.hash, role: 'consumer', signer: record.peerDid }) };
      }
      default:
        return {};
    }
  }

  /** What a message that moved the negotiation to `next` brings with it, on our side. */
  private async handle(tx: Tx, record: NegotiationRecord, message: NegotiationMessage, next: NegotiationState, fingerprint: string, prepared: Prepared): Promise<NegotiationRecord> {
    const moved: NegotiationRecord = { ...record, state: next, lastFingerprint: fingerprint };
    switch (message.type) {
      case 'ContractRequestMessage': {
        // The consumer's answer to our offer, possibly with other terms: decided like a first request.
        const updated = await this.save(tx, record, { ...moved, offer: policyToJson(message.offer) }, 'negotiation.requested', { offerId: message.offer.uid });
        return this.decide(tx, updated, message.offer, prepared.booked, prepared.peer);
      }
      case 'ContractOfferMessage':
        return this.save(tx, record, { ...moved, offer: policyToJson(message.offer) }, 'negotiation.offered', { offerId: message.offer.uid });
      case 'ContractNegotiationEventMessage':
        if (message.eventType === 'ACCEPTED') {
          const accepted = await this.save(tx, record, moved, 'negotiation.accepted');
          const offer = parsePolicy(accepted.offer);
          return offer.ok ? this.agree(tx, accepted, offer.policy as MessageOffer, prepared.booked?.asset.id) : accepted;
        }
        return this.finalizedByProvider(tx, record, moved);
      case 'ContractAgreementMessage':
        return this.agreementReceived(tx, record, moved, message, prepared);
      case 'ContractAgreementVerificationMessage':
        return this.verificationReceived(tx, record, moved, prepared.signature, prepared);
      case 'ContractNegotiationTerminationMessage': {
        await this.endAgreement(tx, record, 'terminated', message.reason?.map(String).join('; ') ?? 'terminated by the peer');
        return this.save(tx, record, { ...moved, outbox: undefined, reason: { code: message.code, reasons: message.reason ?? [] } }, 'negotiation.terminated', { by: 'peer', code: message.code, reason: message.reason });
      }
    }
  }

  /** The provider's decision on a request: agree (signed) or terminate with the explanation. */
  private async decide(tx: Tx, record: NegotiationRecord, requested: MessageOffer, booked: BookedOffer | undefined, peer?: VerifiedPeer): Promise<NegotiationRecord> {
    const refuse = (code: string, reasons: string[]) =>
      this.queue(tx, record, negotiationTask(record, { type: 'ContractNegotiationTerminationMessage', ...pidsOf(record), code, reason: reasons }, 'TERMINATED'), 'negotiation.refusing', { code, reasons });
    if (!booked) return refuse('offer-unknown', [`资源 ${record.datasetId} 没有向您开放的要约 ${requested.uid}`, `No offer ${requested.uid} for ${record.datasetId} is open to you`]);
    if (!sameTerms(booked.policy, requested)) return refuse('offer-changed', ['请求的条款与要约不一致，不接受还价', 'The requested terms differ from the offer; counter-offers are not accepted']);
    const decision = decideContract({
      policy: booked.policy,
      subject: policySubjectOf(peer ?? { did: record.peerDid, participantId: record.peerParticipant, roles: [] }),
      now: this.ctx.now(),
      stage: 'negotiation',
      request: { target: record.datasetId, ...(record.purpose ? { purpose: record.purpose } : {}) },
      ...(booked.classification ? { classification: booked.classification } : {}),
    });
    if (!decision.permitted) return refuse('policy-not-met', refusalReasons(decision));
    return this.agree(tx, record, booked.policy as MessageOffer, booked.asset.id);
  }

  /** The provider grants the agreement: stores it, signs it and queues the agreement message. */
  private async agree(tx: Tx, record: NegotiationRecord, offer: MessageOffer, assetId?: string): Promise<NegotiationRecord> {
    const { did } = await this.ctx.identity.identity();
    const now = this.ctx.now().toISOString();
    const agreement = agreementFromOffer(offer, { id: newPid(), target: record.datasetId, assigner: did, assignee: record.peerDid, timestamp: now });
    const policy = policyToJson(agreement);
    const hash = agreementHash(policy);
    const signature = await this.ctx.identity.signAgreement({ agreementId: agreement.uid, hash, role: 'provider' });
    const stored: AgreementRecord = {
      id: agreement.uid,
      negotiationId: record.id,
      role: 'provider',
      providerDid: did,
      consumerDid: record.peerDid,
      datasetId: record.datasetId,
      policy,
      hash,
      providerSignature: signature,
      status: 'pending',
      uses: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...(record.peerParticipant ? { consumerParticipant: record.peerParticipant } : {}),
      ...(assetId ? { assetId } : {}),
      ...(record.purpose ? { purpose: record.purpose } : {}),
      ...(record.processingLocation ? { processingLocation: record.processingLocation } : {}),
    };
    await this.agreements.insert(tx, stored);
    const task = negotiationTask(record, { type: 'ContractAgreementMessage', ...pidsOf(record), agreement }, 'AGREED', { 'tds:signature': signature });
    return this.queue(tx, { ...record, agreementId: agreement.uid }, task, 'agreement.signed', { agreementId: agreement.uid, hash, signature, role: 'provider' });
  }

  /** The consumer checks the agreement against what it asked for and the provider's signature. */
  private async agreementReceived(tx: Tx, record: NegotiationRecord, moved: NegotiationRecord, message: ContractAgreementMessage, prepared: Prepared): Promise<NegotiationRecord> {
    const agreement = message.agreement;
    const policy = policyToJson(agreement);
    const hash = agreementHash(policy);
    const { did } = await this.ctx.identity.identity();
    const asked = parsePolicy(record.offer);
    const problems: string[] = [];
    if (!asked.ok || !sameTerms(asked.policy, agreement)) problems.push('The agreement does not carry the terms we asked for');
    if (agreement.target !== record.datasetId) problems.push(`The agreement is for ${agreement.target}, not ${record.datasetId}`);
    if (agreement.assignee !== did) problems.push('The agreement is not assigned to us');
    if (agreement.assigner !== record.peerDid) problems.push('The agreement is not assigned by the provider we negotiate with');
    if (prepared.signatureProblem) problems.push(`The provider's signature: ${prepared.signatureProblem}`);
    const signature = prepared.signature;
    const agreed = await this.save(tx, record, { ...moved, agreementId: agreement.uid }, 'negotiation.agreed', { agreementId: agreement.uid, hash, providerSignature: signature ?? null });
    if (problems.length) {
      return this.queue(tx, agreed, negotiationTask(agreed, { type: 'ContractNegotiationTerminationMessage', ...pidsOf(agreed), code: 'agreement-rejected', reason: problems }, 'TERMINATED'), 'negotiation.refusing', { reasons: problems });
    }
    const now = this.ctx.now().toISOString();
    const countersignature = await this.ctx.identity.signAgreement({ agreementId: agreement.uid, hash, role: 'consumer' });
    await this.agreements.insert(tx, {
      id: agreement.uid,
      negotiationId: record.id,
      role: 'consumer',
      providerDid: record.peerDid,
      consumerDid: did,
      datasetId: record.datasetId,
      policy,
      hash,
      ...(signature ? { providerSignature: signature } : {}),
      consumerSignature: countersignature,
      ...(record.purpose ? { purpose: record.purpose } : {}),
      ...(record.processingLocation ? { processingLocation: record.processingLocation } : {}),
      status: 'pending',
      uses: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    const task = negotiationTask(agreed, { type: 'ContractAgreementVerificationMessage', ...pidsOf(agreed) }, 'VERIFIED', { 'tds:signature': countersignature });
    return this.queue(tx, agreed, task, 'agreement.signed', { agreementId: agreement.uid, hash, signature: countersignature, role: 'consumer' });
  }

  /** The provider receives the consumer's verification, with its countersignature when it sends one. */
  private async verificationReceived(tx: Tx, record: NegotiationRecord, moved: NegotiationRecord, signature: string | undefined, prepared: Prepared): Promise<NegotiationRecord> {
    const agreement = record.agreementId ? await this.agreements.find(record.agreementId, tx) : undefined;
    if (agreement && signature) {
      if (prepared.signatureProblem) {
        const refused = await this.save(tx, record, moved, 'negotiation.verified', { agreementId: agreement.id, consumerSignature: null });
        const reasons = [`The consumer's signature: ${prepared.signatureProblem}`];
        return this.queue(tx, refused, negotiationTask(refused, { type: 'ContractNegotiationTerminationMessage', ...pidsOf(refused), code: 'signature-invalid', reason: reasons }, 'TERMINATED'), 'negotiation.refusing', { reasons });
      }
      await this.agreements.update(tx, { ...agreement, consumerSignature: signature, version: agreement.version + 1, updatedAt: this.ctx.now().toISOString() });
    }
    const verified = await this.save(tx, record, moved, 'negotiation.verified', { agreementId: record.agreementId, consumerSignature: signature ?? null });
    return this.queue(tx, verified, negotiationTask(verified, { type: 'ContractNegotiationEventMessage', ...pidsOf(verified), eventType: 'FINALIZED' }, 'FINALIZED'), 'negotiation.finalizing');
  }

  private async finalizedByProvider(tx: Tx, record: NegotiationRecord, moved: NegotiationRecord): Promise<NegotiationRecord> {
    const saved = await this.save(tx, record, moved, 'negotiation.finalized', { agreementId: record.agreementId });
    await this.activate(tx, saved);
    return saved;
  }

  private async activate(tx: Tx, record: NegotiationRecord): Promise<void> {
    const agreement = record.agreementId ? await this.agreements.find(record.agreementId, tx) : undefined;
    if (!agreement || agreement.status !== 'pending') return;
    const now = this.ctx.now().toISOString();
    const active: AgreementRecord = { ...agreement, status: 'active', finalizedAt: now, version: agreement.version + 1, updatedAt: now };
    await this.agreements.update(tx, active);
    await this.ctx.evidence.record(tx, {
      type: 'agreement.finalized',
      subject: agreement.id,
      actor: (await this.ctx.identity.identity()).did,
      payload: { negotiation: record.id, role: record.role, provider: agreement.providerDid, consumer: agreement.consumerDid, dataset: agreement.datasetId, hash: agreement.hash, providerSignature: agreement.providerSignature ?? null, consumerSignature: agreement.consumerSignature ?? null },
    });
  }

  private async endAgreement(tx: Tx, record: NegotiationRecord, status: 'terminated', reason: string): Promise<void> {
    const agreement = record.agreementId ? await this.agreements.find(record.agreementId, tx) : undefined;
    if (!agreement || agreement.status !== 'pending') return;
    await this.agreements.update(tx, { ...agreement, status, statusReason: reason, version: agreement.version + 1, updatedAt: this.ctx.now().toISOString() });
  }

  private async checkSignature(jws: string, expected: { agreementId: string; hash: string; role: 'provider' | 'consumer'; signer: string }): Promise<string | undefined> {
    const kid = agreementSignatureKid(jws);
    if (!kid || !kid.startsWith(`${expected.signer}#`)) return 'not made with a key of the signer';
    try {
      const jwk = findVerificationKey(await this.ctx.fetcher.resolveDidDocument(expected.signer), kid);
      if (!jwk) return `no key ${kid} in the signer's DID document`;
      return await checkAgreementSignature(jws, jwk, expected);
    } catch (error) {
      return `the signer's DID document cannot be had: ${(error as Error).message}`;
    }
  }

  // ─── Delivery outcomes ────────────────────────────────────────────────────────────────────────

  private async acknowledged(id: string, task: DeliveryTask, answer: PeerAnswer): Promise<void> {
    await this.ctx.database.transaction(async (tx) => {
      const record = await this.negotiations.find(id, tx);
      if (!record?.outbox || record.outbox.fingerprint !== task.fingerprint) return;
      const ackRead = readDspMessage(answer.body, 'ContractNegotiation');
      const peerPid = ackRead.ok ? (record.role === 'provider' ? ackRead.message.consumerPid : ackRead.message.providerPid) : undefined;
      await this.applyAcknowledgement(tx, record, task, peerPid);
    });
  }

  /** Our message reached the peer: the state it leads to, its evidence, and what follows on our side. */
  private async applyAcknowledgement(tx: Tx, record: NegotiationRecord, task: DeliveryTask, peerPid: string | undefined): Promise<NegotiationRecord> {
    const next = task.next as NegotiationState;
    const moved: NegotiationRecord = { ...record, state: next, lastFingerprint: task.fingerprint, outbox: undefined, attempts: 0, nextAttemptAt: undefined, peerPid: record.peerPid ?? peerPid };
    const saved = await this.save(tx, record, moved, `negotiation.${next.toLowerCase()}`, { sent: task.kind, agreementId: record.agreementId ?? null });
    if (next === 'FINALIZED') await this.activate(tx, saved);
    if (next === 'TERMINATED') await this.endAgreement(tx, saved, 'terminated', 'terminated by us');
    return saved;
  }

  private async refusedByPeer(id: string, task: DeliveryTask, answer: PeerAnswer): Promise<void> {
    await this.ctx.database.transaction(async (tx) => {
      const record = await this.negotiations.find(id, tx);
      if (!record?.outbox || record.outbox.fingerprint !== task.fingerprint) return;
      const refusal = readDspMessage(answer.body, 'ContractNegotiationError');
      const reason = { status: answer.status, sent: task.kind, ...(refusal.ok ? { code: refusal.message.code, reasons: refusal.message.reason ?? [] } : {}) };
      await this.endAgreement(tx, record, 'terminated', `the peer refused ${task.kind} (${answer.status})`);
      await this.save(tx, record, { ...record, state: 'TERMINATED', outbox: undefined, nextAttemptAt: undefined, reason }, 'negotiation.terminated', { by: 'peer-refusal', ...reason });
    });
  }

  private async postponed(id: string, task: DeliveryTask, error: string, nextAttemptAt: string | undefined): Promise<void> {
    await this.ctx.database.transaction(async (tx) => {
      const record = await this.negotiations.find(id, tx);
      if (!record?.outbox || record.outbox.fingerprint !== task.fingerprint) return;
      if (nextAttemptAt) {
        await this.negotiations.update(tx, { ...record, attempts: record.attempts + 1, nextAttemptAt, reason: { lastError: error }, version: record.version + 1 });
        return;
      }
      await this.endAgreement(tx, record, 'terminated', `the peer did not answer: ${error}`);
      await this.save(tx, record, { ...record, state: 'TERMINATED', outbox: undefined, nextAttemptAt: undefined, reason: { lastError: error, gaveUp: true } }, 'negotiation.terminated', { by: 'delivery-failure', error });
    });
  }

  // ─── Persistence with evidence ────────────────────────────────────────────────────────────────

  private async change(id: string, decide: (record: NegotiationRecord) => { state?: NegotiationState; outbox: DeliveryTask | null; reason?: unknown; event: string; actor: string }): Promise<NegotiationRecord> {
    await this.ctx.identity.identity();
    return this.ctx.database.transaction(async (tx) => {
      const record = await this.negotiations.find(id, tx);
      if (!record) throw new DomainError('negotiation.not-found', `No negotiation ${id}.`);
      const change = decide(record);
      const next: NegotiationRecord = {
        ...record,
        ...(change.state ? { state: change.state } : {}),
        outbox: change.outbox ?? undefined,
        nextAttemptAt: change.outbox ? this.ctx.now().toISOString() : undefined,
        attempts: 0,
        ...(change.reason !== undefined ? { reason: change.reason } : {}),
      };
      const saved = await this.save(tx, record, next, change.event, { actor: change.actor });
      if (change.state === 'TERMINATED') await this.endAgreement(tx, saved, 'terminated', 'terminated by us');
      if (change.outbox) afterCommit(tx, () => this.delivery.soon(id));
      return saved;
    });
  }

  private async queue(tx: Tx, record: NegotiationRecord, task: DeliveryTask, event: string, payload: Record<string, unknown> = {}): Promise<NegotiationRecord> {
    const saved = await this.save(tx, record, { ...record, outbox: task, attempts: 0, nextAttemptAt: this.ctx.now().toISOString() }, event, payload);
    afterCommit(tx, () => this.delivery.soon(record.id));
    return saved;
  }

  /** Stores `next` as the version after `current` and records `event` about it. */
  private async save(tx: Tx, current: NegotiationRecord, next: NegotiationRecord, event: string, payload: Record<string, unknown> = {}): Promise<NegotiationRecord> {
    const saved: NegotiationRecord = { ...next, version: current.version + 1, updatedAt: this.ctx.now().toISOString() };
    await this.negotiations.update(tx, saved);
    await this.record(tx, saved, event, payload);
    return saved;
  }

  private async record(tx: Tx, record: NegotiationRecord, type: string, payload: Record<string, unknown>): Promise<void> {
    await this.ctx.evidence.record(tx, {
      type,
      subject: record.id,
      actor: (await this.ctx.identity.identity()).did,
      payload: { role: record.role, ...pidsOf(record), peer: record.peerDid, dataset: record.datasetId, state: record.state ?? null, ...payload },
    });
  }
}

