import { sql } from 'kysely';
import type { FacetValue } from '../../core/catalog/catalog-facets.js';
import type { CatalogEntryStatus } from '../../core/catalog/catalog-entry-status.js';
import type { CatalogRecord, ReviewSummary, StoredFinding } from '../../core/catalog/catalog-record.js';
import { canonicalVisibility, type Visibility } from '../../core/catalog/catalog-visibility.js';
import { DomainError } from '../../core/errors/index.js';
import type { Database, Tx } from '../database.js';
import { isUniqueViolation } from '../unique-violation.js';
import type { CatalogEntryTable } from './catalog-tables.js';

export interface CatalogIndexing {
  facets: FacetValue[];
  tokens: string[];
}

export interface CatalogEventInput {
  action: string;
  from: CatalogEntryStatus | null;
  to: CatalogEntryStatus;
  actor: string;
  reason: string | null;
  evidenceHash: string;
  at: string;
}

export interface CatalogReviewInput {
  stage: 'automatic' | 'manual';
  outcome: string;
  findings: StoredFinding[];
  reviewer: string;
  reason: string | null;
  evidenceHash: string;
  at: string;
}

export interface CatalogVersionRow {
  version: number;
  metadataHash: string;
  evidenceHash: string;
  createdAt: string;
}

type EntryRow = Omit<CatalogEntryTable, 'seq'> & { seq: number };

/**
 * The operator's catalog: entries with their versions, reviews, events, facets and search
 * tokens. Indexing (facets, FTS5 or tsvector) is rewritten in the same transaction as the
 * entry, so search never sees an entry half-changed.
 */
export class CatalogStore {
  constructor(private readonly database: Database) {}

  /** The id of a visibility rule, stored once. */
  async audienceId(tx: Tx, visibility: Visibility): Promise<number> {
    const rule = canonicalVisibility(visibility);
    const found = await tx.selectFrom('catalog_audience').select('id').where('rule', '=', rule).executeTakeFirst();
    if (found) return found.id;
    // Concurrent publishers may insert the same rule: the loser reads the winner's row.
    await tx.insertInto('catalog_audience').values({ rule }).onConflict((oc) => oc.column('rule').doNothing()).execute();
    const row = await tx.selectFrom('catalog_audience').select('id').where('rule', '=', rule).executeTakeFirstOrThrow();
    return row.id;
  }

