import { decodeEvidenceLeaf, EvidenceFormatError } from '../../core/ledger/evidence-entry.js';
import { leafHash } from '../../core/ledger/merkle-hash.js';
import { DomainError } from '../../core/errors/index.js';
import type { App } from '../../server/build-server.js';
import { principalOf } from '../../server/access-control.js';
import type { LedgerStore } from '../../store/ledger/ledger-store.js';
import { grants } from '../accounts/account-roles.js';
import type { LedgerSequencer } from './ledger-sequencer.js';
import { AppendResponse, RelayRequest } from './ledger-schemas.js';

/** A connector's clock may run ahead of ours by this much; entries further in the future are refused. */
const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/**
 * Evidence that connectors record (negotiations, agreements, transfers, accesses) joins the space's
 * ledger here. Each connector writes its entries in the transaction of its own state change, to
 * its outbox, and relays them: the operator checks each leaf is a well-formed entry whose actor is
 * the calling connector's DID, and appends it. A leaf already in the log (a relay retried after a
 * lost answer) gets its existing index, so retries never duplicate evidence.
 */
export function registerRelayRoutes(app: App, deps: { sequencer: LedgerSequencer; store: LedgerStore; now?: () => Date }): void {
  const now = deps.now ?? (() => new Date());
  app.post('/api/v1/ledger/evidence', {
    config: { access: [grants.connector] },
    schema: {
      tags: ['ledger'],
      summary: "Relay a connector's own evidence entries into the space's ledger; answers with each entry's index once committed",
      body: RelayRequest,
      response: { 201: AppendResponse },
    },
  }, async (request, reply) => {
    const caller = principalOf(request).actor;
    const latest = now().getTime() + MAX_CLOCK_AHEAD_MS;
    const leaves = request.body.leaves.map((text, i) => {
      const leaf = new Uint8Array(Buffer.from(text, 'base64'));
      let actor: string;
      let at: string;
      try {
        ({ actor, at } = decodeEvidenceLeaf(leaf));
      } catch (error) {
        if (error instanceof EvidenceFormatError) throw new DomainError('ledger.evidence-invalid', error.message, [{ pointer: `/leaves/${i}`, detail: error.message }]);
        throw error;
      }
      if (actor !== caller) throw new DomainError('auth.forbidden', `Entry ${i} is recorded by ${actor}; a connector relays only its own evidence.`);
      if (Date.parse(at) > latest) throw new DomainError('ledger.evidence-invalid', `Entry ${i} is dated in the future.`, [{ pointer: `/leaves/${i}`, detail: 'at is in the future' }]);
      return leaf;
    });
    const hashes = leaves.map((leaf) => leafHash(deps.sequencer.algorithm, leaf));
    const known = await deps.store.indexesOfLeafHashes(hashes);
    const keys = hashes.map((h) => Buffer.from(h).toString('hex'));
    const fresh: Uint8Array[] = [];
    const firstOf = new Map<string, number>();
    keys.forEach((key, i) => {
      if (known.has(key) || firstOf.has(key)) return;
      firstOf.set(key, fresh.length);
      fresh.push(leaves[i]!);
    });
    const appended = await deps.sequencer.appendLeaves(fresh);
    reply.code(201);
    return { indexes: keys.map((key) => known.get(key) ?? appended[firstOf.get(key)!]!) };
  });
}
