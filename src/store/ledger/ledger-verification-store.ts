import type { Database } from '../database.js';

/** The size and root at which the node last recomputed its own log and found it intact. */
export interface VerifiedCheckpoint {
  size: number;
  rootHash: Uint8Array;
  at: string;
}

/** Persists the self-verification's progress, so a restart verifies only what was added since. */
export class LedgerVerificationStore {
  constructor(private readonly database: Database) {}

  /** The last verified checkpoint; undefined before the first verification. */
  async read(): Promise<VerifiedCheckpoint | undefined> {
    const row = await this.database.db.selectFrom('ledger_verification').select(['verified_size', 'root_hash', 'verified_at']).where('id', '=', 1).executeTakeFirst();
    return row ? { size: Number(row.verified_size), rootHash: new Uint8Array(row.root_hash), at: row.verified_at } : undefined;
  }

  async save(checkpoint: VerifiedCheckpoint): Promise<void> {
    const values = { verified_size: checkpoint.size, root_hash: Buffer.from(checkpoint.rootHash), verified_at: checkpoint.at };
    await this.database.db
      .insertInto('ledger_verification')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }
}
