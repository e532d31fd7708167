import { DomainError } from '../../core/errors/index.js';
import type { AlgorithmDefinition } from '../../core/sandbox/algorithm-definition.js';
import { isNode } from '../../core/sandbox/sql-ast.js';
import type { SandboxAlgorithmStore } from '../../store/sandbox/sandbox-algorithm-store.js';
import type { SandboxEngine } from './sandbox-engine.js';

/**
 * Registration of algorithms by the provider: the SQL must parse as exactly one SELECT (DuckDB's
 * own parser), parameters must be named, and a registered version never changes.
 */
export class AlgorithmRegistry {
  constructor(
    private readonly store: SandboxAlgorithmStore,
    private readonly engine: SandboxEngine,
    private readonly now: () => Date,
  ) {}

  async register(definition: AlgorithmDefinition) {
    const tree = await this.engine.parse(definition.sql);
    const ok = isNode(tree) && tree.error !== true && Array.isArray(tree.statements) && tree.statements.length === 1;
    if (!ok) {
      const detail = isNode(tree) && typeof tree.error_message === 'string' ? tree.error_message : 'it is not exactly one SELECT';
      throw new DomainError('request.invalid', `The algorithm's SQL is not accepted: ${detail}`, [{ pointer: '/sql', detail }]);
    }
    await this.store.register(definition, this.now().toISOString());
    return { ...definition, status: 'approved' };
  }

  async list() {
    return (await this.store.list()).map((a) => ({ ...a.definition, status: a.status }));
  }
}
