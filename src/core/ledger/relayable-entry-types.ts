import { Type, type TSchema } from 'typebox';

/**
 * Who may author an entry of a type a connector relays:
 * - `recorder`: the calling connector records its own step (actor = caller);
 * - `agreement-party`: as `recorder`, and the caller is the provider or the consumer the payload
 *   names, and both parties' agreement signatures verify against the agreement's id and hash.
 */
export type AuthorRule = 'recorder' | 'agreement-party';

export interface RelayableEntryType {
  /** JSON Schema of the payload. Process steps allow extra members (screened for personal data). */
  payload: TSchema;
  author: AuthorRule;
  /**
   * Top-level payload members that may hold personal data (free text a person typed): the
   * recorder stores a salted commitment in their place, never the text.
   */
  personalFields: readonly string[];
}

const Text = Type.String({ maxLength: 2048 });
const Id = Type.String({ minLength: 1, maxLength: 512 });
const NullableId = Type.Union([Id, Type.Null()]);
const Side = Type.Union([Type.Literal('provider'), Type.Literal('consumer')]);
const Hash = Type.String({ pattern: '^[a-z0-9]+:[0-9a-f]{64}$' });
const Jws = Type.String({ pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$', maxLength: 8192 });

/** A step of a DSP process recorded by one side: which side, and the process identifiers. */
const processStep = (extra: Record<string, TSchema> = {}) =>
  Type.Object({ role: Side, peer: Type.Optional(NullableId), state: Type.Optional(Type.Union([Text, Type.Null()])), ...extra }, { additionalProperties: true });
/** An event about an agreement, a job or a data flow, recorded by the side that saw it. */
const event = (required: Record<string, TSchema>) => Type.Object(required, { additionalProperties: true });

const negotiationSteps = ['requesting', 'requested', 'offered', 'accepting', 'accepted', 'agreed', 'verified', 'finalizing', 'finalized', 'terminating', 'terminated', 'refusing'];
const transferSteps = ['requesting', 'requested', 'starting', 'started', 'suspending', 'suspended', 'resuming', 'completing', 'completed', 'terminating', 'terminated', 'refusing', 'token-issued'];
const jobEvents = ['sandbox.job.submitted', 'sandbox.job.started', 'sandbox.job.requeued', 'sandbox.job.refused', 'sandbox.job.failed', 'sandbox.job.cancelled', 'sandbox.budget.charged', 'sandbox.result.held', 'sandbox.result.released', 'sandbox.result.rejected'];

const recorded = (payload: TSchema, personalFields: readonly string[] = []): RelayableEntryType => ({ payload, author: 'recorder', personalFields });

/** The agreement's finalisation: the entry the dashboard counts as a concluded agreement. */
export const AgreementFinalizedPayload = Type.Object(
  {
    negotiation: Id,
    role: Side,
    provider: Id,
    consumer: Id,
    dataset: Id,
    hash: Hash,
    providerSignature: Jws,
    consumerSignature: Jws,
  },
  { additionalProperties: false },
);

/**
 * The closed registry of entry types a connector may relay into the space's ledger, each with
 * its payload schema, its author rule and its personal fields. Everything else the ledger holds
 * (admission, identity, accounts, catalog, trust) is written by the operator itself and is never
 * relayable: a member cannot write `participant.approved`.
 */
export const relayableEntryTypes: Readonly<Record<string, RelayableEntryType>> = Object.freeze({
  ...Object.fromEntries(negotiationSteps.map((s) => [`negotiation.${s}`, recorded(processStep(), ['reason', 'reasons'])])),
  ...Object.fromEntries(transferSteps.map((s) => [`transfer.${s}`, recorded(processStep({ agreement: Type.Optional(NullableId) }), ['reason', 'reasons'])])),
  'agreement.signed': recorded(event({ agreementId: Id, hash: Hash, role: Side })),
  'agreement.finalized': { payload: AgreementFinalizedPayload, author: 'agreement-party', personalFields: [] },
  'agreement.revoked': recorded(event({ consumer: Id, hash: Hash }), ['reason']),
  'dataplane.access': recorded(event({ transfer: Id, consumer: Id }), ['detail']),
  'dataplane.refused': recorded(event({ transfer: Id, consumer: Id }), ['reasons']),
  'dataplane.delivered': recorded(event({ transfer: Id, consumer: Id })),
  'dataplane.interrupted': recorded(event({ transfer: Id, consumer: Id })),
  'data.received': recorded(event({ transfer: Id, provider: Id, dataset: Id })),
  'duty.performed': recorded(event({ duty: Text, action: Text }), ['note']),
  'duty.reported': recorded(event({ consumer: Id, action: Text }), ['note']),
  'sandbox.algorithm.registered': recorded(event({ name: Id, version: Type.Integer({ minimum: 1 }) })),
  'sandbox.job.requested': recorded(event({ agreement: Id, provider: Id })),
  ...Object.fromEntries(jobEvents.map((t) => [t, recorded(event({ agreement: Id }), ['reason'])])),
});

/** The rule for a type, or undefined when a connector may not relay it. */
export function relayRuleOf(type: string): RelayableEntryType | undefined {
  return Object.hasOwn(relayableEntryTypes, type) ? relayableEntryTypes[type] : undefined;
}