  /** Audiences with an id above `after`, for the search's in-memory rule cache (rules never change). */
  async audiencesAfter(after: number): Promise<Array<{ id: number; visibility: Visibility }>> {
    const rows = await this.database.db.selectFrom('catalog_audience').select(['id', 'rule']).where('id', '>', after).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, visibility: JSON.parse(r.rule) as Visibility }));
  }

  async insert(tx: Tx, record: CatalogRecord, indexing: CatalogIndexing): Promise<void> {
    const audienceId = await this.audienceId(tx, record.visibility);
    let inserted: { seq: number };
    try {
      inserted = await tx.insertInto('catalog_entry').values(toRow(record, audienceId, indexing.tokens)).returning('seq').executeTakeFirstOrThrow();
    } catch (error) {
      // Two first publications of one resource at once: the second is told to read and retry.
      if (isUniqueViolation(error)) throw new DomainError('catalog.version-conflict', `Catalog entry ${record.id} was created meanwhile.`);
      throw error;
    }
    await this.writeIndex(tx, inserted.seq, indexing, false);
  }

  /** Writes `next` if the stored row is still at `expectedRowVersion`. */
  async update(tx: Tx, next: CatalogRecord, expectedRowVersion: number, indexing: CatalogIndexing): Promise<void> {
    const audienceId = await this.audienceId(tx, next.visibility);
    const { id, ...values } = toRow(next, audienceId, indexing.tokens);
    const updated = await tx
      .updateTable('catalog_entry')
      .set(values)
      .where('id', '=', id)
      .where('row_version', '=', expectedRowVersion)
      .returning('seq')
      .executeTakeFirst();
    if (!updated) throw new DomainError('catalog.version-conflict', `Catalog entry ${id} changed meanwhile.`);
    await this.writeIndex(tx, updated.seq, indexing, true);
  }

  private async writeIndex(tx: Tx, seq: number, indexing: CatalogIndexing, replace: boolean): Promise<void> {
    if (replace) await tx.deleteFrom('catalog_facet').where('seq', '=', seq).execute();
    if (indexing.facets.length > 0) {
      await tx.insertInto('catalog_facet').values(indexing.facets.map((f) => ({ seq, facet: f.facet, value: f.value }))).execute();
    }
    if (this.database.dialect === 'sqlite') {
      if (replace) await sql`DELETE FROM catalog_fts WHERE rowid = ${seq}`.execute(tx);
      await sql`INSERT INTO catalog_fts (rowid, tokens) VALUES (${seq}, ${indexing.tokens.join(' ')})`.execute(tx);
    }
  }

  async findById(id: string, tx?: Tx): Promise<CatalogRecord | undefined> {
    const row = await (tx ?? this.database.db).selectFrom('catalog_entry').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** Several entries by id, in the order of `ids` (missing ones left out). */
  async findByIds(ids: readonly string[]): Promise<CatalogRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.database.db.selectFrom('catalog_entry').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, fromRow(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The provider's own entries, newest change first. */
  async listByProvider(providerId: string): Promise<CatalogRecord[]> {
    const rows = await this.database.db.selectFrom('catalog_entry').selectAll().where('provider_id', '=', providerId).orderBy('updated_at', 'desc').orderBy('seq', 'desc').execute();
    return rows.map(fromRow);
  }

  /** Entries by status, oldest change first (the review queue works first-come). */
  async listByStatus(status: CatalogEntryStatus, limit: number, offset: number): Promise<{ items: CatalogRecord[]; total: number }> {
    const base = this.database.db.selectFrom('catalog_entry').where('status', '=', status);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('updated_at').orderBy('seq').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(fromRow), total: Number(count.n) };
  }

  async addVersion(tx: Tx, record: CatalogRecord, metadataHash: string, evidenceHash: string): Promise<void> {
    await tx
      .insertInto('catalog_entry_version')
      .values({
        entry_id: record.id,
        version: record.version,
        entry: JSON.stringify(record.entry),
        offers: JSON.stringify(record.offers),
        visibility: canonicalVisibility(record.visibility),
        metadata_hash: metadataHash,
        evidence_hash: evidenceHash,
        created_at: record.updatedAt,
      })
      .execute();
  }

  async versions(id: string): Promise<CatalogVersionRow[]> {
    const rows = await this.database.db.selectFrom('catalog_entry_version').select(['version', 'metadata_hash', 'evidence_hash', 'created_at']).where('entry_id', '=', id).orderBy('version').execute();
    return rows.map((r) => ({ version: r.version, metadataHash: r.metadata_hash, evidenceHash: r.evidence_hash, createdAt: r.created_at }));
  }

  /** One version's description and offers, as published then. */
  async version(id: string, version: number): Promise<Pick<CatalogRecord, 'entry' | 'offers' | 'visibility'> | undefined> {
    const row = await this.database.db.selectFrom('catalog_entry_version').selectAll().where('entry_id', '=', id).where('version', '=', version).executeTakeFirst();
    return row ? { entry: JSON.parse(row.entry), offers: JSON.parse(row.offers), visibility: JSON.parse(row.visibility) } : undefined;
  }

  async addReview(tx: Tx, id: string, version: number, review: CatalogReviewInput): Promise<void> {
    await tx
      .insertInto('catalog_review')
      .values({
        entry_id: id,
        version,
        stage: review.stage,
        outcome: review.outcome,
        findings: JSON.stringify(review.findings),
        reviewer: review.reviewer,
        reason: review.reason,
        evidence_hash: review.evidenceHash,
        at: review.at,
      })
      .execute();
  }

  async reviews(id: string): Promise<Array<CatalogReviewInput & { version: number }>> {
    const rows = await this.database.db.selectFrom('catalog_review').selectAll().where('entry_id', '=', id).orderBy('id').execute();
    return rows.map((r) => ({
      version: r.version,
      stage: r.stage as 'automatic' | 'manual',
      outcome: r.outcome,
      findings: JSON.parse(r.findings) as StoredFinding[],
      reviewer: r.reviewer,
      reason: r.reason,
      evidenceHash: r.evidence_hash,
      at: r.at,
    }));
  }

  async addEvent(tx: Tx, id: string, version: number, event: CatalogEventInput): Promise<void> {
    await tx
      .insertInto('catalog_event')
      .values({ entry_id: id, version, action: event.action, from_status: event.from, to_status: event.to, actor: event.actor, reason: event.reason, evidence_hash: event.evidenceHash, at: event.at })
      .execute();
  }

  async events(id: string): Promise<Array<CatalogEventInput & { version: number }>> {
    const rows = await this.database.db.selectFrom('catalog_event').selectAll().where('entry_id', '=', id).orderBy('id').execute();
    return rows.map((r) => ({ version: r.version, action: r.action, from: r.from_status as CatalogEntryStatus | null, to: r.to_status as CatalogEntryStatus, actor: r.actor, reason: r.reason, evidenceHash: r.evidence_hash, at: r.at }));
  }

  /** Remembers that `participantId` read `version`, to tell it about newer ones. */
  async follow(entryId: string, participantId: string, version: number, at: string): Promise<void> {
    await this.database.db
      .insertInto('catalog_follower')
      .values({ entry_id: entryId, participant_id: participantId, version, at })
      .onConflict((oc) => oc.columns(['entry_id', 'participant_id']).doUpdateSet({ version, at }))
      .execute();
  }

  /** Tells every follower of an older version that `toVersion` exists (or that the entry went away). */
  async notifyFollowers(tx: Tx, entryId: string, toVersion: number, kind: 'new-version' | 'unpublished' | 'withdrawn', at: string): Promise<number> {
    const followers = await tx.selectFrom('catalog_follower').select(['participant_id', 'version']).where('entry_id', '=', entryId).where('version', '<', kind === 'new-version' ? toVersion : toVersion + 1).execute();
    if (followers.length === 0) return 0;
    await tx
      .insertInto('catalog_notice')
      .values(followers.map((f) => ({ participant_id: f.participant_id, entry_id: entryId, from_version: f.version, to_version: toVersion, kind, at, read_at: null })))
      .execute();
    return followers.length;
  }

  async notices(participantId: string, limit: number): Promise<Array<{ id: number; entryId: string; fromVersion: number; toVersion: number; kind: string; at: string; read: boolean }>> {
    const rows = await this.database.db.selectFrom('catalog_notice').selectAll().where('participant_id', '=', participantId).orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, entryId: r.entry_id, fromVersion: r.from_version, toVersion: r.to_version, kind: r.kind, at: r.at, read: r.read_at !== null }));
  }

  async markNoticesRead(participantId: string, upTo: number, at: string): Promise<void> {
    await this.database.db.updateTable('catalog_notice').set({ read_at: at }).where('participant_id', '=', participantId).where('id', '<=', upTo).where('read_at', 'is', null).execute();
  }
}

