import type { ProcessReason } from '../../api/contract-types';

/** What a process's `reason` says, sorted for display. */
export interface ReasonParts {
  /** The DSP termination code (`policy-not-met`, `offer-changed`, …). */
  code?: string;
  /** The peer's reasons, as it wrote them (the provider writes one in Chinese, one in English). */
  reasons: string[];
  /** A delivery that failed; `gaveUp` when no retry follows. */
  lastError?: string;
  gaveUp?: boolean;
  /** The peer refused a message: which one, with which HTTP status. */
  refused?: { message: string; status: number };
  /** Anything else, shown as JSON. */
  other?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function reasonParts(reason: ProcessReason): ReasonParts | undefined {
  if (reason === undefined || reason === null) return undefined;
  if (typeof reason === 'string') return { reasons: [reason] };
  if (Array.isArray(reason)) return { reasons: reason.map(text) };
  if (typeof reason !== 'object') return { reasons: [String(reason)] };
  const r = reason as Record<string, unknown>;
  const known = ['code', 'reasons', 'lastError', 'gaveUp', 'status', 'sent'];
  const rest = Object.fromEntries(Object.entries(r).filter(([k]) => !known.includes(k)));
  return {
    reasons: Array.isArray(r.reasons) ? r.reasons.map(text) : [],
    ...(r.code !== undefined ? { code: text(r.code) } : {}),
    ...(r.lastError !== undefined ? { lastError: text(r.lastError) } : {}),
    ...(r.gaveUp ? { gaveUp: true } : {}),
    ...(typeof r.status === 'number' && typeof r.sent === 'string' ? { refused: { message: r.sent, status: r.status } } : {}),
    ...(Object.keys(rest).length ? { other: rest } : {}),
  };
}
