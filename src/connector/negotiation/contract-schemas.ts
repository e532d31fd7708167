import { deliveryChannels } from '../../core/policy/delivery-channels.js';
import { Type, type Static } from 'typebox';
import { agreementStatuses } from '../../core/contracts/contract-records.js';
import { negotiationStates, transferStates } from '../../core/dsp/index.js';
import { Enum } from '../../server/catalog/catalog-schemas.js';
import { transferFormats } from '../transfer/transfer-formats.js';

const Id = Type.String({ minLength: 1, maxLength: 500 });
const Json = Type.Record(Type.String(), Type.Unknown());
const Time = Type.String({ description: 'RFC 3339 UTC' });
const Side = Enum(['provider', 'consumer'] as const);

export const IdParams = Type.Object({ id: Id });
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
export const OptionalReasonBody = Type.Object({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) }, { additionalProperties: false });

export const PageQuery = Type.Object(
  {
    role: Type.Optional(Side),
    state: Type.Optional(Type.String({ maxLength: 20 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'default 50' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'default 0' })),
  },
  { additionalProperties: false },
);

export const TransferPageQuery = Type.Object(
  { ...PageQuery.properties, agreementId: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const StartNegotiationBody = Type.Union([
  Type.Object(
    {
      entryId: Type.String({ minLength: 1, maxLength: 500, description: "A catalog entry's URN: the provider and its connector come from the operator's resolution" }),
      offerId: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Which of its live offers; the first when absent' })),
      purpose: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The purpose the consumer declares (用途), checked against purpose constraints' })),
      processingLocation: Type.Optional(Type.String({ pattern: '^(CN|\\d{6})$', description: 'Where the consumer will process the data (spatial): CN or a GB/T 2260 code; held in the agreement and checked against spatial constraints' })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      providerAddress: Type.String({ maxLength: 2000, pattern: '^https?://', description: "The provider's DSP endpoint (the base its /.well-known/dspace-version names), e.g. a connector of another space" }),
      providerDid: Type.String({ minLength: 8, maxLength: 500 }),
      datasetId: Type.String({ minLength: 1, maxLength: 500 }),
      offer: Type.Record(Type.String(), Type.Unknown(), { description: "The Offer as the provider's DSP catalog shows it" }),
      purpose: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      processingLocation: Type.Optional(Type.String({ pattern: '^(CN|\\d{6})$', description: 'Where the consumer will process the data (spatial): CN or a GB/T 2260 code; held in the agreement and checked against spatial constraints' })),
    },
    { additionalProperties: false },
  ),
]);
export type StartNegotiationBody = Static<typeof StartNegotiationBody>;

export const NegotiationView = Type.Object({
  id: Type.String({ description: "This side's pid" }),
  role: Side,
  state: Type.Union([Enum(negotiationStates), Type.Null()], { description: 'DSP state; null until the provider acknowledged the request' }),
  peerPid: Type.Optional(Type.String()),
  peerDid: Type.String(),
  peerParticipant: Type.Optional(Type.String()),
  datasetId: Type.String(),
  offer: Json,
  purpose: Type.Optional(Type.String()),
  processingLocation: Type.Optional(Type.String()),
  agreementId: Type.Optional(Type.String()),
  sending: Type.Optional(Type.String({ description: 'The message this side is delivering to the peer' })),
  attempts: Type.Integer(),
  reason: Type.Optional(Type.Unknown()),
  createdAt: Time,
  updatedAt: Time,
});

const PolicyText = Type.Object({
  summary: Type.String(),
  permissions: Type.Array(Type.Object({ text: Type.String(), conditions: Type.Array(Type.String()), duties: Type.Array(Type.String()) })),
  prohibitions: Type.Array(Type.Object({ text: Type.String(), conditions: Type.Array(Type.String()), duties: Type.Array(Type.String()) })),
  obligations: Type.Array(Type.Object({ text: Type.String(), conditions: Type.Array(Type.String()), duties: Type.Array(Type.String()) })),
});

export const EvidenceReceiptView = Type.Object({ ledgerIndex: Type.Integer(), type: Type.String(), at: Time, leafHash: Type.String() });

export const AgreementView = Type.Object({
  id: Type.String(),
  negotiationId: Type.String(),
  role: Side,
  providerDid: Type.String(),
  consumerDid: Type.String(),
  consumerParticipant: Type.Optional(Type.String()),
  datasetId: Type.String(),
  assetId: Type.Optional(Type.String()),
  policy: Json,
  description: Type.Optional(Type.Object({ 'zh-CN': PolicyText, en: PolicyText })),
  hash: Type.String({ description: 'sha256:<hex> of the canonical JSON of the agreement: what both parties signed' }),
  providerSignature: Type.Optional(Type.String({ description: 'Compact JWS by the provider' })),
  consumerSignature: Type.Optional(Type.String({ description: 'Compact JWS by the consumer' })),
  purpose: Type.Optional(Type.String()),
  processingLocation: Type.Optional(Type.String({ description: 'Where the consumer declared it processes the data (spatial): a GB/T 2260 code or CN' })),
  allowedChannels: Type.Array(Enum(deliveryChannels), { description: 'The delivery channels the signed policy allows (download, api, sandbox); a transfer in another is refused' }),
  status: Enum(agreementStatuses),
  statusReason: Type.Optional(Type.String()),
  uses: Type.Integer(),
  finalizedAt: Type.Optional(Time),
  createdAt: Time,
  updatedAt: Time,
  evidence: Type.Optional(Type.Array(EvidenceReceiptView)),
});

export const TransferView = Type.Object({
  id: Type.String(),
  role: Side,
  state: Type.Union([Enum(transferStates), Type.Null()]),
  peerPid: Type.Optional(Type.String()),
  peerDid: Type.String(),
  agreementId: Type.String(),
  format: Type.String(),
  sending: Type.Optional(Type.String()),
  attempts: Type.Integer(),
  reason: Type.Optional(Type.Unknown()),
  content: Type.Optional(Type.Object({ sha256: Type.String(), bytes: Type.Integer(), mediaType: Type.String(), watermarked: Type.Optional(Type.Boolean()) })),
  hasDataAddress: Type.Boolean({ description: 'Consumer: the provider sent where to pull from' }),
  createdAt: Time,
  updatedAt: Time,
});

const DataAddressSchema = Type.Object(
  {
    endpointType: Type.String({ maxLength: 200 }),
    endpoint: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://' })),
    endpointProperties: Type.Optional(Type.Array(Type.Object({ name: Type.String({ maxLength: 100 }), value: Type.String({ maxLength: 4000 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const StartTransferBody = Type.Object(
  {
    agreementId: Id,
    format: Enum(Object.keys(transferFormats) as Array<keyof typeof transferFormats>),
    dataAddress: Type.Optional(DataAddressSchema),
  },
  { additionalProperties: false },
);

export const DutyViewSchema = Type.Object({
  pointer: Type.String({ description: "The duty's JSON Pointer in the agreement" }),
  action: Type.String(),
  trigger: Enum(['on-use', 'at-time'] as const),
  detail: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
  status: Enum(['pending', 'fulfilled', 'breached'] as const),
  dueAt: Type.Optional(Time),
  evidence: Type.Array(Type.Object({ kind: Enum(['use', 'performed'] as const), at: Time })),
});

export const PerformDutyBody = Type.Object(
  { duty: Type.String({ minLength: 1, maxLength: 200 }), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

export const DutyReportBody = Type.Object(
  {
    agreementId: Type.String({ minLength: 1, maxLength: 500 }),
    duty: Type.Optional(Type.String({ maxLength: 200 })),
    action: Type.String({ minLength: 1, maxLength: 200 }),
    at: Type.String({ format: 'date-time' }),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const EdrView = Type.Object({
  endpoint: Type.String(),
  authorization: Type.String({ description: 'The Authorization header value for the endpoint' }),
  expiresAt: Type.Optional(Time),
});

export const TransferAction = Enum(['suspend', 'resume', 'complete', 'terminate'] as const);

export const ReceivedView = Type.Object({
  id: Type.String(),
  agreementId: Type.String(),
  transferId: Type.String(),
  datasetId: Type.String(),
  providerDid: Type.String(),
  sha256: Type.String(),
  bytes: Type.Integer(),
  mediaType: Type.String(),
  receivedAt: Time,
});

export const AccessView = Type.Object({
  id: Type.String(),
  transferId: Type.String(),
  kind: Type.String(),
  outcome: Type.String(),
  bytes: Type.Integer(),
  detail: Type.Optional(Type.String()),
  at: Time,
});

/** A page query with its defaults applied. */
export const paged = <T extends { limit?: number | undefined; offset?: number | undefined }>(q: T) => ({ ...q, limit: q.limit ?? 50, offset: q.offset ?? 0 });

export const Page = <T extends ReturnType<typeof Type.Object>>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });
