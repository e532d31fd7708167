import type { ParticipantEvent, ParticipantRecord, StoredDocument } from '../../core/admission/participant-record.js';
import type { ParticipantStatus } from '../../core/admission/participant-status.js';
import type { ParticipantRole } from '../../core/admission/participant-roles.js';
import { DomainError } from '../../core/errors/index.js';
import type { Database, Tx } from '../database.js';
import { isUniqueViolation } from '../unique-violation.js';
import type { ParticipantTable } from '../schema.js';

export interface ParticipantFilter {
  status?: ParticipantStatus;
  role?: ParticipantRole;
  region?: string;
  /** Matches name or USCC, case-insensitively. */
  q?: string;
  offset: number;
  limit: number;
}

const toRow = (p: ParticipantRecord): Omit<ParticipantTable, 'applicant_token_hash'> => ({
  id: p.id,
  status: p.status,
  name: p.name,
  uscc: p.uscc,
  legal_rep_name: p.legalRepresentative.name,
  legal_rep_id_cipher: p.legalRepresentative.idNumberCipher,
  legal_rep_id_masked: p.legalRepresentative.idNumberMasked,
  contact_name: p.contact.name,
  contact_phone_cipher: p.contact.phoneCipher,
  contact_phone_masked: p.contact.phoneMasked,
  contact_email: p.contact.email,
  region: p.region,
  industry_section: p.industry.section,
  industry_division: p.industry.division,
  roles: JSON.stringify(p.roles),
  service_kinds: JSON.stringify(p.serviceKinds),
  did: p.did,
  verification: JSON.stringify(p.verification),
  version: p.version,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
});

const fromRow = (r: ParticipantTable): ParticipantRecord => ({
  id: r.id,
  status: r.status as ParticipantStatus,
  name: r.name,
  uscc: r.uscc,
  legalRepresentative: { name: r.legal_rep_name, idNumberCipher: r.legal_rep_id_cipher, idNumberMasked: r.legal_rep_id_masked },
  contact: { name: r.contact_name, phoneCipher: r.contact_phone_cipher, phoneMasked: r.contact_phone_masked, email: r.contact_email },
  region: r.region,
  industry: { section: r.industry_section, division: r.industry_division },
  roles: JSON.parse(r.roles),
  serviceKinds: JSON.parse(r.service_kinds),
  did: r.did,
  verification: JSON.parse(r.verification),
  version: Number(r.version),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Participants (admission records), their review history and their documents. Updates are
 * conditional on the version read, so two reviewers acting at once cannot both win.
 */
export class ParticipantStore {
  constructor(private readonly database: Database) {}

  /** Inserts a new application; a conflict failure when the USCC is already known. */
  async insert(tx: Tx, participant: ParticipantRecord, applicantTokenHash: string): Promise<void> {
    const existing = await tx.selectFrom('participant').select('id').where('uscc', '=', participant.uscc).executeTakeFirst();
    if (existing) throw duplicateUscc(participant.uscc);
    try {
      await tx.insertInto('participant').values({ ...toRow(participant), applicant_token_hash: applicantTokenHash }).execute();
    } catch (error) {
      // A concurrent application with the same code won the unique index.
      if (isUniqueViolation(error)) throw duplicateUscc(participant.uscc);
      throw error;
    }
  }

  /** Writes `next` if the stored version is still `next.version - 1`; a conflict otherwise. */
  async update(tx: Tx, next: ParticipantRecord): Promise<void> {
    const result = await tx
      .updateTable('participant')
      .set(toRow(next))
      .where('id', '=', next.id)
      .where('version', '=', next.version - 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new DomainError('participant.transition-invalid', 'The participant was changed by someone else meanwhile; reload and try again.');
    }
  }

  /** Records the DID given at approval; not a review change, so the version stays. */
  async setDid(tx: Tx, id: string, did: string): Promise<void> {
    await tx.updateTable('participant').set({ did }).where('id', '=', id).execute();
  }

  async findById(id: string, tx?: Tx): Promise<ParticipantRecord | undefined> {
    const row = await (tx ?? this.database.db).selectFrom('participant').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async findByApplicantTokenHash(hash: string): Promise<ParticipantRecord | undefined> {
    const row = await this.database.db.selectFrom('participant').selectAll().where('applicant_token_hash', '=', hash).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /**
   * The admitted participants (those given a DID on approval), by name: what the directory shows
   * members so consoles name organisations instead of DIDs. Applications never admitted are left out.
   */
  async admitted(): Promise<{ id: string; did: string; name: string; status: ParticipantStatus }[]> {
    const rows = await this.database.db.selectFrom('participant').select(['id', 'did', 'name', 'status']).where('did', 'is not', null).orderBy('name').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, did: r.did as string, name: r.name, status: r.status as ParticipantStatus }));
  }

  async list(filter: ParticipantFilter): Promise<{ items: ParticipantRecord[]; total: number }> {
    let query = this.database.db.selectFrom('participant');
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.region) query = query.where('region', 'like', `${filter.region.replace(/0+$/, '')}%`);
    // Roles are a JSON array of known words, so a quoted match is exact.
    if (filter.role) query = query.where('roles', 'like', `%"${filter.role}"%`);
    if (filter.q) {
      const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', pattern), eb(eb.fn('lower', ['uscc']), 'like', pattern)]));
    }
    const [{ total }] = (await query.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
    const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('id').offset(filter.offset).limit(filter.limit).execute();
    return { items: rows.map(fromRow), total: Number(total) };
  }

  async addEvent(tx: Tx, participantId: string, event: ParticipantEvent): Promise<void> {
    await tx
      .insertInto('participant_event')
      .values({
        participant_id: participantId,
        action: event.action,
        from_status: event.from,
        to_status: event.to,
        actor: event.actor,
        reason: event.reason,
        evidence_hash: event.evidenceHash,
        at: event.at,
      })
      .execute();
  }

  async history(participantId: string): Promise<ParticipantEvent[]> {
    const rows = await this.database.db
      .selectFrom('participant_event')
      .selectAll()
      .where('participant_id', '=', participantId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      action: r.action as ParticipantEvent['action'],
      from: r.from_status as ParticipantStatus | null,
      to: r.to_status as ParticipantStatus,
      actor: r.actor,
      reason: r.reason,
      evidenceHash: r.evidence_hash,
      at: r.at,
    }));
  }

  /** Stores a document's bytes once by hash and links it to the participant. */
  async addDocument(tx: Tx, participantId: string, document: StoredDocument, content: Uint8Array): Promise<void> {
    await tx
      .insertInto('document_blob')
      .values({ sha256: document.sha256, content: Buffer.from(content), size: document.size })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await tx
      .insertInto('participant_document')
      .values({ participant_id: participantId, sha256: document.sha256, kind: document.kind, name: document.name, media_type: document.mediaType, size: document.size })
      .onConflict((oc) => oc.columns(['participant_id', 'sha256']).doNothing())
      .execute();
  }

  async documents(participantId: string): Promise<StoredDocument[]> {
    const rows = await this.database.db
      .selectFrom('participant_document')
      .selectAll()
      .where('participant_id', '=', participantId)
      .orderBy('name')
      .execute();
    return rows.map((r) => ({ kind: r.kind, name: r.name, mediaType: r.media_type, size: Number(r.size), sha256: r.sha256 }));
  }
}

function duplicateUscc(uscc: string): DomainError {
  return new DomainError('participant.duplicate-uscc', `An application or participant with USCC ${uscc} already exists.`, [
    { pointer: '/uscc', detail: 'already registered' },
  ]);
}
