import type { Credential } from '../api/api-types';
import { decodeJwt } from './jwt-parts';

/**
 * What a connector's own credentials say about its participant: its roles (MembershipCredential)
 * and its name (LegalEntityCredential). Read for display and navigation only; the console
 * verifies nothing, and the nodes check every request themselves.
 */
function subjectOf(credentials: readonly Credential[], type: string): Record<string, unknown> | undefined {
  for (const c of credentials) {
    if (c.type !== type) continue;
    const payload = decodeJwt(c.jwt)?.payload;
    if (!payload) continue;
    const vc = (typeof payload.vc === 'object' && payload.vc !== null ? payload.vc : payload) as Record<string, unknown>;
    const subject = Array.isArray(vc.credentialSubject) ? vc.credentialSubject[0] : vc.credentialSubject;
    if (typeof subject === 'object' && subject !== null) return subject as Record<string, unknown>;
  }
  return undefined;
}

/** The roles the operator admitted us in; undefined when no membership credential says. */
export function ownRoles(credentials: readonly Credential[]): string[] | undefined {
  const roles = subjectOf(credentials, 'MembershipCredential')?.roles;
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : undefined;
}

/** Our organisation's registered name and DID, from the legal-entity credential. */
export function ownName(credentials: readonly Credential[]): { did?: string; name: string } | undefined {
  const subject = subjectOf(credentials, 'LegalEntityCredential');
  if (typeof subject?.name !== 'string') return undefined;
  return { name: subject.name, ...(typeof subject.id === 'string' ? { did: subject.id } : {}) };
}
