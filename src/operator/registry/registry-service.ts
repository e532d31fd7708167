import { createHash, randomUUID } from 'node:crypto';
import { validateApplication, type ApplicationInput, type ValidApplication } from '../../core/admission/application-validation.js';
import type { ParticipantRecord, StoredDocument, VerificationResult } from '../../core/admission/participant-record.js';
import { actionsNeedingReason, transition, type ReviewAction } from '../../core/admission/participant-status.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import { generateSecretToken, hashSecretToken } from '../../core/crypto/secret-token.js';
import { DomainError } from '../../core/errors/index.js';
import type { Locale } from '../../core/i18n/locale.js';
import { maskIdNumber, maskPhone } from '../../core/identity-codes/index.js';
import type { Database, Tx } from '../../store/database.js';
import type { EvidenceRecorder } from '../../store/evidence/evidence-recorder.js';
import type { ParticipantStore } from '../../store/participants/participant-store.js';
import type { IdentityVerifier } from './identity-verifier.js';

export interface DocumentInput {
  kind: string;
  name: string;
  mediaType: string;
  /** Base64 of the file. */
  content: string;
}

/** What other modules do when a participant changes, inside the same transaction. */
export interface AdmissionListener {
  /** Called after the participant row is written with its new status. */
  statusChanged(tx: Tx, participant: ParticipantRecord, action: ReviewAction, actor: string): Promise<void>;
}

const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/**
 * Admission (接入核验审查): applications, the review workflow, identity verification. Every
 * change writes the participant, its history row and its ledger entry in one transaction.
 */
export class RegistryService {
  private readonly listeners: AdmissionListener[] = [];

