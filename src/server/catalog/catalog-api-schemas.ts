import { Type, type Static } from 'typebox';
import { catalogStatuses } from '../../core/catalog/catalog-entry-status.js';
import { facetNames } from '../../core/catalog/catalog-facets.js';
import { CatalogEntrySchema, CatalogOfferSchema, Enum, LocalizedTextSchema, ReviewSummarySchema, VisibilitySchema } from './catalog-schemas.js';

/**
 * The catalog's read API shapes: what the operator answers and a connector passes on to its
 * participant unchanged (search, entries).
 */

export const CatalogStatusSchema = Enum(catalogStatuses);

/** An entry as its provider and the operator's staff see it: status, review and visibility included. */
export const EntryRecordSchema = Type.Object({
  id: Type.String(),
  status: CatalogStatusSchema,
  version: Type.Integer(),
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  entry: CatalogEntrySchema,
  offers: Type.Array(CatalogOfferSchema),
  visibility: Type.Optional(VisibilitySchema),
  review: Type.Optional(ReviewSummarySchema),
  latestVersion: Type.Integer({ description: 'The current version; differs from `version` when an older one was asked for' }),
  publishedAt: Type.Optional(Type.String()),
  updatedAt: Type.String(),
});

export const EntryParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 500 }) });
export const EntryQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

const facetQuery = Object.fromEntries(facetNames.map((f) => [f, Type.Optional(Type.String({ maxLength: 500, description: `Comma-separated ${f} values (any of them)` }))]));
export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Words in Chinese or English; Chinese is matched by character bigrams' })),
    ...facetQuery,
    sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('recent')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const FacetCounts = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer(), label: Type.Optional(Type.String()) }));
export const SearchResult = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      version: Type.Integer(),
      title: LocalizedTextSchema,
      description: LocalizedTextSchema,
      keywords: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))),
      themes: Type.Optional(Type.Array(Type.String())),
      provider: Type.Object({ id: Type.String(), name: Type.String() }),
      classification: Type.Optional(Type.Object({ level: Type.String(), grade: Type.Optional(Type.Integer()) })),
      accessModes: Type.Array(Type.String()),
      priceModels: Type.Array(Type.String()),
      publishedAt: Type.Union([Type.String(), Type.Null()]),
      score: Type.Number(),
    }),
  ),
  total: Type.Integer({ description: 'Entries matching that the caller may see; no others are ever counted' }),
  facets: Type.Record(Type.String(), FacetCounts),
});

