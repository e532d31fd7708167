import { facetNames, type FacetName } from '../../core/catalog/catalog-facets.js';
import type { CatalogOffer } from '../../core/catalog/catalog-offer.js';
import type { Viewer } from '../../core/catalog/catalog-visibility.js';
import { queryTokens } from '../../core/catalog/search-tokens.js';
import type { CatalogEntry, LocalizedList, LocalizedText } from '../../core/metadata/catalog-entry.js';
import { narrowerConcepts } from '../../core/metadata/vocabulary.js';
import type { CatalogSearch, CatalogSearchResult, SearchScope } from '../../store/catalog/catalog-search.js';
import type { AudienceCache } from './audience-cache.js';

export interface CatalogQuery {
  q?: string;
  filters: Partial<Record<FacetName, string[]>>;
  sort: 'relevance' | 'recent';
  limit: number;
  offset: number;
}

export interface CatalogSearchItem {
  id: string;
  kind: string;
  version: number;
  title: LocalizedText;
  description: LocalizedText;
  keywords?: LocalizedList;
  themes?: string[];
  provider: { id: string; name: string };
  classification?: CatalogEntry['classification'];
  accessModes: string[];
  priceModels: string[];
  publishedAt: string | null;
  score: number;
}

const SUMMARY = 280;

/**
 * Discovery (数据发现) for a caller: its visibility becomes part of the SQL, a concept filter
 * also finds fields mapped to narrower concepts (查询 tds:enterpriseId finds tds:uscc), and items
 * are summaries (the dictionary and policies come with the entry itself).
 */
export class CatalogFinder {
  constructor(
    private readonly search: CatalogSearch,
    private readonly audiences: AudienceCache,
  ) {}

  async find(viewer: Viewer, query: CatalogQuery): Promise<{ items: CatalogSearchItem[]; total: number; facets: CatalogSearchResult['facets'] }> {
    const scope: SearchScope =
      viewer.kind === 'overseer'
        ? { kind: 'all' }
        : { kind: 'audiences', audienceIds: await this.audiences.visibleTo(viewer), ...(viewer.participantId ? { providerId: viewer.participantId } : {}) };
    const filters: Partial<Record<FacetName, string[]>> = {};
    for (const facet of facetNames) {
      const values = query.filters[facet]?.filter((v) => v.length > 0);
      if (values?.length) filters[facet] = facet === 'concept' ? [...new Set(values.flatMap((c) => [c, ...narrowerConcepts(c).map((n) => n.id)]))] : values;
    }
    const result = await this.search.search({ tokens: query.q ? queryTokens(query.q) : [], filters, sort: query.sort, limit: query.limit, offset: query.offset, scope });
    return { items: result.hits.map(toItem), total: result.total, facets: result.facets };
  }
}

function toItem(hit: CatalogSearchResult['hits'][number]): CatalogSearchItem {
  const entry = JSON.parse(hit.entry) as CatalogEntry;
  const offers = JSON.parse(hit.offers) as CatalogOffer[];
  const description = Object.fromEntries(Object.entries(entry.description).map(([lang, text]) => [lang, text.length > SUMMARY ? `${text.slice(0, SUMMARY)}…` : text]));
  return {
    id: hit.id,
    kind: entry.kind,
    version: hit.version,
    title: entry.title,
    description,
    ...(entry.keywords ? { keywords: entry.keywords } : {}),
    ...(entry.themes ? { themes: entry.themes } : {}),
    provider: { id: hit.providerId, name: hit.providerName },
    ...(entry.classification ? { classification: entry.classification } : {}),
    accessModes: [...new Set([...offers.map((o) => o.accessMode), ...(entry.distributions ?? []).flatMap((d) => (d.accessMode ? [d.accessMode] : []))])],
    priceModels: [...new Set(offers.map((o) => o.priceModel))],
    publishedAt: hit.publishedAt,
    score: hit.score,
  };
}
