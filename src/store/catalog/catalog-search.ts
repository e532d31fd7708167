import { sql, type RawBuilder } from 'kysely';
import { facetNames, type FacetName } from '../../core/catalog/catalog-facets.js';
import type { QueryToken } from '../../core/catalog/search-tokens.js';
import type { Database } from '../database.js';

/** Which entries the caller may see: every one (operator staff, regulator), or by audience. */
export type SearchScope = { kind: 'all' } | { kind: 'audiences'; audienceIds: readonly number[]; providerId?: string };

export interface CatalogSearchParams {
  tokens: readonly QueryToken[];
  /** AND across facets, OR within one facet's values. */
  filters: Partial<Record<FacetName, readonly string[]>>;
  sort: 'relevance' | 'recent';
  limit: number;
  offset: number;
  scope: SearchScope;
  /** Count facet values over the whole result (the default); false skips the work. */
  facets?: boolean;
}

export interface SearchHit {
  seq: number;
  id: string;
  providerId: string;
  providerName: string;
  version: number;
  entry: string;
  offers: string;
  publishedAt: string | null;
  score: number;
}

export interface CatalogSearchResult {
  hits: SearchHit[];
  total: number;
  facets: Partial<Record<FacetName, Array<{ value: string; count: number }>>>;
}

/** Facet values returned per facet, most frequent first. */
const FACET_VALUES = 30;

/**
 * Permission-aware catalog search on SQLite (FTS5) and PostgreSQL (tsvector + GIN) over the
 * same tokens. Visibility is part of the one query that selects, counts and facets, so nothing
 * the caller may not see is ever counted. One SQL text per call, built here; values are bound.
 */
export class CatalogSearch {
  constructor(private readonly database: Database) {}

  async search(params: CatalogSearchParams): Promise<CatalogSearchResult> {
    const matched = this.matched(params);
    if (matched === undefined) return { hits: [], total: 0, facets: {} };
    const db = this.database.db;
    const order = params.sort === 'relevance' && params.tokens.length > 0 ? sql`m.score DESC, m.published_at DESC, m.seq DESC` : sql`m.published_at DESC, m.seq DESC`;
    const hits = await sql<{ seq: number; id: string; provider_id: string; provider_name: string; version: number; entry: string; offers: string; published_at: string | null; score: number }>`
      WITH m AS (${matched})
      SELECT e.seq, e.id, e.provider_id, e.provider_name, e.version, e.entry, e.offers, e.published_at, m.score
      FROM m JOIN catalog_entry e ON e.seq = m.seq
      ORDER BY ${order}
      LIMIT ${params.limit} OFFSET ${params.offset}`.execute(db);
    // A first page shorter than the limit is the whole result: no count query needed.
    const total =
      params.offset === 0 && hits.rows.length < params.limit
        ? hits.rows.length
        : Number((await sql<{ n: number }>`WITH m AS (${matched}) SELECT count(*) AS n FROM m`.execute(db)).rows[0]?.n ?? 0);
    const facets = params.facets === false || total === 0 ? {} : await this.facetCounts(matched);
    return {
      hits: hits.rows.map((r) => ({ seq: Number(r.seq), id: r.id, providerId: r.provider_id, providerName: r.provider_name, version: r.version, entry: r.entry, offers: r.offers, publishedAt: r.published_at, score: Number(r.score) })),
      total,
      facets,
    };
  }

  /** The SQL of the matched set (seq, published_at, score); undefined when nothing can match. */
  matched(params: CatalogSearchParams): RawBuilder<unknown> | undefined {
    const where: RawBuilder<unknown>[] = [sql`e.status = 'published'`];
    if (params.scope.kind === 'audiences') {
      const { audienceIds, providerId } = params.scope;
      if (audienceIds.length === 0 && !providerId) return undefined;
      const inAudience = audienceIds.length > 0 ? sql`e.audience_id IN (${sql.join(audienceIds.map((id) => sql`${id}`))})` : sql`1 = 0`;
      where.push(providerId ? sql`(${inAudience} OR e.provider_id = ${providerId})` : inAudience);
    }
    for (const facet of facetNames) {
      const values = params.filters[facet];
      if (!values?.length) continue;
      where.push(sql`e.seq IN (SELECT f.seq FROM catalog_facet f WHERE f.facet = ${facet} AND f.value IN (${sql.join(values.map((v) => sql`${v}`))}))`);
    }
    const conditions = sql.join(where, sql` AND `);
    if (params.tokens.length === 0) {
      return sql`SELECT e.seq, e.published_at, 0 AS score FROM catalog_entry e WHERE ${conditions}`;
    }
    if (this.database.dialect === 'sqlite') {
      const match = params.tokens.map((t) => `"${t.token}"${t.prefix ? '*' : ''}`).join(' ');
      // bm25 is lower-is-better in FTS5; negate so both databases sort score descending.
      return sql`SELECT e.seq, e.published_at, -catalog_fts.rank AS score FROM catalog_fts JOIN catalog_entry e ON e.seq = catalog_fts.rowid WHERE catalog_fts MATCH ${match} AND ${conditions}`;
    }
    const query = params.tokens.map((t) => `'${t.token}'${t.prefix ? ':*' : ''}`).join(' & ');
    return sql`SELECT e.seq, e.published_at, ts_rank(e.search, ${query}::tsquery) AS score FROM catalog_entry e WHERE e.search @@ ${query}::tsquery AND ${conditions}`;
  }

  private async facetCounts(matched: RawBuilder<unknown>): Promise<CatalogSearchResult['facets']> {
    const rows = await sql<{ facet: FacetName; value: string; n: number }>`
      WITH m AS (${matched})
      SELECT f.facet, f.value, count(*) AS n FROM m JOIN catalog_facet f ON f.seq = m.seq
      GROUP BY f.facet, f.value`.execute(this.database.db);
    const facets: CatalogSearchResult['facets'] = {};
    for (const row of rows.rows) (facets[row.facet] ??= []).push({ value: row.value, count: Number(row.n) });
    for (const list of Object.values(facets)) {
      list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      list.splice(FACET_VALUES);
    }
    return facets;
  }
}
