import { decodeEvidenceLeaf, EvidenceFormatError, type EvidenceEntry } from '../../core/ledger/evidence-entry.js';
import { leafHash } from '../../core/ledger/merkle-hash.js';
import { DomainError } from '../../core/errors/index.js';
import type { App } from '../../server/build-server.js';
import { principalOf } from '../../server/access-control.js';
import type { LedgerStore } from '../../store/ledger/ledger-store.js';
import { grants } from '../accounts/account-roles.js';
import type { LedgerSequencer } from './ledger-sequencer.js';
import { AppendResponse, RelayRequest } from './ledger-schemas.js';
import { admitRelayedEntry, defaultRelayAdmission, type RelayAdmissionDeps } from './relay-admission.js';
import { RelayQuota } from './relay-quota.js';

export interface RelayOptions {
  /** New entries one participant may relay per minute (1,200 by default; at least one relay batch of 500). */
  entriesPerMinute?: number;
  maxAheadMs?: number;
  maxBehindMs?: number;
}

/**
 * Evidence that connectors record (negotiations, agreements, transfers, accesses, sandbox jobs)
 * joins the space's ledger here. Each connector writes its entries in the transaction of its own
 * state change, to its outbox, and relays them. The operator appends only what it can vouch for
 * (relay-admission.ts, ADR 0013), within a per-participant quota. A leaf already in the log (a
 * relay retried after a lost answer) gets its existing index without being checked again, so
 * retries never duplicate evidence and never fail on an entry that has aged since.
 */
export function registerRelayRoutes(
  app: App,
  deps: { sequencer: LedgerSequencer; store: LedgerStore; resolveDidDocument: RelayAdmissionDeps['resolveDidDocument']; options?: RelayOptions; now?: () => Date },
): void {
  const now = deps.now ?? (() => new Date());
  const quota = new RelayQuota(Math.max(500, deps.options?.entriesPerMinute ?? 1200), 60_000);
  const admission: RelayAdmissionDeps = {
    maxAheadMs: deps.options?.maxAheadMs ?? defaultRelayAdmission.maxAheadMs,
    maxBehindMs: deps.options?.maxBehindMs ?? defaultRelayAdmission.maxBehindMs,
    resolveDidDocument: deps.resolveDidDocument,
  };
  app.post('/api/v1/ledger/evidence', {
    config: { access: [grants.connector] },
    schema: {
      tags: ['ledger'],
      summary: "Relay a connector's own evidence entries into the space's ledger; answers with each entry's index once committed",
      description:
        'Only the entry types of the relay registry (ADR 0013), each checked against its payload schema and author rule; ' +
        'agreement entries need both parties\' signatures; dated within the accepted window; no personal data outside ' +
        'declared fields, which hold salted commitments; at most the configured number of new entries per participant ' +
        'per minute (429 with Retry-After beyond it). A batch is accepted or refused whole.',
      body: RelayRequest,
      response: { 201: AppendResponse },
    },
  }, async (request, reply) => {
    const caller = principalOf(request).actor;
    const leaves = request.body.leaves.map((text) => new Uint8Array(Buffer.from(text, 'base64')));
    const entries: EvidenceEntry[] = leaves.map((leaf, i) => decodeRelayed(leaf, i));
    const hashes = leaves.map((leaf) => leafHash(deps.sequencer.algorithm, leaf));
    const known = await deps.store.indexesOfLeafHashes(hashes);
    const keys = hashes.map((h) => Buffer.from(h).toString('hex'));
    const fresh: Uint8Array[] = [];
    const firstOf = new Map<string, number>();
    const at = now();
    for (const [i, key] of keys.entries()) {
      if (known.has(key) || firstOf.has(key)) continue;
      await admitRelayedEntry(entries[i]!, i, caller, at, admission);
      firstOf.set(key, fresh.length);
      fresh.push(leaves[i]!);
    }
    const waitMs = quota.take(caller, fresh.length, at.getTime());
    if (waitMs > 0) {
      reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
      throw new DomainError('ledger.relay-quota-exceeded', `This participant may relay ${quota.limit} new entries per minute; try again in ${Math.ceil(waitMs / 1000)} s.`);
    }
    const appended = await deps.sequencer.appendLeaves(fresh);
    reply.code(201);
    return { indexes: keys.map((key) => known.get(key) ?? appended[firstOf.get(key)!]!) };
  });
}

function decodeRelayed(leaf: Uint8Array, i: number): EvidenceEntry {
  try {
    return decodeEvidenceLeaf(leaf);
  } catch (error) {
    if (!(error instanceof EvidenceFormatError)) throw error;
    const code = error.tooDeep ? 'request.too-deep' : 'ledger.evidence-invalid';
    throw new DomainError(code, `Entry ${i}: ${error.message}`, [{ pointer: `/leaves/${i}`, detail: error.message }]);
  }
}
