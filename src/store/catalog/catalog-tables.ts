import type { Generated } from 'kysely';

/**
 * The operator's catalog (资源目录): one row per entry with its current version, its versions,
 * its reviews, the distinct visibility rules, the facet values and the search tokens.
 */
export interface CatalogEntryTable {
  /** Row number: the FTS5 rowid and the stable tie-breaker of sorts. */
  seq: Generated<number>;
  /** `urn:tds:<space>:<participant>:<resource>`. */
  id: string;
  provider_id: string;
  provider_name: string;
  kind: string;
  status: string;
  version: number;
  /** JSON: the CatalogEntry of the current version (metadata, never data). */
  entry: string;
  /** JSON: the offers of the current version. */
  offers: string;
  /** JSON: the visibility rule (canonical form). */
  visibility: string;
  audience_id: number;
  /** JSON: the connector's PII scan of a sample (counts only). */
  pii_scan: string | null;
  /** JSON: the latest review outcome shown to the provider. */
  review: string | null;
  title_zh: string;
  title_en: string;
  connector_url: string | null;
  /** Space-separated search tokens (core/catalog/search-tokens.ts); PostgreSQL also keeps them as a tsvector. */
  tokens: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  row_version: number;
}

export interface CatalogEntryVersionTable {
  entry_id: string;
  version: number;
  entry: string;
  offers: string;
  visibility: string;
  /** `<alg>:<hex>` hash of the canonical metadata, as recorded in the ledger. */
  metadata_hash: string;
  evidence_hash: string;
  created_at: string;
}

export interface CatalogReviewTable {
  id: Generated<number>;
  entry_id: string;
  version: number;
  /** `automatic` or `manual`. */
  stage: string;
  outcome: string;
  findings: string;
  reviewer: string;
  reason: string | null;
  evidence_hash: string;
  at: string;
}

export interface CatalogEventTable {
  id: Generated<number>;
  entry_id: string;
  version: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  reason: string | null;
  evidence_hash: string;
  at: string;
}

/** Each distinct visibility rule once; entries point to theirs. Rules never change. */
export interface CatalogAudienceTable {
  id: Generated<number>;
  rule: string;
}

export interface CatalogFacetTable {
  seq: number;
  facet: string;
  value: string;
}

/** Who read which version: told when a newer version is published (版本变更通知). */
export interface CatalogFollowerTable {
  entry_id: string;
  participant_id: string;
  version: number;
  at: string;
}

export interface CatalogNoticeTable {
  id: Generated<number>;
  participant_id: string;
  entry_id: string;
  from_version: number;
  to_version: number;
  kind: string;
  at: string;
  read_at: string | null;
}

export interface CatalogTables {
  catalog_entry: CatalogEntryTable;
  catalog_entry_version: CatalogEntryVersionTable;
  catalog_review: CatalogReviewTable;
  catalog_event: CatalogEventTable;
  catalog_audience: CatalogAudienceTable;
  catalog_facet: CatalogFacetTable;
  catalog_follower: CatalogFollowerTable;
  catalog_notice: CatalogNoticeTable;
}