function toRow(r: CatalogRecord, audienceId: number, tokens: string[]): Omit<CatalogEntryTable, 'seq'> {
  return {
    id: r.id,
    provider_id: r.providerId,
    provider_name: r.providerName,
    kind: r.entry.kind,
    status: r.status,
    version: r.version,
    entry: JSON.stringify(r.entry),
    offers: JSON.stringify(r.offers),
    visibility: canonicalVisibility(r.visibility),
    audience_id: audienceId,
    pii_scan: r.piiScan ? JSON.stringify(r.piiScan) : null,
    review: r.review ? JSON.stringify(r.review) : null,
    title_zh: r.entry.title['zh-CN'] ?? Object.values(r.entry.title)[0] ?? '',
    title_en: r.entry.title.en ?? Object.values(r.entry.title)[0] ?? '',
    connector_url: r.connectorUrl ?? null,
    tokens: tokens.join(' '),
    published_at: r.publishedAt ?? null,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    row_version: r.rowVersion,
  };
}

export function fromRow(row: EntryRow): CatalogRecord {
  return {
    id: row.id,
    providerId: row.provider_id,
    providerName: row.provider_name,
    status: row.status as CatalogEntryStatus,
    version: row.version,
    entry: JSON.parse(row.entry),
    offers: JSON.parse(row.offers),
    visibility: JSON.parse(row.visibility) as Visibility,
    ...(row.pii_scan ? { piiScan: JSON.parse(row.pii_scan) } : {}),
    ...(row.review ? { review: JSON.parse(row.review) as ReviewSummary } : {}),
    ...(row.connector_url ? { connectorUrl: row.connector_url } : {}),
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    rowVersion: row.row_version,
  };
}
