import type { Database } from '../database.js';

// Ids per IN list: far under SQLite's 32,766 bound parameters, however many participants a space has.
const IDS_PER_QUERY = 1000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IDS_PER_QUERY) out.push(items.slice(i, i + IDS_PER_QUERY));
  return out;
}

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
    const found = new Map<string, { name: string; roles: string[] }>();
    for (const part of chunks(ids)) {
      for (const r of await this.database.db.selectFrom('participant').select(['id', 'name', 'roles']).where('id', 'in', part).execute()) found.set(r.id, { name: r.name, roles: JSON.parse(r.roles) as string[] });
    }
    return found;
  }

  /** The participant each user or API key acts for; absent for the operator's own staff and keys. */
  async participantsOf(userIds: string[], apiKeyIds: string[]): Promise<{ users: Map<string, string>; apiKeys: Map<string, string> }> {
    const users = new Map<string, string>();
    const apiKeys = new Map<string, string>();
    for (const part of chunks(userIds)) {
      for (const r of await this.database.db.selectFrom('user_account').select(['id', 'participant_id']).where('id', 'in', part).execute()) if (r.participant_id) users.set(r.id, r.participant_id);
    }
    for (const part of chunks(apiKeyIds)) {
      for (const r of await this.database.db.selectFrom('api_key').select(['id', 'participant_id']).where('id', 'in', part).execute()) if (r.participant_id) apiKeys.set(r.id, r.participant_id);
    }
    return { users, apiKeys };
  }
}
