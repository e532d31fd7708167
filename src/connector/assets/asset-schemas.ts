import { Type, type Static } from 'typebox';
import { catalogStatuses } from '../../core/catalog/catalog-entry-status.js';
import { CatalogEntrySchema, CatalogOfferSchema, DataDictionarySchema, Enum, PiiScanSchema, ReviewSummarySchema, VisibilitySchema } from '../../server/catalog/catalog-schemas.js';
import { impactDegrees, impactObjects } from '../../core/metadata/classification.js';
import { fileFormats } from './readers/asset-reader.js';

const Str = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });

export const SourceInputSchema = Type.Union([
  Type.Object({ kind: Type.Literal('file'), format: Enum(fileFormats), path: Type.String({ minLength: 1, maxLength: 1000, description: "Relative to the connector's source directory" }) }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('table'),
      engine: Enum(['postgres', 'sqlite'] as const),
      url: Type.String({ minLength: 1, maxLength: 2000, description: 'postgres://user:password@host/db or a SQLite file path; stored encrypted, never returned' }),
      table: Type.String({ minLength: 1, maxLength: 200 }),
      schema: Type.Optional(Str(200)),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('http-api'),
      baseUrl: Type.String({ maxLength: 2000, pattern: '^https?://' }),
      samplePath: Type.Optional(Str(1000, 'Path answering JSON rows, relative to baseUrl')),
      authHeader: Type.Optional(Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9-]+$' }), value: Type.String({ minLength: 1, maxLength: 4000, description: 'Stored encrypted, never returned' }) }, { additionalProperties: false })),
    },
    { additionalProperties: false },
  ),
]);

/** Metadata a provider writes: any entry member but the id, which publication assigns. */
const { id: _id, ...entryProperties } = CatalogEntrySchema.properties;
export const EntryChangesSchema = Type.Partial(Type.Object(entryProperties, { additionalProperties: false }));

const ClassificationLabelSchema = Type.Object(
  {
    level: Enum(['core', 'important', 'general'] as const),
    grade: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)])),
    assessment: Type.Optional(Type.Array(Type.Object({ object: Enum(impactObjects), degree: Enum(impactDegrees) }, { additionalProperties: false }), { maxItems: 12 })),
  },
  { additionalProperties: false, description: 'GB/T 43697-2024: core, important, or general with grade 1–4; the highest impact wins' },
);

export const RegisterBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), source: SourceInputSchema, entry: Type.Optional(EntryChangesSchema) },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const UploadQuery = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), format: Type.Optional(Enum(fileFormats)) },
  { additionalProperties: false },
);

/** Entry members a provider may remove (the rest are required or replaced, never absent). */
export const clearableMembers = ['handle', 'doi', 'version', 'keywords', 'themes', 'contactPoint', 'license', 'spatial', 'temporal', 'accrualPeriodicity', 'issued', 'modified', 'shareAttribute', 'openAttribute', 'priceModel'] as const;

export const UpdateBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version the change is based on (optimistic concurrency)' })),
    entry: Type.Optional(EntryChangesSchema),
    clear: Type.Optional(Type.Array(Enum(clearableMembers), { maxItems: clearableMembers.length, description: 'Entry members to remove (members left out of `entry` are kept)' })),
    classification: Type.Optional(ClassificationLabelSchema),
  },
  { additionalProperties: false },
);
export type UpdateBody = Static<typeof UpdateBody>;

const SourceDescriptionSchema = Type.Record(Type.String(), Type.Unknown(), { description: 'The source without its secret' });

export const PublicationSchema = Type.Object({
  assetId: Type.String(),
  entryId: Type.String(),
  status: Enum(catalogStatuses),
  version: Type.Integer(),
  offers: Type.Array(CatalogOfferSchema),
  visibility: VisibilitySchema,
  review: Type.Optional(ReviewSummarySchema),
  updatedAt: Type.String(),
});

export const AssetView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  source: SourceDescriptionSchema,
  entry: CatalogEntrySchema,
  classification: Type.Optional(ClassificationLabelSchema),
  piiScan: Type.Optional(PiiScanSchema),
  sample: Type.Optional(Type.Object({ rows: Type.Integer(), totalRows: Type.Optional(Type.Integer()), at: Type.String() })),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publication: Type.Optional(PublicationSchema),
});

export const AssetList = Type.Object({ items: Type.Array(AssetView) });
export const AssetParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
export const PreviewQuery = Type.Object({ rows: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })) }, { additionalProperties: false });
export const Preview = Type.Object({ columns: Type.Array(Type.String()), rows: Type.Array(Type.Record(Type.String(), Type.Unknown())) });

export const PublishBody = Type.Object(
  {
    offers: Type.Array(Type.Object({ ...CatalogOfferSchema.properties, id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._-]+$' }), policy: Type.Optional(CatalogOfferSchema.properties.policy) }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
    visibility: VisibilitySchema,
  },
  { additionalProperties: false },
);
export const ReasonBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export { DataDictionarySchema };
