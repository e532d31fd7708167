import { createHash } from 'node:crypto';
import { DomainError } from '../../core/errors/index.js';
import type { ContractContext } from '../dsp/contract-context.js';
import type { AlgorithmDefinition } from '../../core/sandbox/algorithm-definition.js';
import { isNode } from '../../core/sandbox/sql-ast.js';
import type { SandboxAlgorithmStore } from '../../store/sandbox/sandbox-algorithm-store.js';
import type { SandboxEngine } from './sandbox-engine.js';

/**
 * Registration of algorithms by the provider: the SQL must parse as exactly one SELECT (DuckDB's
 * own parser), parameters must be named, and a registered version never changes. Registering is
 * on the ledger (with the SQL's digest), in the transaction that stores it.
 */
export class AlgorithmRegistry {
  constructor(
    private readonly store: SandboxAlgorithmStore,
    private readonly engine: SandboxEngine,
    private readonly ctx: Pick<ContractContext, 'database' | 'evidence' | 'identity' | 'now'>,
  ) {}

  async register(definition: AlgorithmDefinition) {
    const tree = await this.engine.parse(definition.sql);
    const ok = isNode(tree) && tree.error !== true && Array.isArray(tree.statements) && tree.statements.length === 1;
    if (!ok) {
      const detail = isNode(tree) && typeof tree.error_message === 'string' ? tree.error_message : 'it is not exactly one SELECT';
      throw new DomainError('request.invalid', `The algorithm's SQL is not accepted: ${detail}`, [{ pointer: '/sql', detail }]);
    }
    const entities = definition.entities;
    if (entities && !definition.parameters.some((p) => p.name === entities.parameter && p.type === 'string')) {
      const detail = `entities.parameter ${entities.parameter} is not one of its string parameters`;
      throw new DomainError('request.invalid', `The algorithm is not accepted: ${detail}`, [{ pointer: '/entities/parameter', detail }]);
    }
    const actor = (await this.ctx.identity.identity()).did;
    await this.ctx.database.transaction(async (tx) => {
      await this.store.register(tx, definition, this.ctx.now().toISOString());
      await this.ctx.evidence.record(tx, {
        type: 'sandbox.algorithm.registered',
        subject: `${definition.name}@${definition.version}`,
        actor,
        payload: { name: definition.name, version: definition.version, sqlSha256: createHash('sha256').update(definition.sql).digest('hex'), release: definition.release, parameters: definition.parameters.map((p) => p.name), ...(entities ? { entities } : {}) },
      });
    });
    return { ...definition, status: 'approved' };
  }

  async list() {
    return (await this.store.list()).map((a) => ({ ...a.definition, status: a.status }));
  }
}
