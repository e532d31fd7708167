import type { FastifyRequest } from 'fastify';
import { verifyIdentityToken, type IdentityVerifierDeps } from '../../core/credentials/identity-verifier.js';
import { secretTokenMatches, hashSecretToken } from '../../core/crypto/secret-token.js';
import { DomainError } from '../../core/errors/index.js';
import { ReplayGuard } from '../../server/identity/replay-guard.js';
import type { ParticipantStore } from '../../store/participants/participant-store.js';
import type { UserAccount } from '../../store/accounts/account-store.js';
import type { Principal, PrincipalResolver } from '../../server/access-control.js';
import type { AccountService } from './account-service.js';
import { grants } from './account-roles.js';

export interface OperatorPrincipal extends Principal {
  user?: UserAccount;
}

/**
 * Turns a bearer token into the caller, by the token's prefix: the operator's admin token
 * (bootstrap, acts as an operator admin), a console session, an API key, an applicant token, or
 * a connector's identity token (a compact JWS; grant `connector`, for its own participant).
 * Participant callers get `regulator` on top of their own roles when their organisation is an
 * approved regulator (监管方): read-only oversight.
 */
export function operatorPrincipals(deps: {
  adminTokenDigests: () => string[];
  accounts: AccountService;
  participants: ParticipantStore;
  /** DID, issuer and status-list look-ups for verifying connectors' identity tokens. */
  identities: Pick<IdentityVerifierDeps, 'resolveDidDocument' | 'trustedIssuers' | 'fetchStatusList'>;
  operatorDid: string;
}): PrincipalResolver {
  const replay = new ReplayGuard();
  /**
   * Read with every request (no cache), so a suspension or revocation takes effect on the next
   * call: a suspended or revoked participant's people and keys are nobody (undefined → 401). An
   * organisation not yet approved acts only as an applicant: it follows its application and
   * cannot make keys or users.
   */
  const participantGrants = async (participantId: string, roles: string[]): Promise<Set<string> | undefined> => {
    const participant = await deps.participants.findById(participantId);
    if (!participant || participant.status === 'suspended' || participant.status === 'revoked') return undefined;
    if (participant.status !== 'approved') return new Set([grants.applicant]);
    const set = new Set(roles.map((r) => `participant:${r}`));
    if (participant.roles.includes('regulator')) set.add(grants.regulator);
    return set;
  };

  return async (token: string, _request: FastifyRequest): Promise<OperatorPrincipal | undefined> => {
    if (token.startsWith('tds_admin_')) {
      if (!deps.adminTokenDigests().some((d) => secretTokenMatches(token, d))) return undefined;
      return { grants: new Set([grants.operatorAdmin]), actor: 'operator:admin-token' };
    }
    if (token.startsWith('tds_sess_')) {
      const user = await deps.accounts.sessionUser(token);
      if (!user) return undefined;
      if (user.kind === 'operator') return { grants: new Set(user.roles.map((r) => `operator:${r}`)), actor: `user:${user.id}`, user };
      if (!user.participantId) return undefined;
      const granted = await participantGrants(user.participantId, user.roles);
      return granted && { grants: granted, actor: `user:${user.id}`, participantId: user.participantId, user };
    }
    if (token.startsWith('tds_key_')) {
      const key = await deps.accounts.apiKey(token);
      if (!key) return undefined;
      if (key.participantId === null) return { grants: new Set(key.roles.map((r) => `operator:${r}`)), actor: `apikey:${key.id}` };
      const granted = await participantGrants(key.participantId, key.roles);
      return granted && { grants: granted, actor: `apikey:${key.id}`, participantId: key.participantId };
    }
    if (token.startsWith('tds_app_')) {
      const participant = await deps.participants.findByApplicantTokenHash(hashSecretToken(token));
      if (!participant || participant.status === 'revoked') return undefined;
      return { grants: new Set([grants.applicant]), actor: `applicant:${participant.id}`, participantId: participant.id };
    }
    if (token.split('.').length === 3) {
      const result = await verifyIdentityToken(token, { ...deps.identities, audience: deps.operatorDid, now: new Date(), seenJti: replay.seenBefore });
      if (!result.ok) throw new DomainError('identity.token-invalid', `${result.reason}: ${result.detail}`);
      const participantId = result.holder.did.startsWith(`${deps.operatorDid}:participants:`) ? result.holder.participantId : undefined;
      if (!participantId) throw new DomainError('auth.forbidden', 'Only connectors of this space act on the operator.');
      return { grants: new Set([grants.connector]), actor: result.holder.did, participantId };
    }
    return undefined;
  };
}
