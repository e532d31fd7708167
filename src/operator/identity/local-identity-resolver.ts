import { buildDidDocument, type DidDocument } from '../../core/credentials/did-web.js';
import type { IdentityVerifierDeps } from '../../core/credentials/identity-verifier.js';
import type { IdentityRegistryStore } from '../../store/identity/identity-registry-store.js';
import type { ParticipantStore } from '../../store/participants/participant-store.js';
import type { IdentityFetcher } from '../../server/identity/identity-fetcher.js';
import type { OperatorIdentity } from './operator-identity.js';
import type { StatusListService, StatusPurpose } from './status-list-service.js';

/**
 * How the operator resolves identities when a connector authenticates to it: its own DID, its
 * participants' DIDs and its status lists from its own database (no HTTP to itself, always
 * current), everything of other spaces over HTTP like any other node.
 */
export function localIdentityResolver(deps: {
  identity: OperatorIdentity;
  participants: ParticipantStore;
  store: IdentityRegistryStore;
  statusLists: StatusListService;
  remote: IdentityFetcher;
}): Pick<IdentityVerifierDeps, 'resolveDidDocument' | 'trustedIssuers' | 'fetchStatusList'> {
  const { identity } = deps;
  const participantPrefix = `${identity.did}:participants:`;
  return {
    resolveDidDocument: async (did: string): Promise<DidDocument> => {
      if (did === identity.did) return buildDidDocument({ did, keys: [{ id: 'issuer-key', publicJwk: identity.issuerKey.publicJwk() }] });
      if (!did.startsWith(participantPrefix)) return deps.remote.resolveDidDocument(did);
      const participant = await deps.participants.findById(did.slice(participantPrefix.length));
      if (!participant?.did) throw new Error(`no participant ${did}`);
      return buildDidDocument({ did, keys: (await deps.store.keysOf(participant.id)).map((k) => ({ id: k.kid, publicJwk: k.publicJwk })) });
    },
    trustedIssuers: async () => [identity.did, ...(await deps.store.trustedIssuers()).map((i) => i.did)],
    fetchStatusList: async (url: string) => {
      for (const purpose of ['revocation', 'suspension'] as StatusPurpose[]) {
        if (url === identity.statusListUrl(purpose)) {
          const jwt = await deps.statusLists.signed(purpose);
          if (!jwt) throw new Error(`status list ${purpose} not ready`);
          return jwt;
        }
      }
      return deps.remote.fetchStatusList(url);
    },
  };
}
