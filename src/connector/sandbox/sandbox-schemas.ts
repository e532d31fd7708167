import { Type, type Static } from 'typebox';
import { jobStates } from '../../core/sandbox/sandbox-job.js';
import { Enum } from '../../server/catalog/catalog-schemas.js';
import { EntitiesSchema, EntityAuthorizationSchema } from './entity-authorization-schema.js';

/** The sandbox's API shapes, once, for validation, serialization and OpenAPI. */
const Localized = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });
const Cell = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
const Time = Type.String({ description: 'RFC 3339 UTC' });

export const PrivacySchema = Type.Object(
  {
    epsilon: Type.Number({ exclusiveMinimum: 0, maximum: 10, description: 'The ε this job spends (差分隐私预算)' }),
    bounds: Type.Optional(
      Type.Record(Type.String({ maxLength: 200 }), Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }), { description: 'Clamping bounds [lo, hi] per column for sums and averages' }),
    ),
  },
  { additionalProperties: false },
);

const AgreementId = Type.String({ minLength: 1, maxLength: 500 });

export const SubmitJobBody = Type.Union([
  Type.Object(
    {
      agreementId: AgreementId,
      sql: Type.String({ minLength: 1, maxLength: 20_000, description: 'One SELECT over the granted views' }),
      privacy: Type.Optional(PrivacySchema),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      agreementId: AgreementId,
      algorithm: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9.-]*$' }),
      version: Type.Optional(Type.Integer({ minimum: 1 })),
      parameters: Type.Record(Type.String({ maxLength: 100 }), Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()])),
      authorizations: Type.Optional(Type.Array(EntityAuthorizationSchema, { maxItems: 200, description: "Per-entity algorithms: one authorization per entity asked about (ADR 0012)" })),
    },
    { additionalProperties: false },
  ),
]);
export type SubmitJob = Static<typeof SubmitJobBody>;

export const RefusalSchema = Type.Object({ code: Type.String(), message: Localized, at: Type.Optional(Type.Integer()) });

const Evidence = Type.Object({ type: Type.String(), at: Time, leafHash: Type.String(), ledgerIndex: Type.Optional(Type.Integer()) });

export const JobView = Type.Object({
  id: Type.String(),
  state: Enum(jobStates, jobStates.join(' | ')),
  agreementId: Type.String(),
  kind: Enum(['sql', 'algorithm'] as const, 'sql | algorithm'),
  sql: Type.Optional(Type.String()),
  algorithm: Type.Optional(Type.String()),
  version: Type.Optional(Type.Integer()),
  parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  reason: Type.Optional(RefusalSchema),
  queuePosition: Type.Optional(Type.Integer({ minimum: 1, description: 'While queued: 1 when it starts next (fair order across consumers)' })),
  checks: Type.Optional(Type.Array(Localized, { description: 'What the gate checked, in words' })),
  epsilon: Type.Optional(Type.Number()),
  result: Type.Optional(
    Type.Object({
      columns: Type.Array(Type.String()),
      rows: Type.Array(Type.Array(Cell)),
      privacy: Type.Optional(
        Type.Object(
          {
            epsilon: Type.Number({ description: 'The ε this result spent (差分隐私预算)' }),
            mechanism: Type.Union([Type.Literal('laplace'), Type.Literal('gaussian')]),
            columns: Type.Array(Type.Object({ name: Type.String(), error95: Type.Number({ description: 'The 95% bound of the absolute error of this column (预期误差)' }) })),
          },
          { description: 'What differential privacy did to the result: the ε spent and each noisy column’s expected error' },
        ),
      ),
    }),
  ),
  proof: Type.Optional(
    Type.Object({
      jobId: Type.String(),
      agreementId: Type.String(),
      resultSha256: Type.String(),
      evidence: Type.Array(Evidence, { description: "The job's entries in the space's ledger; ledgerIndex once the operator acknowledged them" }),
    }),
  ),
  review: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  createdAt: Time,
  updatedAt: Time,
  finishedAt: Type.Optional(Time),
});

export const JobPage = Type.Object({ items: Type.Array(JobView), total: Type.Integer() });

export const JobQuery = Type.Object(
  {
    agreementId: Type.Optional(Type.String({ maxLength: 500 })),
    state: Type.Optional(Enum(jobStates, jobStates.join(' | '))),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'default 50' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'default 0' })),
  },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  { decision: Enum(['release', 'reject'] as const, 'release | reject'), reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) },
  { additionalProperties: false },
);

const Column = Type.Object({ name: Type.String(), type: Type.String(), identifier: Type.Optional(Type.Boolean()) });

export const AlgorithmParameterSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }),
    type: Enum(['string', 'integer', 'number', 'boolean'] as const, 'string | integer | number | boolean'),
    pattern: Type.Optional(Type.String({ maxLength: 200 })),
    title: Localized,
  },
  { additionalProperties: false },
);

export const AlgorithmBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9.-]*$' }),
    version: Type.Integer({ minimum: 1 }),
    title: Localized,
    description: Type.Optional(Localized),
    sql: Type.String({ minLength: 1, maxLength: 50_000 }),
    parameters: Type.Array(AlgorithmParameterSchema, { maxItems: 20 }),
    release: Enum(['auto', 'manual'] as const, 'auto | manual'),
    quasiIdentifiers: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 }),
    entities: Type.Optional(EntitiesSchema),
  },
  { additionalProperties: false },
);

export const AlgorithmView = Type.Object({
  name: Type.String(),
  version: Type.Integer(),
  title: Localized,
  description: Type.Optional(Localized),
  parameters: Type.Array(AlgorithmParameterSchema),
  release: Type.String(),
  quasiIdentifiers: Type.Array(Type.String()),
  entities: Type.Optional(EntitiesSchema),
  status: Type.String(),
  sql: Type.Optional(Type.String({ description: "Shown to the provider only" })),
});

export const SchemaView = Type.Object({
  agreementId: Type.String(),
  views: Type.Array(Type.Object({ name: Type.String(), columns: Type.Array(Column) })),
  rules: Type.Object({
    aggregateOnly: Type.Boolean(),
    k: Type.Integer(),
    review: Type.String(),
    maxRows: Type.Integer(),
    differentialPrivacy: Type.Optional(Type.Object({ mechanism: Type.String(), budget: Type.Number(), spent: Type.Number(), left: Type.Number() })),
  }),
  algorithms: Type.Array(AlgorithmView),
});
