import { sql, type Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.js';

/**
 * The operator's catalog and the connector's asset registry. Search tokens are indexed by
 * SQLite FTS5 (contentless, rowid = seq) or by a PostgreSQL tsvector with GIN; both index the
 * same tokens (core/catalog/search-tokens.ts, ADR 0005).
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';

  await db.schema
    .createTable('catalog_audience')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('catalog_entry')
    .addColumn('seq', serial, (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('provider_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('offers', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('audience_id', 'integer', (c) => c.notNull().references('catalog_audience.id'))
    .addColumn('pii_scan', 'text')
    .addColumn('review', 'text')
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('connector_url', 'text')
    .addColumn('tokens', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_entry_listing_idx').on('catalog_entry').columns(['status', 'audience_id', 'published_at']).execute();
  await db.schema.createIndex('catalog_entry_provider_idx').on('catalog_entry').columns(['provider_id', 'updated_at']).execute();
  // What search checks for each match (catalog-search.ts), narrow: at 1e6 entries a lookup here
  // costs about a microsecond on SQLite, one in the wide entry rows about eight (bench/catalog.ts).
  await db.schema.createIndex('catalog_entry_visibility_idx').on('catalog_entry').columns(['seq', 'status', 'audience_id', 'provider_id', 'published_at']).execute();

  if (dialect === 'postgres') {
    await sql`ALTER TABLE catalog_entry ADD COLUMN search tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array(tokens, ' '))) STORED`.execute(db);
    // Kept in the row (compressed), not in the TOAST table: ranking reads the vector of every
    // match, and a TOAST fetch each costs several times the match itself (bench/catalog.ts).
    await sql`ALTER TABLE catalog_entry ALTER COLUMN search SET STORAGE MAIN`.execute(db);
    await sql`CREATE INDEX catalog_entry_search_idx ON catalog_entry USING gin (search)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE catalog_fts USING fts5(tokens, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  }

  await db.schema
    .createTable('catalog_facet')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_facet_pk', ['facet', 'value', 'seq'])
    .execute();
  await db.schema.createIndex('catalog_facet_seq_idx').on('catalog_facet').columns(['seq', 'facet', 'value']).execute();
  if (dialect === 'postgres') {
    // How many entries a (facet, value) pair has: without it the planner multiplies the two
    // columns' frequencies, guesses a tenth of the truth and starts a search from a facet filter
    // instead of the words (seconds instead of milliseconds at 1e6 entries, bench/catalog.ts).
    await sql`CREATE STATISTICS catalog_facet_value_stats (mcv) ON facet, value FROM catalog_facet`.execute(db);
  }

  await db.schema
    .createTable('catalog_entry_version')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entry.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('offers', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('metadata_hash', 'text', (c) => c.notNull())
    .addColumn('evidence_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_entry_version_pk', ['entry_id', 'version'])
    .execute();

  await db.schema
    .createTable('catalog_review')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entry.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('evidence_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_review_entry_idx').on('catalog_review').columns(['entry_id', 'id']).execute();

  await db.schema
    .createTable('catalog_event')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entry.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('evidence_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_event_entry_idx').on('catalog_event').columns(['entry_id', 'id']).execute();

  await db.schema
    .createTable('catalog_follower')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entry.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_follower_pk', ['entry_id', 'participant_id'])
    .execute();

  await db.schema
    .createTable('catalog_notice')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entry.id'))
    .addColumn('from_version', 'integer', (c) => c.notNull())
    .addColumn('to_version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('catalog_notice_participant_idx').on('catalog_notice').columns(['participant_id', 'id']).execute();

  await db.schema
    .createTable('asset')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('secret_cipher', 'text')
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('classification', 'text')
    .addColumn('pii_scan', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('asset_version')
    .addColumn('asset_id', 'text', (c) => c.notNull().references('asset.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('asset_version_pk', ['asset_id', 'version'])
    .execute();
  await db.schema
    .createTable('asset_publication')
    .addColumn('asset_id', 'text', (c) => c.primaryKey().references('asset.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('offers', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('review', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
