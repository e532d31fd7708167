import { createHmac } from 'node:crypto';
import type { AuditedQuery, GrantedView, QuerySetMemory } from '../../core/sandbox/index.js';
import type { Tx } from '../../store/database.js';
import type { ReleasedGroupStore } from '../../store/sandbox/released-group-store.js';
import { subjectFingerprint } from './subject-fingerprint.js';

/**
 * The connector's side of the query-set audit: what earlier jobs released under the agreement
 * granting a view (read before the query is judged), and the new job's groups (written with its
 * release). The fingerprint key derives from the sandbox key, apart from the desensitization keys.
 */
export class QuerySetAudit {
  private readonly fingerprint: (subject: string) => number;

  constructor(
    private readonly store: ReleasedGroupStore,
    key: Uint8Array,
    private readonly now: () => Date,
  ) {
    this.fingerprint = subjectFingerprint(createHmac('sha256', key).update('tds:query-set-audit').digest());
  }

  memory(jobId: string, views: readonly GrantedView[]): QuerySetMemory {
    const agreementOf = (view: string) => views.find((v) => v.name === view)?.agreementId ?? '';
    return { jobId, fingerprint: this.fingerprint, released: (view) => this.store.released(agreementOf(view), view) };
  }

  remember(tx: Tx, views: readonly GrantedView[], query: AuditedQuery): Promise<void> {
    const agreementId = views.find((v) => v.name === query.view)?.agreementId ?? '';
    return this.store.record(tx, agreementId, query, this.now().toISOString());
  }
}
