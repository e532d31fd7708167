import type { Generated } from 'kysely';

/**
 * Table shapes, shared by SQLite and PostgreSQL. Binary columns are Buffers on both drivers;
 * 64-bit integers are parsed to JS numbers (safe to 2^53, far beyond any ledger size).
 * Times are RFC 3339 UTC strings with milliseconds, so they sort and compare the same on both.
 */
export interface LedgerTreeTable {
  id: number;
  algorithm: string;
  size: number;
  root_hash: Buffer;
  checkpoint: string | null;
  updated_at: string;
}

/** A leaf with its RFC 6962 leaf hash, the tree's level-0 node. */
export interface LedgerLeafTable {
  idx: number;
  leaf: Buffer;
  leaf_hash: Buffer;
  integrated_at: string;
}

/** Interior perfect-subtree hashes (level ≥ 1) keyed by in-order position (ledger-node-position.ts). */
export interface LedgerNodeTable {
  position: number;
  hash: Buffer;
}

export interface EvidenceOutboxTable {
  id: Generated<number>;
  leaf: Buffer;
  created_at: string;
}

export interface Schema {
  ledger_tree: LedgerTreeTable;
  ledger_leaf: LedgerLeafTable;
  ledger_node: LedgerNodeTable;
  evidence_outbox: EvidenceOutboxTable;
}
