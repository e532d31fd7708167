import type { EvidenceEntry } from '../ledger/evidence-entry.js';
import { dayOf, splitByDay } from './metrics-day.js';
import { finalJobStates, type ProjectedAgreement, type ProjectedSandboxJob, type ProjectedTransfer } from './projected-process.js';

/** The process an entry is about, if it is about one the dashboard counts. */
export type ProcessKey = { kind: 'agreement' | 'transfer' | 'job'; id: string };

type Payload = Record<string, unknown>;
const payloadOf = (entry: EvidenceEntry): Payload => (typeof entry.payload === 'object' && entry.payload !== null && !Array.isArray(entry.payload) ? (entry.payload as Payload) : {});
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const earlier = (a: string | null, b: string): string => (a !== null && a <= b ? a : b);

/** Negotiation entries that name the agreement (its dataset and parties, even when the agreement's own entry is too large to inline). */
const AGREEMENT_HINTS = new Set(['agreement.signed', 'negotiation.agreed', 'negotiation.verified', 'negotiation.finalized']);

/** A sandbox job's state after each of its events, where the payload does not say. */
const JOB_STATE_OF: Record<string, string> = {
  'sandbox.job.submitted': 'queued',
  'sandbox.job.started': 'running',
  'sandbox.job.requeued': 'queued',
  'sandbox.job.refused': 'refused',
  'sandbox.job.failed': 'failed',
  'sandbox.job.cancelled': 'cancelled',
  'sandbox.result.held': 'awaiting_review',
  'sandbox.result.released': 'succeeded',
  'sandbox.result.rejected': 'refused',
};

const isJobEvent = (type: string) => type.startsWith('sandbox.job.') || type.startsWith('sandbox.result.') || type === 'sandbox.budget.charged';

/**
 * Which process an entry is about. Both connectors of a process record its steps, so the key is
 * the identifier both sides name: the agreement id, the consumer's transfer process id, the
 * provider's job id.
 */
export function processKeyOf(entry: EvidenceEntry): ProcessKey | undefined {
  const p = payloadOf(entry);
  if (entry.type === 'agreement.finalized' || entry.type === 'agreement.revoked') return { kind: 'agreement', id: entry.subject };
  if (AGREEMENT_HINTS.has(entry.type)) {
    const id = text(p.agreementId);
    return id ? { kind: 'agreement', id } : undefined;
  }
  if (entry.type.startsWith('transfer.')) return { kind: 'transfer', id: text(p.consumerPid) ?? entry.subject };
  if (isJobEvent(entry.type)) return { kind: 'job', id: entry.subject };
  return undefined;
}

/** Provider and consumer DIDs from an entry of one side: the recording side is `role`, its peer the other. */
function parties(entry: EvidenceEntry, p: Payload): { provider: string | null; consumer: string | null } {
  const peer = text(p.peer);
  if (p.role === 'provider') return { provider: entry.actor, consumer: peer };
  if (p.role === 'consumer') return { provider: peer, consumer: entry.actor };
  return { provider: null, consumer: null };
}

export function foldAgreement(current: ProjectedAgreement | undefined, entry: EvidenceEntry, id: string): ProjectedAgreement {
  const p = payloadOf(entry);
  const side = parties(entry, p);
  const next: ProjectedAgreement = current ?? { id, datasetId: null, providerDid: null, consumerDid: null, finalizedAt: null, revokedAt: null };
  return {
    ...next,
    datasetId: next.datasetId ?? text(p.dataset),
    providerDid: next.providerDid ?? text(p.provider) ?? side.provider,
    consumerDid: next.consumerDid ?? text(p.consumer) ?? side.consumer,
    ...(entry.type === 'agreement.finalized' ? { finalizedAt: earlier(next.finalizedAt, entry.at) } : {}),
    ...(entry.type === 'agreement.revoked' ? { revokedAt: earlier(next.revokedAt, entry.at) } : {}),
  };
}

export function foldTransfer(current: ProjectedTransfer | undefined, entry: EvidenceEntry, id: string): ProjectedTransfer {
  const p = payloadOf(entry);
  const side = parties(entry, p);
  const next: ProjectedTransfer = current ?? { id, agreementId: null, providerDid: null, consumerDid: null, requestedAt: entry.at, startedAt: null, completedAt: null, terminatedAt: null, state: null, stateAt: entry.at };
  const state = text(p.state);
  const later = state !== null && (next.state === null || entry.at >= next.stateAt);
  return {
    ...next,
    agreementId: next.agreementId ?? text(p.agreement),
    providerDid: next.providerDid ?? side.provider,
    consumerDid: next.consumerDid ?? side.consumer,
    requestedAt: earlier(next.requestedAt, entry.at),
    ...(entry.type === 'transfer.started' ? { startedAt: earlier(next.startedAt, entry.at) } : {}),
    ...(entry.type === 'transfer.completed' ? { completedAt: earlier(next.completedAt, entry.at) } : {}),
    ...(entry.type === 'transfer.terminated' ? { terminatedAt: earlier(next.terminatedAt, entry.at) } : {}),
    ...(later ? { state, stateAt: entry.at } : {}),
  };
}

