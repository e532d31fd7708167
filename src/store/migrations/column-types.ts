import type { DatabaseDialect } from '../database.js';

/** Column types that differ between the two databases. */
export function columnTypes(dialect: DatabaseDialect) {
  return {
    binary: dialect === 'postgres' ? ('bytea' as const) : ('blob' as const),
    bigint: dialect === 'postgres' ? ('bigint' as const) : ('integer' as const),
  };
}
