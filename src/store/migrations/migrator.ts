import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseDialect } from '../database.js';
import * as m0001 from './0001-evidence-ledger.js';
import * as m0002 from './0002-admission-identity.js';
import * as m0003 from './0003-catalog-assets.js';
import * as m0004 from './0004-contracts.js';
import * as m0005 from './0005-sandbox.js';
import * as m0006 from './0006-dashboard-metrics.js';
import * as m0007 from './0007-access-throttling.js';
import * as m0008 from './0008-ledger-trust.js';
import * as m0009 from './0009-sandbox-query-set-audit.js';
import * as m0010 from './0010-sandbox-entity-authorization.js';
import * as m0011 from './0011-processing-location.js';

interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void>;
}

/** Migrations are code, listed here in order; names never change once released. */
const migrations: Record<string, DialectMigration> = {
  '0001-evidence-ledger': m0001,
  '0002-admission-identity': m0002,
  '0003-catalog-assets': m0003,
  '0004-contracts': m0004,
  '0005-sandbox': m0005,
  '0006-dashboard-metrics': m0006,
  '0007-access-throttling': m0007,
  '0008-ledger-trust': m0008,
  '0009-sandbox-query-set-audit': m0009,
  '0010-sandbox-entity-authorization': m0010,
  '0011-processing-location': m0011,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: DatabaseDialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [
        name,
        { up: (db: Kysely<unknown>) => m.up(db, this.dialect) },
      ]),
    );
  }
}

/**
 * `schema`: the node's own PostgreSQL schema. Kysely looks for its bookkeeping tables in every
 * schema unless told which, and would take another node's for its own.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, dialect: DatabaseDialect, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}
