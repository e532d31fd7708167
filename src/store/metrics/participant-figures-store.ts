import type { Database } from '../database.js';

/** Participants by status and role, and who a ledger actor acts for. */
export class ParticipantFiguresStore {
  constructor(private readonly database: Database) {}

  /** Participants per (status, roles): the roles as stored (a JSON array), expanded by the caller. */
  async countsByStatusAndRoles(): Promise<Array<{ status: string; roles: string[]; count: number }>> {
    const rows = await this.database.db.selectFrom('participant').select(['status', 'roles', (eb) => eb.fn.countAll().as('count')]).groupBy(['status', 'roles']).execute();
    return rows.map((r) => ({ status: r.status, roles: JSON.parse(r.roles) as string[], count: Number(r.count) }));
  }

  /** Every participant, for the per-participant export. */
  async all(): Promise<Array<{ id: string; name: string; roles: string[]; status: string }>> {
    const rows = await this.database.db.selectFrom('participant').select(['id', 'name', 'roles', 'status']).orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, roles: JSON.parse(r.roles) as string[], status: r.status }));
  }

  async names(ids: string[]): Promise<Map<string, { name: string; roles: string[] }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.database.db.selectFrom('participant').select(['id', 'name', 'roles']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { name: r.name, roles: JSON.parse(r.roles) as string[] }]));
  }

  /** The participant each user or API key acts for; absent for the operator's own staff and keys. */
  async participantsOf(userIds: string[], apiKeyIds: string[]): Promise<{ users: Map<string, string>; apiKeys: Map<string, string> }> {
    const users = new Map<string, string>();
    const apiKeys = new Map<string, string>();
    if (userIds.length > 0) {
      for (const r of await this.database.db.selectFrom('user_account').select(['id', 'participant_id']).where('id', 'in', userIds).execute()) if (r.participant_id) users.set(r.id, r.participant_id);
    }
    if (apiKeyIds.length > 0) {
      for (const r of await this.database.db.selectFrom('api_key').select(['id', 'participant_id']).where('id', 'in', apiKeyIds).execute()) if (r.participant_id) apiKeys.set(r.id, r.participant_id);
    }
    return { users, apiKeys };
  }
}