/**
 * Folds one entry into a job. Running time comes from the runner's entries (one connector, in
 * order): a run starts with an entry leaving the job `running` and ends with the next entry that
 * does not; `runtime` receives that run's milliseconds per day.
 */
export function foldSandboxJob(current: ProjectedSandboxJob | undefined, entry: EvidenceEntry, id: string, runtime: (day: string, ms: number) => void): ProjectedSandboxJob {
  const p = payloadOf(entry);
  const next: ProjectedSandboxJob = current ?? { id, agreementId: null, providerDid: null, consumerDid: null, submittedAt: entry.at, state: null, stateAt: entry.at, runningSince: null, runMs: 0, finishedAt: null };
  const requested = entry.type === 'sandbox.job.requested';
  const folded: ProjectedSandboxJob = {
    ...next,
    agreementId: next.agreementId ?? text(p.agreement),
    providerDid: next.providerDid ?? (requested ? text(p.provider) : entry.actor),
    consumerDid: next.consumerDid ?? (requested ? entry.actor : text(p.consumer)),
    submittedAt: earlier(next.submittedAt, entry.at),
  };
  // The consumer's own entry says nothing of the job's state; the provider's entries do.
  const state = requested ? null : (text(p.state) ?? JOB_STATE_OF[entry.type] ?? null);
  if (state === null) return folded;
  if (state === 'running' && folded.runningSince === null) folded.runningSince = entry.at;
  if (state !== 'running' && folded.runningSince !== null) {
    const start = Date.parse(folded.runningSince);
    const end = Math.max(start, Date.parse(entry.at));
    for (const part of splitByDay(start, end)) runtime(part.day, part.ms);
    folded.runMs += end - start;
    folded.runningSince = null;
  }
  if (folded.state === null || entry.at >= folded.stateAt) {
    folded.state = state;
    folded.stateAt = entry.at;
  }
  if ((finalJobStates as readonly string[]).includes(state)) folded.finishedAt = earlier(folded.finishedAt, entry.at);
  return folded;
}

/** What a batch of entries adds to the projection: counters to add, and the processes it changed. */
export interface ProjectionDelta {
  /** Entries per `day \u0000 type \u0000 actor`. */
  activity: Map<string, number>;
  /** Sandbox running milliseconds per day. */
  runtime: Map<string, number>;
  agreements: Map<string, ProjectedAgreement>;
  transfers: Map<string, ProjectedTransfer>;
  jobs: Map<string, ProjectedSandboxJob>;
}

export const activityKey = (day: string, type: string, actor: string) => `${day}\u0000${type}\u0000${actor}`;

/**
 * Folds entries, in ledger order, onto the stored state of the processes they touch (`loaded`,
 * keyed as processKeyOf names them). Pure: the same entries on the same state give the same delta.
 */
export function projectEntries(
  entries: readonly EvidenceEntry[],
  loaded: { agreements: Map<string, ProjectedAgreement>; transfers: Map<string, ProjectedTransfer>; jobs: Map<string, ProjectedSandboxJob> },
): ProjectionDelta {
  const delta: ProjectionDelta = { activity: new Map(), runtime: new Map(), agreements: new Map(), transfers: new Map(), jobs: new Map() };
  const addRuntime = (day: string, ms: number) => delta.runtime.set(day, (delta.runtime.get(day) ?? 0) + ms);
  for (const entry of entries) {
    const key = activityKey(dayOf(entry.at), entry.type, entry.actor);
    delta.activity.set(key, (delta.activity.get(key) ?? 0) + 1);
    const process = processKeyOf(entry);
    if (!process) continue;
    if (process.kind === 'agreement') {
      const folded = foldAgreement(delta.agreements.get(process.id) ?? loaded.agreements.get(process.id), entry, process.id);
      delta.agreements.set(process.id, folded);
    } else if (process.kind === 'transfer') {
      delta.transfers.set(process.id, foldTransfer(delta.transfers.get(process.id) ?? loaded.transfers.get(process.id), entry, process.id));
    } else {
      delta.jobs.set(process.id, foldSandboxJob(delta.jobs.get(process.id) ?? loaded.jobs.get(process.id), entry, process.id, addRuntime));
    }
  }
  return delta;
}
