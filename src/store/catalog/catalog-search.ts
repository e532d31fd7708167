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
 *
 * Shaped for a million entries (bench/catalog.ts, docs/performance.md): matches are checked
 * for visibility in the narrow catalog_entry_visibility_idx, not in the wide entry rows; only
 * the page's rows are read whole; the page statement also counts the matches.
 */
export class CatalogSearch {
  constructor(private readonly database: Database) {}

  async search(params: CatalogSearchParams): Promise<CatalogSearchResult> {
    const statements = this.statements(params);
    if (statements === undefined) return { hits: [], total: 0, facets: {} };
    const db = this.database.db;
    const hits = await statements.page.execute(db);
    // The page carries the number of matches; an empty page past the first does not, so count.
    const first = hits.rows[0];
    const total = first ? Number(first.total) : params.offset === 0 ? 0 : Number((await statements.count.execute(db)).rows[0]?.n ?? 0);
    const facets = params.facets === false || total === 0 ? {} : facetLists((await statements.facets.execute(db)).rows);
    return {
      hits: hits.rows.map((r) => ({ seq: Number(r.seq), id: r.id, providerId: r.provider_id, providerName: r.provider_name, version: r.version, entry: r.entry, offers: r.offers, publishedAt: r.published_at, score: Number(r.score) })),
      total,
      facets,
    };
  }

  /**
   * The statements one search runs: the page with the total, the count (only when the page is
   * empty past the first) and the facet counts (only when something matched). Undefined when
   * nothing can match. bench/catalog.ts times these same texts on the bare driver.
   */
  statements(params: CatalogSearchParams): { page: RawBuilder<PageRow>; count: RawBuilder<{ n: number }>; facets: RawBuilder<FacetRow> } | undefined {
    const ranked = this.matched(params, true);
    const unranked = this.matched(params, false);
    if (ranked === undefined || unranked === undefined) return undefined;
    const order = (t: string) =>
      params.sort === 'relevance' && params.tokens.length > 0
        ? sql`${sql.ref(`${t}.score`)} DESC, ${sql.ref(`${t}.published_at`)} DESC, ${sql.ref(`${t}.seq`)} DESC`
        : sql`${sql.ref(`${t}.published_at`)} DESC, ${sql.ref(`${t}.seq`)} DESC`;
    return {
      // Sorted and cut while the rows are narrow; only the page's entries are then read whole.
      page: sql<PageRow>`
      WITH m AS (${ranked}),
      p AS (SELECT m.seq, m.published_at, m.score, count(*) OVER () AS total FROM m ORDER BY ${order('m')} LIMIT ${params.limit} OFFSET ${params.offset})
      SELECT e.seq, e.id, e.provider_id, e.provider_name, e.version, e.entry, e.offers, e.published_at, p.score, p.total
      FROM p JOIN catalog_entry e ON e.seq = p.seq
      ORDER BY ${order('p')}`,
      count: sql<{ n: number }>`WITH m AS (${unranked}) SELECT count(*) AS n FROM m`,
      facets: sql<FacetRow>`
      WITH m AS (${unranked})
      SELECT f.facet, f.value, count(*) AS n FROM m JOIN catalog_facet f ON f.seq = m.seq
      GROUP BY f.facet, f.value`,
    };
  }

  /**
   * The SQL of the matched set (seq, published_at, score; score 0 unless `ranked`); undefined
   * when nothing can match.
   */
  matched(params: CatalogSearchParams, ranked = true): RawBuilder<unknown> | undefined {
    const sqlite = this.database.dialect === 'sqlite';
    const where: RawBuilder<unknown>[] = [sql`v.status = 'published'`];
    if (params.scope.kind === 'audiences') {
      const { audienceIds, providerId } = params.scope;
      if (audienceIds.length === 0 && !providerId) return undefined;
      const inAudience = audienceIds.length > 0 ? sql`v.audience_id IN (${sql.join(audienceIds.map((id) => sql`${id}`))})` : sql`1 = 0`;
      where.push(providerId ? sql`(${inAudience} OR v.provider_id = ${providerId})` : inAudience);
    }
    const postings = facetNames.flatMap((facet) => {
      const values = params.filters[facet];
      return values?.length ? [{ facet, values: sql.join(values.map((v) => sql`${v}`)) }] : [];
    });
    const words = params.tokens.length > 0;
    if (sqlite && !words && postings.length > 0) {
      // Without words, SQLite starts from the facet values' entries (catalog_facet's key keeps
      // each value's entries in seq order, so several filters intersect by merging).
      where.unshift(sql`v.seq IN (${sql.join(postings.map((p) => sql`SELECT f.seq FROM catalog_facet f WHERE f.facet = ${p.facet} AND f.value IN (${p.values})`), sql` INTERSECT `)})`);
    } else {
      // Checked per matching entry: a seek in catalog_facet's key, not a collection of every
      // entry that has the value.
      for (const p of postings) where.push(sql`EXISTS (SELECT 1 FROM catalog_facet f WHERE f.facet = ${p.facet} AND f.value IN (${p.values}) AND f.seq = v.seq)`);
    }
    const conditions = sql.join(where, sql` AND `);
    // SQLite would look each match up in the wide entry rows (about 8 µs each at 1e6 entries);
    // the narrow visibility index holds all the conditions need (about 1 µs).
    const visible = sqlite ? sql`catalog_entry v INDEXED BY catalog_entry_visibility_idx` : sql`catalog_entry v`;
    if (!words) {
      return sql`SELECT v.seq, v.published_at, 0 AS score FROM ${postings.length > 0 ? visible : sql`catalog_entry v`} WHERE ${conditions}`;
    }
    if (sqlite) {
      const match = params.tokens.map((t) => `"${t.token}"${t.prefix ? '*' : ''}`).join(' ');
      // bm25 is lower-is-better in FTS5; negate so both databases sort score descending.
      const score = ranked ? sql`-catalog_fts.rank` : sql`0`;
      return sql`SELECT v.seq, v.published_at, ${score} AS score FROM catalog_fts JOIN ${visible} ON v.seq = catalog_fts.rowid WHERE catalog_fts MATCH ${match} AND ${conditions}`;
    }
    const query = params.tokens.map((t) => `'${t.token}'${t.prefix ? ':*' : ''}`).join(' & ');
    const matching = sql`SELECT v.seq, v.published_at, v.search FROM catalog_entry v WHERE v.search @@ ${query}::tsquery AND ${conditions}`;
    if (!ranked) return sql`SELECT m.seq, m.published_at, 0 AS score FROM (${matching}) m`;
    // Ranked only once filtered (OFFSET 0 keeps the planner from ranking first): ts_rank reads
    // the whole tsvector of every entry it ranks.
    return sql`SELECT m.seq, m.published_at, ts_rank(m.search, ${query}::tsquery) AS score FROM (${matching} OFFSET 0) m`;
  }
}

type PageRow = { seq: number; id: string; provider_id: string; provider_name: string; version: number; entry: string; offers: string; published_at: string | null; score: number; total: number };
type FacetRow = { facet: FacetName; value: string; n: number };

/** Facet rows as lists, most frequent value first, at most FACET_VALUES each. */
function facetLists(rows: readonly FacetRow[]): CatalogSearchResult['facets'] {
  const facets: CatalogSearchResult['facets'] = {};
  for (const row of rows) (facets[row.facet] ??= []).push({ value: row.value, count: Number(row.n) });
  for (const list of Object.values(facets)) {
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    list.splice(FACET_VALUES);
  }
  return facets;
}
