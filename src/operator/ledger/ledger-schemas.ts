import { Type, type Static } from 'typebox';

const Base64Hash = Type.String({ description: 'A 32-byte hash, base64 (standard alphabet, padded)', pattern: '^[A-Za-z0-9+/]{43}=$' });
const Index = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const EvidenceEntrySchema = Type.Object(
  {
    type: Type.String({ description: 'What happened, e.g. participant.approved' }),
    subject: Type.String({ description: 'What it happened to (an id or URN)' }),
    actor: Type.String({ description: 'Who did it (a DID or account id)' }),
    at: Type.String({ description: 'When, RFC 3339 UTC' }),
    payload: Type.Unknown({ description: 'Details; null when larger than 4 KiB (see payloadHash)' }),
    payloadHash: Type.String({ description: '<algorithm>:<hex> of the canonical JSON of the full payload' }),
  },
  { description: 'An evidence entry: the leaf is its RFC 8785 canonical JSON' },
);

export const LedgerEntryBody = Type.Object({
  index: Index,
  leaf: Type.String({ description: 'The leaf bytes (RFC 8785 canonical JSON of the entry), base64' }),
  entry: Type.Union([EvidenceEntrySchema, Type.Null()], { description: 'The decoded entry; null if the stored bytes do not decode' }),
});

export const LedgerEntriesBody = Type.Object({
  size: Type.Integer({ description: 'The tree size when the page was read' }),
  from: Index,
  to: Type.Integer({ description: 'Exclusive end of this page; continue from here' }),
  entries: Type.Array(LedgerEntryBody),
});

export const ProofBody = Type.Object({
  hashes: Type.Array(Base64Hash, { description: 'RFC 9162 proof, deepest hash first' }),
});

export const IndexParams = Type.Object({ index: Index });
export const EntriesQuery = Type.Object({
  from: Type.Optional(Index),
  to: Type.Optional(Index),
});
export const InclusionQuery = Type.Object({ index: Index, size: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
export const ConsistencyQuery = Type.Object({ from: Index, to: Index });

const TextLine = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, pattern: '^[^\\u0000-\\u001f]+$', description });

export const AppendRequest = Type.Object(
  {
    entries: Type.Array(
      Type.Object(
        {
          type: Type.String({ pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$', maxLength: 128, description: 'Dotted event name, e.g. transfer.completed' }),
          subject: TextLine(512, 'What it happened to'),
          actor: TextLine(512, 'Who did it'),
          at: Type.Optional(Type.String({ format: 'date-time', description: 'When; defaults to the time of receipt' })),
          payload: Type.Unknown({ description: 'Any JSON value' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
export type AppendRequest = Static<typeof AppendRequest>;

export const AppendResponse = Type.Object({ indexes: Type.Array(Index) });

export const RelayRequest = Type.Object(
  {
    leaves: Type.Array(Type.String({ minLength: 4, maxLength: 12_000, pattern: '^[A-Za-z0-9+/]+={0,2}$', description: 'An evidence leaf (canonical JSON), base64' }), { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type RelayRequest = Static<typeof RelayRequest>;
