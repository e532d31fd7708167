import { secretTokenMatches } from '../../core/crypto/secret-token.js';
import { verifyIdentityToken } from '../../core/credentials/identity-verifier.js';
import { DomainError } from '../../core/errors/index.js';
import type { Principal, PrincipalResolver } from '../../server/access-control.js';
import type { IdentityFetcher } from '../../server/identity/identity-fetcher.js';
import { ReplayGuard } from '../../server/identity/replay-guard.js';
import type { ConnectorIdentityService } from './connector-identity-service.js';

/** A verified other node: who it is, per the credentials its token presented. */
export interface PeerPrincipal extends Principal {
  peer: {
    did: string;
    participantId?: string;
    roles: string[];
    issuer: string;
    legalEntity?: { region?: string; industry?: string };
    /** The credentials its token presented (JWTs). */
    credentials: string[];
  };
}

export const connectorGrants = {
  /** The participant's own staff and machines, holding the connector's API key. */
  manage: 'connector:manage',
  /** Another space member's connector, authenticated by its identity token. */
  peer: 'peer',
} as const;

/**
 * API keys admit the connector's owner; identity tokens (compact JWS) admit other members of the
 * space, or of spaces whose operators our operator trusts, after full verification. A token that
 * fails says why in the 401, since a peer debugging interop needs to know.
 */
export function connectorPrincipals(deps: {
  apiKeyDigests: () => string[];
  identity: ConnectorIdentityService;
  fetcher: IdentityFetcher;
}): PrincipalResolver {
  const replay = new ReplayGuard();
  return async (token: string): Promise<Principal | undefined> => {
    if (token.startsWith('tds_key_')) {
      return deps.apiKeyDigests().some((d) => secretTokenMatches(token, d)) ? { grants: new Set([connectorGrants.manage]), actor: 'connector:api-key' } : undefined;
    }
    if (token.split('.').length !== 3) return undefined;
    const self = await deps.identity.identity().catch(() => undefined);
    if (!self) throw new DomainError('identity.not-enrolled', 'This connector cannot verify peers before it is enrolled.');
    const result = await verifyIdentityToken(token, {
      audience: self.did,
      now: new Date(),
      resolveDidDocument: deps.fetcher.resolveDidDocument,
      trustedIssuers: deps.fetcher.trustedIssuers,
      fetchStatusList: deps.fetcher.fetchStatusList,
      seenJti: replay.seenBefore,
    });
    if (!result.ok) throw new DomainError('identity.token-invalid', `${result.reason}: ${result.detail}`);
    const peer: PeerPrincipal = {
      grants: new Set([connectorGrants.peer]),
      actor: result.holder.did,
      peer: {
        did: result.holder.did,
        participantId: result.holder.participantId,
        roles: result.holder.roles,
        issuer: result.holder.issuer,
        ...(result.holder.legalEntity ? { legalEntity: { region: result.holder.legalEntity.region, industry: result.holder.legalEntity.industry } } : {}),
        credentials: result.holder.credentialJwts ?? [],
      },
    };
    if (result.holder.participantId) peer.participantId = result.holder.participantId;
    return peer;
  };
}
