import { Type, type Static } from 'typebox';
import { accessModes, catalogEntryKinds, shareAttributes } from '../../core/metadata/catalog-entry.js';
import { fieldTypes, piiKinds } from '../../core/metadata/data-dictionary.js';
import type { PiiRule } from '../../core/metadata/pii-detection.js';
import { priceModels } from '../../core/catalog/catalog-offer.js';
import { DesensitizationRuleSchema } from '../../core/desensitization/desensitization-rule.js';

/**
 * API shapes of catalog metadata, shared by the operator's catalog and the connector's asset
 * registry (both nodes import server, never each other). The shapes check structure; the
 * meaning (required DCAT fields, URN form, PII consistency) is the normative review's job.
 */

const Str = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });
const Extra = Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Members no mapping knows, kept for lossless round trips' }));
/** Language-tagged text: `{ "zh-CN": "…", "en": "…" }`. */
export const LocalizedTextSchema = Type.Record(Type.String({ maxLength: 35 }), Type.String({ maxLength: 4000 }));
export const Enum = <const T extends readonly string[]>(values: T, description?: string) => Type.Unsafe<T[number]>(Type.Enum([...values], description ? { description } : {}));

const FieldSchema = Type.Object(
  {
    name: Str(200),
    type: Enum(fieldTypes),
    format: Type.Optional(Str(100)),
    title: Type.Optional(Type.Object({ 'zh-CN': Type.Optional(Str(200)), en: Type.Optional(Str(200)) }, { additionalProperties: false })),
    description: Type.Optional(Type.Object({ 'zh-CN': Type.Optional(Str(2000)), en: Type.Optional(Str(2000)) }, { additionalProperties: false })),
    unit: Type.Optional(Str(40)),
    required: Type.Optional(Type.Boolean()),
    pii: Type.Optional(Type.Object({ kind: Enum(piiKinds), sensitive: Type.Boolean() }, { additionalProperties: false })),
    concept: Type.Optional(Str(200, 'A shared vocabulary concept, e.g. tds:uscc (语义映射)')),
    desensitization: Type.Optional(DesensitizationRuleSchema),
    bounds: Type.Optional(Type.Object({ min: Type.Number(), max: Type.Number() }, { additionalProperties: false, description: 'Clamping bounds of a numeric field under differential privacy (截断边界)' })),
    statistics: Type.Optional(
      Type.Object({
        rows: Type.Integer({ minimum: 0 }),
        nulls: Type.Integer({ minimum: 0 }),
        distinct: Type.Optional(Type.Integer({ minimum: 0 })),
        distinctCapped: Type.Optional(Type.Boolean()),
        min: Type.Optional(Type.Union([Type.Number(), Type.String()])),
        max: Type.Optional(Type.Union([Type.Number(), Type.String()])),
        mean: Type.Optional(Type.Number()),
      }),
    ),
    extra: Extra,
  },
  { additionalProperties: false },
);

export const DataDictionarySchema = Type.Object(
  {
    fields: Type.Array(FieldSchema, { maxItems: 2000 }),
    primaryKey: Type.Optional(Type.Array(Str(200), { maxItems: 50 })),
    missingValues: Type.Optional(Type.Array(Str(40), { maxItems: 20 })),
    extra: Extra,
  },
  { additionalProperties: false },
);

const DistributionSchema = Type.Object(
  {
    id: Type.Optional(Str(500)),
    title: Type.Optional(LocalizedTextSchema),
    accessUrl: Type.Optional(Str(2000)),
    downloadUrl: Type.Optional(Str(2000)),
    mediaType: Type.Optional(Str(200)),
    format: Type.Optional(Str(200)),
    accessMode: Type.Optional(Enum(accessModes)),
    accessService: Type.Optional(Type.Object({ id: Str(500), endpointUrl: Type.Optional(Str(2000)), endpointDescription: Type.Optional(Str(2000)) }, { additionalProperties: false })),
    extra: Extra,
  },
  { additionalProperties: false },
);

