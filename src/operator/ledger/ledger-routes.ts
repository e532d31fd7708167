import type { App } from '../../server/build-server.js';
import { DomainError } from '../../core/errors/index.js';
import type { LedgerReader, LedgerEntryView } from './ledger-reader.js';
import type { LedgerSequencer } from './ledger-sequencer.js';
import {
  AppendRequest,
  AppendResponse,
  ConsistencyQuery,
  EntriesQuery,
  InclusionQuery,
  IndexParams,
  LedgerEntriesBody,
  LedgerEntryBody,
  ProofBody,
} from './ledger-schemas.js';

export interface LedgerRouteDeps {
  reader: LedgerReader;
  sequencer: LedgerSequencer;
  verifierKey: string;
}

/** Evidence times are stored as UTC with milliseconds, whatever offset the client used. */
function normalizeTime(value: string, pointer: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) {
    throw new DomainError('ledger.evidence-invalid', 'The time cannot be represented.', [{ pointer, detail: 'not a representable date-time' }]);
  }
  return time.toISOString();
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const entryBody = (e: LedgerEntryView) => ({ index: e.index, leaf: b64(e.leaf), entry: e.entry });
const tags = ['ledger'];

/**
 * The evidence ledger's HTTP API. Reads are public: anyone may verify the space's log without
 * an account. Appends are internal: operator admins only.
 */
export function registerLedgerRoutes(app: App, deps: LedgerRouteDeps): void {
  const { reader, sequencer } = deps;

  app.get('/ledger/checkpoint', {
    config: { access: 'public' },
    schema: { tags, summary: 'Latest signed checkpoint (C2SP tlog-checkpoint in a signed note)', produces: ['text/plain'], response: { 200: { type: 'string' } } },
  }, async (_request, reply) => {
    const head = await reader.head();
    reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache');
    return head.checkpoint;
  });

  app.get('/ledger/verifier-key', {
    config: { access: 'public' },
    schema: { tags, summary: 'The note verifier key of the checkpoint signer', produces: ['text/plain'], response: { 200: { type: 'string' } } },
  }, async (_request, reply) => {
    reply.type('text/plain; charset=utf-8');
    return `${deps.verifierKey}\n`;
  });

  app.get('/ledger/entries/:index', {
    config: { access: 'public' },
    schema: { tags, summary: 'One entry by index', params: IndexParams, response: { 200: LedgerEntryBody } },
  }, async (request, reply) => {
    const entry = await reader.entry(request.params.index);
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    return entryBody(entry);
  });

  app.get('/ledger/entries', {
    config: { access: 'public' },
    schema: { tags, summary: 'A page of entries [from, to), at most 1000', querystring: EntriesQuery, response: { 200: LedgerEntriesBody } },
  }, async (request) => {
    const page = await reader.entries(request.query.from ?? 0, request.query.to);
    return { ...page, entries: page.entries.map(entryBody) };
  });

  app.get('/ledger/proof/inclusion', {
    config: { access: 'public' },
    schema: { tags, summary: 'RFC 9162 inclusion proof of entry `index` in the tree of `size`', querystring: InclusionQuery, response: { 200: ProofBody } },
  }, async (request) => ({
    hashes: (await reader.inclusionProof(request.query.index, request.query.size)).map(b64),
  }));

  app.get('/ledger/proof/consistency', {
    config: { access: 'public' },
    schema: { tags, summary: 'RFC 9162 consistency proof between tree sizes `from` and `to`', querystring: ConsistencyQuery, response: { 200: ProofBody } },
  }, async (request) => ({
    hashes: (await reader.consistencyProof(request.query.from, request.query.to)).map(b64),
  }));

  app.post('/ledger/entries', {
    config: { access: ['operator:admin'] },
    schema: {
      tags,
      summary: 'Append evidence entries (internal); answers once they are committed',
      body: AppendRequest,
      response: { 201: AppendResponse },
    },
  }, async (request, reply) => {
    const received = new Date().toISOString();
    const indexes = await sequencer.append(
      request.body.entries.map((e, i) => ({
        type: e.type,
        subject: e.subject,
        actor: e.actor,
        at: e.at === undefined ? received : normalizeTime(e.at, `/entries/${i}/at`),
        payload: e.payload ?? null,
      })),
    );
    reply.code(201);
    return { indexes };
  });
}
