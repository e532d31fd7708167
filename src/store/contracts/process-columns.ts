import type { DeliveryTask } from '../../core/contracts/contract-records.js';

/** The columns negotiations and transfers share: the DSP process and its delivery outbox. */
export interface ProcessColumns {
  id: string;
  role: string;
  peer_pid: string | null;
  peer_did: string;
  peer_address: string;
  state: string | null;
  last_fingerprint: string | null;
  outbox: string | null;
  attempts: number;
  next_attempt_at: string | null;
  reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProcessFields<S extends string> {
  id: string;
  role: 'provider' | 'consumer';
  peerPid?: string;
  peerDid: string;
  peerAddress: string;
  state?: S;
  lastFingerprint?: string;
  outbox?: DeliveryTask;
  attempts: number;
  nextAttemptAt?: string;
  reason?: unknown;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export function processToColumns<S extends string>(r: ProcessFields<S>): ProcessColumns {
  return {
    id: r.id,
    role: r.role,
    peer_pid: r.peerPid ?? null,
    peer_did: r.peerDid,
    peer_address: r.peerAddress,
    state: r.state ?? null,
    last_fingerprint: r.lastFingerprint ?? null,
    outbox: json(r.outbox),
    attempts: r.attempts,
    next_attempt_at: r.nextAttemptAt ?? null,
    reason: json(r.reason),
    version: r.version,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

export function processFromColumns<S extends string>(row: ProcessColumns): ProcessFields<S> {
  return {
    id: row.id,
    role: row.role as 'provider' | 'consumer',
    ...(row.peer_pid ? { peerPid: row.peer_pid } : {}),
    peerDid: row.peer_did,
    peerAddress: row.peer_address,
    ...(row.state ? { state: row.state as S } : {}),
    ...(row.last_fingerprint ? { lastFingerprint: row.last_fingerprint } : {}),
    ...(row.outbox ? { outbox: JSON.parse(row.outbox) as DeliveryTask } : {}),
    attempts: row.attempts,
    ...(row.next_attempt_at ? { nextAttemptAt: row.next_attempt_at } : {}),
    ...(row.reason ? { reason: JSON.parse(row.reason) as unknown } : {}),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A page of a listing, most recently changed first. */
export interface PageQuery {
  role?: 'provider' | 'consumer';
  state?: string;
  limit: number;
  offset: number;
}
