import type { AlgorithmDefinition } from '../../core/sandbox/algorithm-definition.js';
import type { Database, Tx } from '../database.js';
import { isUniqueViolation } from '../unique-violation.js';
import { DomainError } from '../../core/errors/index.js';

export interface RegisteredAlgorithm {
  definition: AlgorithmDefinition;
  status: 'approved' | 'retired';
  createdAt: string;
}

/** Registered algorithms (登记算法): versions never change once registered; a new version is a new row. */
export class SandboxAlgorithmStore {
  constructor(private readonly database: Database) {}

  /** Registers a version in the caller's transaction (with its ledger entry); a version already there is `sandbox.algorithm-exists`. */
  async register(tx: Tx, definition: AlgorithmDefinition, at: string): Promise<void> {
    try {
      await tx
        .insertInto('sandbox_algorithm')
        .values({ name: definition.name, version: definition.version, definition: JSON.stringify(definition), status: 'approved', created_at: at })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('sandbox.algorithm-exists', `${definition.name} version ${definition.version} is registered already; register a new version.`);
      throw error;
    }
  }

  /** The given version, or the newest approved one. */
  async find(name: string, version?: number): Promise<RegisteredAlgorithm | undefined> {
    let q = this.database.db.selectFrom('sandbox_algorithm').selectAll().where('name', '=', name);
    q = version === undefined ? q.where('status', '=', 'approved') : q.where('version', '=', version);
    const row = await q.orderBy('version', 'desc').executeTakeFirst();
    return row ? { definition: JSON.parse(row.definition) as AlgorithmDefinition, status: row.status as RegisteredAlgorithm['status'], createdAt: row.created_at } : undefined;
  }

  async list(): Promise<RegisteredAlgorithm[]> {
    const rows = await this.database.db.selectFrom('sandbox_algorithm').selectAll().orderBy('name').orderBy('version', 'desc').execute();
    return rows.map((row) => ({ definition: JSON.parse(row.definition) as AlgorithmDefinition, status: row.status as RegisteredAlgorithm['status'], createdAt: row.created_at }));
  }
}
