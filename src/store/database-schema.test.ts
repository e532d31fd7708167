import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-databases.js';
import { openDatabase } from './database.js';

describe('a node in its own PostgreSQL schema', () => {
  const made: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of made) await db.drop();
  });

  it('keeps two nodes that share one database apart, each migrated in its own schema', async () => {
    const server = await createTestDatabase('postgres');
    made.push(server);
    const operator = await openDatabase(server.url, { schema: 'tds_operator' });
    const connector = await openDatabase(server.url, { schema: 'tds_bank' });
    try {
      await operator.db.insertInto('evidence_outbox').values({ leaf: Buffer.from([1]), created_at: new Date().toISOString() }).execute();
      expect(await operator.db.selectFrom('evidence_outbox').select('id').execute()).toHaveLength(1);
      expect(await connector.db.selectFrom('evidence_outbox').select('id').execute()).toHaveLength(0);
      const schemas = await sql<{ table_schema: string }>`SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = 'ledger_leaf' ORDER BY 1`.execute(operator.db);
      expect(schemas.rows.map((r) => r.table_schema)).toEqual(['tds_bank', 'tds_operator']);
    } finally {
      await operator.close();
      await connector.close();
    }
    // Opening again finds the schema and its migrations done.
    const again = await openDatabase(server.url, { schema: 'tds_operator' });
    expect(await again.db.selectFrom('evidence_outbox').select('id').execute()).toHaveLength(1);
    await again.close();
  });

  it('refuses a schema for SQLite and a schema name that is not a plain identifier', async () => {
    const file = await createTestDatabase('sqlite');
    made.push(file);
    await expect(openDatabase(file.url, { schema: 'tds_operator' })).rejects.toThrow(/PostgreSQL only/);
    await expect(openDatabase('postgres://127.0.0.1:1/x', { schema: 'a; DROP SCHEMA public' })).rejects.toThrow(/lower-case letters/);
  });
});