  constructor(
    private readonly database: Database,
    private readonly participants: ParticipantStore,
    private readonly evidence: EvidenceRecorder,
    private readonly cipher: FieldCipher,
    private readonly verifiers: IdentityVerifier[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  onStatusChange(listener: AdmissionListener): void {
    this.listeners.push(listener);
  }

  /**
   * Records a new application. `withinTx` runs in the same transaction (e.g. creating the
   * applicant's account), so a failure there leaves no half-made application.
   */
  async apply(
    input: ApplicationInput,
    documents: DocumentInput[],
    locale: Locale,
    withinTx?: (tx: Tx, participant: ParticipantRecord) => Promise<void>,
  ): Promise<{ participant: ParticipantRecord; applicantToken: string }> {
    const valid = validateApplication(input, locale, this.now());
    const decoded = decodeDocuments(documents);
    const at = this.now().toISOString();
    const id = `p_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    const participant: ParticipantRecord = {
      id,
      status: 'submitted',
      name: valid.name,
      uscc: valid.uscc,
      ...this.applicationFacts(id, valid),
      did: null,
      verification: [],
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const applicantToken = generateSecretToken('tds_app');
    await this.database.transaction(async (tx) => {
      await this.participants.insert(tx, participant, hashSecretToken(applicantToken));
      for (const d of decoded) await this.participants.addDocument(tx, id, d.meta, d.bytes);
      const entry = await this.evidence.record(tx, {
        type: 'participant.applied',
        subject: `participant:${id}`,
        actor: `applicant:${id}`,
        payload: { ...publicFacts(participant), documents: decoded.map((d) => d.meta.sha256) },
      });
      await this.participants.addEvent(tx, id, { action: 'apply', from: null, to: 'submitted', actor: `applicant:${id}`, reason: null, evidenceHash: entry.payloadHash, at });
      if (withinTx) await withinTx(tx, participant);
    });
    return { participant, applicantToken };
  }

  /** A rejected applicant corrects its application; it goes back to submitted. */
  async resubmit(id: string, input: ApplicationInput, documents: DocumentInput[], locale: Locale, actor: string): Promise<ParticipantRecord> {
    const current = await this.require(id);
    const valid = validateApplication(input, locale, this.now());
    if (valid.uscc !== current.uscc) {
      throw new DomainError('participant.application-invalid', 'A resubmission keeps its unified social credit code.', [{ pointer: '/uscc', detail: `must stay ${current.uscc}` }]);
    }
    const decoded = decodeDocuments(documents);
    const next: ParticipantRecord = {
      ...current,
      status: transition(current.status, 'resubmit'),
      name: valid.name,
      ...this.applicationFacts(id, valid),
      verification: [],
    };
    return this.write(current, next, 'resubmit', actor, null, async (tx) => {
      for (const d of decoded) await this.participants.addDocument(tx, id, d.meta, d.bytes);
    });
  }

  /** A reviewer's action. start-review runs the verifiers; approve needs none of them failed. */
  async act(id: string, action: Exclude<ReviewAction, 'resubmit'>, reason: string | undefined, actor: string): Promise<ParticipantRecord> {
    const current = await this.require(id);
    const trimmed = reason?.trim() || null;
    if (actionsNeedingReason.has(action) && !trimmed) {
      throw new DomainError('request.invalid', `A reason is required to ${action}.`, [{ pointer: '/reason', detail: 'required' }]);
    }
    const next: ParticipantRecord = { ...current, status: transition(current.status, action) };
    if (action === 'start-review') next.verification = await this.verify(current);
    if (action === 'approve') {
      const failed = current.verification.filter((v) => v.outcome === 'fail');
      if (failed.length > 0) {
        throw new DomainError('participant.verification-failed', `Verification failed: ${failed.flatMap((v) => v.checks.filter((c) => !c.passed).map((c) => c.rule)).join(', ')}.`);
      }
    }
    return this.write(current, next, action, actor, trimmed);
  }

  async get(id: string): Promise<ParticipantRecord | undefined> {
    return this.participants.findById(id);
  }

  async require(id: string): Promise<ParticipantRecord> {
    const participant = await this.participants.findById(id);
    if (!participant) throw new DomainError('participant.not-found', `No participant ${id}.`);
    return participant;
  }

  /** The application's facts as stored: personal data encrypted (bound to record and field) and masked. */
  private applicationFacts(id: string, valid: ValidApplication) {
    return {
      legalRepresentative: {
        name: valid.legalRepresentative.name,
        idNumberCipher: this.cipher.encrypt(valid.legalRepresentative.idNumber, piiAad(id, 'idNumber')),
        idNumberMasked: maskIdNumber(valid.legalRepresentative.idNumber),
      },
      contact: {
        name: valid.contact.name,
        phoneCipher: this.cipher.encrypt(valid.contact.phone, piiAad(id, 'phone')),
        phoneMasked: maskPhone(valid.contact.phone),
        email: valid.contact.email,
      },
      region: valid.region,
      industry: valid.industry,
      roles: valid.roles,
      serviceKinds: valid.serviceKinds,
    };
  }

  private async verify(participant: ParticipantRecord): Promise<VerificationResult[]> {
    const at = this.now();
    const application = {
      participantId: participant.id,
      name: participant.name,
      uscc: participant.uscc,
      region: participant.region,
      legalRepresentative: {
        name: participant.legalRepresentative.name,
        idNumber: this.cipher.decrypt(participant.legalRepresentative.idNumberCipher, piiAad(participant.id, 'idNumber')),
      },
      roles: participant.roles,
    };
    return Promise.all(
      this.verifiers.map((v) =>
        v.verify(application, at).catch((error: unknown): VerificationResult => ({
          verifier: v.name,
          kind: v.kind,
          outcome: 'unavailable',
          checks: [{ rule: 'registry.reachable', passed: false, detail: error instanceof Error ? error.message : String(error) }],
          at: at.toISOString(),
        })),
      ),
    );
  }

  private async write(
    current: ParticipantRecord,
    draft: ParticipantRecord,
    action: ReviewAction,
    actor: string,
    reason: string | null,
    extra?: (tx: Tx) => Promise<void>,
  ): Promise<ParticipantRecord> {
    const at = this.now().toISOString();
    const next = { ...draft, version: current.version + 1, updatedAt: at };
    await this.database.transaction(async (tx) => {
      await this.participants.update(tx, next);
      if (extra) await extra(tx);
      const entry = await this.evidence.record(tx, {
        type: `participant.${eventName[action]}`,
        subject: `participant:${next.id}`,
        actor,
        payload: { from: current.status, to: next.status, reason, ...(action === 'start-review' ? { verification: next.verification } : {}), ...(action === 'resubmit' ? publicFacts(next) : {}) },
      });
      await this.participants.addEvent(tx, next.id, { action, from: current.status, to: next.status, actor, reason, evidenceHash: entry.payloadHash, at });
      for (const listener of this.listeners) await listener.statusChanged(tx, next, action, actor);
    });
    return (await this.participants.findById(next.id)) ?? next;
  }
}

const eventName: Record<ReviewAction, string> = {
  'start-review': 'review-started',
  approve: 'approved',
  reject: 'rejected',
  resubmit: 'resubmitted',
  suspend: 'suspended',
  reinstate: 'reinstated',
  revoke: 'revoked',
};

/** Binds a personal-data ciphertext to its record and field: a swapped ciphertext fails to decrypt. */
export const piiAad = (participantId: string, field: 'idNumber' | 'phone') => `participant:${participantId}:${field}`;

/** The facts of an application that may stand in the public ledger: no personal data. */
function publicFacts(p: ParticipantRecord) {
  return { name: p.name, uscc: p.uscc, region: p.region, industry: p.industry, roles: p.roles, serviceKinds: p.serviceKinds };
}

function decodeDocuments(documents: DocumentInput[]): Array<{ meta: StoredDocument; bytes: Uint8Array }> {
  return documents.map((d, i) => {
    const bytes = Buffer.from(d.content, 'base64');
    if (bytes.length === 0 || bytes.toString('base64').replace(/=+$/, '') !== d.content.replace(/\s/g, '').replace(/=+$/, '')) {
      throw new DomainError('participant.application-invalid', 'A document is not valid base64.', [{ pointer: `/documents/${i}/content`, detail: 'not base64' }]);
    }
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw new DomainError('participant.application-invalid', 'A document is too large.', [{ pointer: `/documents/${i}/content`, detail: `over ${MAX_DOCUMENT_BYTES} bytes` }]);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { meta: { kind: d.kind, name: d.name, mediaType: d.mediaType, size: bytes.length, sha256 }, bytes };
  });
}
