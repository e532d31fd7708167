import { Type, type Static } from 'typebox';
import { CatalogStatusSchema, EntryRecordSchema } from '../../server/catalog/catalog-api-schemas.js';
import { CatalogEntrySchema, FindingSchema as Finding, CatalogOfferSchema, PiiScanSchema, VisibilitySchema } from '../../server/catalog/catalog-schemas.js';

const Str = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });

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

export const EntryList = Type.Object({ items: Type.Array(EntryRecordSchema), total: Type.Integer() });

export const ActionBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export const DecisionBody = Type.Object(
  { decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const QueueQuery = Type.Object(
  {
    status: Type.Optional(CatalogStatusSchema),
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
  status: CatalogStatusSchema,
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
