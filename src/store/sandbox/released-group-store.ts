import type { AuditedQuery, GroupMembers } from '../../core/sandbox/query-set-audit.js';
import type { Database, Tx } from '../database.js';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

function pack(group: GroupMembers): Uint8Array {
  const out = Buffer.alloc(group.rows.length * 8);
  group.rows.forEach((r, i) => out.writeUInt32LE(r, i * 4));
  group.subjects.forEach((s, i) => out.writeUInt32LE(s, (group.rows.length + i) * 4));
  return out;
}

function unpack(bytes: Uint8Array, count: number): GroupMembers {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows = new Uint32Array(count);
  const subjects = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    rows[i] = buffer.readUInt32LE(i * 4);
    subjects[i] = buffer.readUInt32LE((count + i) * 4);
  }
  return { rows, subjects };
}

/**
 * The query-set audit's memory (query-set-audit.ts): the groups each job released under an
 * agreement, per view. Written in the transaction that releases (or holds) the result, so a
 * result is never out without its groups remembered; never updated.
 */
export class ReleasedGroupStore {
  constructor(private readonly database: Database) {}

  async record(tx: Tx, agreementId: string, query: AuditedQuery, at: string): Promise<void> {
    const rows = query.groups.map((g, i) => ({ agreement_id: agreementId, view_name: query.view, job_id: query.jobId, group_index: i, row_count: g.rows.length, members: pack(g), created_at: at }));
    for (let i = 0; i < rows.length; i += BATCH) await tx.insertInto('sandbox_released_group').values(rows.slice(i, i + BATCH)).onConflict((oc) => oc.doNothing()).execute();
  }

  /** Every query released under `agreementId` over `view`, oldest first, each with its groups in order. */
  async released(agreementId: string, view: string, tx?: Tx): Promise<AuditedQuery[]> {
    const rows = await (tx ?? this.database.db)
      .selectFrom('sandbox_released_group')
      .select(['job_id', 'group_index', 'row_count', 'members'])
      .where('agreement_id', '=', agreementId)
      .where('view_name', '=', view)
      .orderBy('created_at')
      .orderBy('job_id')
      .orderBy('group_index')
      .execute();
    const queries = new Map<string, AuditedQuery>();
    for (const row of rows) {
      const query = queries.get(row.job_id) ?? queries.set(row.job_id, { jobId: row.job_id, view, groups: [] }).get(row.job_id)!;
      query.groups.push(unpack(row.members, Number(row.row_count)));
    }
    return [...queries.values()];
  }
}