/** A catalog entry (资源目录条目): core/metadata/catalog-entry.ts. */
export const CatalogEntrySchema = Type.Object(
  {
    kind: Enum(catalogEntryKinds, 'dataset | dataService | product'),
    id: Str(500, 'urn:tds:<space>:<participant>:<resource>'),
    handle: Type.Optional(Str(200, 'Handle, e.g. 86.100/abc')),
    doi: Type.Optional(Str(200)),
    version: Type.Optional(Str(40)),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema,
    keywords: Type.Optional(Type.Record(Type.String({ maxLength: 35 }), Type.Array(Str(100), { maxItems: 50 }))),
    themes: Type.Optional(Type.Array(Str(500), { maxItems: 20 })),
    publisher: Type.Optional(Type.Object({ id: Str(500), name: Str(200), did: Type.Optional(Str(500)), extra: Extra }, { additionalProperties: false })),
    contactPoint: Type.Optional(Type.Object({ name: Type.Optional(Str(200)), email: Type.Optional(Str(254)), phone: Type.Optional(Str(40)), extra: Extra }, { additionalProperties: false })),
    license: Type.Optional(Str(2000)),
    spatial: Type.Optional(Type.Array(Str(500), { maxItems: 50 })),
    temporal: Type.Optional(Type.Object({ start: Type.Optional(Str(40)), end: Type.Optional(Str(40)) }, { additionalProperties: false })),
    accrualPeriodicity: Type.Optional(Str(200)),
    issued: Type.Optional(Str(40)),
    modified: Type.Optional(Str(40)),
    distributions: Type.Optional(Type.Array(DistributionSchema, { maxItems: 20 })),
    service: Type.Optional(Type.Object({ endpointUrls: Type.Array(Str(2000), { maxItems: 10 }), endpointDescription: Type.Optional(Str(2000)), servesDatasets: Type.Optional(Type.Array(Str(500), { maxItems: 50 })) }, { additionalProperties: false })),
    classification: Type.Optional(Type.Object({ level: Enum(['core', 'important', 'general'] as const), grade: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)])) }, { additionalProperties: false })),
    shareAttribute: Type.Optional(Enum(shareAttributes)),
    openAttribute: Type.Optional(Enum(shareAttributes)),
    dictionary: Type.Optional(DataDictionarySchema),
    priceModel: Type.Optional(Str(40)),
    extra: Extra,
  },
  { additionalProperties: false },
);

export const CatalogOfferSchema = Type.Object(
  {
    id: Str(200),
    title: Type.Optional(LocalizedTextSchema),
    accessMode: Enum(accessModes, 'download | api | sandbox'),
    priceModel: Enum(priceModels),
    price: Type.Optional(Type.Object({ amount: Type.Number({ minimum: 0 }), currency: Type.Literal('CNY'), unit: Type.Optional(Str(40)) }, { additionalProperties: false })),
    policy: Type.Record(Type.String(), Type.Unknown(), { description: 'The ODRL offer (compacted JSON-LD)' }),
  },
  { additionalProperties: false },
);

const Codes = (description: string) => Type.Optional(Type.Array(Str(40), { maxItems: 100, description }));
export const VisibilitySchema = Type.Union([
  Type.Object({ scope: Type.Literal('public') }, { additionalProperties: false }),
  Type.Object({ scope: Type.Literal('members') }, { additionalProperties: false }),
  Type.Object(
    { scope: Type.Literal('restricted'), roles: Codes('provider | consumer | serviceProvider | regulator'), industries: Codes('GB/T 4754 sections or divisions'), regions: Codes('GB/T 2260 codes') },
    { additionalProperties: false },
  ),
  Type.Object({ scope: Type.Literal('named'), participants: Type.Array(Str(60), { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
]);

export const PiiScanSchema = Type.Object(
  {
    threshold: Type.Number(),
    fields: Type.Array(
      Type.Object({
        field: Str(200),
        scanned: Type.Integer({ minimum: 0 }),
        pii: Type.Optional(Type.Object({ kind: Enum(piiKinds), sensitive: Type.Boolean() })),
        matchRatio: Type.Number({ minimum: 0, maximum: 1 }),
        evidence: Type.Array(Type.Object({ rule: Type.Unsafe<PiiRule>(Str(60)), matches: Type.Optional(Type.Integer({ minimum: 0 })) })),
      }),
      { maxItems: 2000 },
    ),
  },
  { description: "The connector's scan of a sample for personal information: counts only, never values" },
);

/** A review finding and the review of an entry's current version, as the provider sees them. */
export const FindingSchema = Type.Object({
  rule: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  pointer: Type.Optional(Type.String()),
  detail: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
});

export const ReviewSummarySchema = Type.Object({
  version: Type.Integer(),
  automatic: Type.Object({ outcome: Type.Union([Type.Literal('passed'), Type.Literal('failed')]), findings: Type.Array(FindingSchema), at: Type.String() }),
  manual: Type.Optional(
    Type.Object({
      required: Type.Literal(true),
      reasons: Type.Array(Type.String()),
      outcome: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('rejected')])),
      reviewer: Type.Optional(Type.String()),
      reason: Type.Optional(Type.String()),
      at: Type.Optional(Type.String()),
      approvedBy: Type.Optional(Type.Object({ id: Type.String(), name: Type.String() }, { description: 'The reviewer who approved important data for delivery other than the sandbox' })),
      approvedChannels: Type.Optional(Type.Array(Type.String(), { description: 'The channels besides the sandbox that reviewer approved' })),
    }),
  ),
});

export type CatalogEntryBody = Static<typeof CatalogEntrySchema>;
export type CatalogOfferBody = Static<typeof CatalogOfferSchema>;
