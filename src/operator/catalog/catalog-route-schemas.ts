import { Type, type Static } from 'typebox';
import { catalogStatuses } from '../../core/catalog/catalog-entry-status.js';
import { facetNames } from '../../core/catalog/catalog-facets.js';
import { CatalogEntrySchema, Enum, CatalogOfferSchema, LocalizedTextSchema, PiiScanSchema, VisibilitySchema } from '../../server/catalog/catalog-schemas.js';

const Str = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });

const Finding = Type.Object({
  rule: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  pointer: Type.Optional(Type.String()),
  detail: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
});

export const ReviewSummarySchema = Type.Object({
  version: Type.Integer(),
  automatic: Type.Object({ outcome: Type.Union([Type.Literal('passed'), Type.Literal('failed')]), findings: Type.Array(Finding), at: Type.String() }),
  manual: Type.Optional(
    Type.Object({
      required: Type.Literal(true),
      reasons: Type.Array(Type.String()),
      outcome: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('rejected')])),
      reviewer: Type.Optional(Type.String()),
      reason: Type.Optional(Type.String()),
      at: Type.Optional(Type.String()),
    }),
  ),
});

export const PublicationBody = Type.Object(
  {
    resource: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._~%:-]+$', description: 'The last segment of the resource URN (the asset id)' }),
    entry: Type.Object({ ...CatalogEntrySchema.properties, id: Type.Optional(Str(500, 'Left out, or the URN the operator gives')) }, { additionalProperties: false }),
    offers: Type.Array(CatalogOfferSchema, { maxItems: 20 }),
    visibility: VisibilitySchema,
    piiScan: Type.Optional(PiiScanSchema),
    connectorUrl: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://' })),
  },
  { additionalProperties: false },
);
export type PublicationBody = Static<typeof PublicationBody>;

const Status = Enum(catalogStatuses);

/** An entry as its provider and the operator's staff see it: status, review and visibility included. */
export const EntryRecordSchema = Type.Object({
  id: Type.String(),
  status: Status,
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

export const EntryList = Type.Object({ items: Type.Array(EntryRecordSchema), total: Type.Integer() });

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

export const ActionBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export const DecisionBody = Type.Object(
  { decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const QueueQuery = Type.Object(
  {
    status: Type.Optional(Status),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);

export const HistorySchema = Type.Object({
  versions: Type.Array(Type.Object({ version: Type.Integer(), metadataHash: Type.String(), evidenceHash: Type.String(), createdAt: Type.String() })),
  reviews: Type.Array(Type.Object({ version: Type.Integer(), stage: Type.String(), outcome: Type.String(), findings: Type.Array(Finding), reviewer: Type.String(), reason: Type.Union([Type.String(), Type.Null()]), evidenceHash: Type.String(), at: Type.String() })),
  events: Type.Array(Type.Object({ version: Type.Integer(), action: Type.String(), from: Type.Union([Type.String(), Type.Null()]), to: Type.String(), actor: Type.String(), reason: Type.Union([Type.String(), Type.Null()]), evidenceHash: Type.String(), at: Type.String() })),
});

export const ResolveQuery = Type.Object({ id: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const Resolution = Type.Object({
  id: Type.String(),
  status: Status,
  version: Type.Integer(),
  provider: Type.Object({ id: Type.String(), name: Type.String(), did: Type.Optional(Type.String()) }),
  connectorUrl: Type.Optional(Type.String()),
  handle: Type.Optional(Type.String()),
  doi: Type.Optional(Type.String()),
  accessModes: Type.Array(Type.String()),
});

export const NoticeList = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), entryId: Type.String(), fromVersion: Type.Integer(), toVersion: Type.Integer(), kind: Type.String(), at: Type.String(), read: Type.Boolean() })),
});
export const NoticesReadBody = Type.Object({ upTo: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
