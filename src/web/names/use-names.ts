import { useMemo } from 'react';
import { useSession } from '../auth/use-session';
import { useDirectory } from '../api/directory-api';
import { useConnectorIdentity } from '../api/identity-api';
import { useNode } from '../api/console-api';
import { ownName } from '../credentials/credential-claims';
import { nameBook, type NameOf } from './name-book';

/**
 * Names for the identifiers on screen: the space's directory (through our connector on a
 * connector) and, on a connector, our own name from our legal-entity credential (known even
 * before the operator answers). Shared by every NamedId through TanStack Query's cache.
 */
export function useNames(): NameOf {
  const session = useSession();
  const node = useNode();
  const directory = useDirectory(Boolean(session));
  const identity = useConnectorIdentity(Boolean(session) && node === 'connector');
  return useMemo(() => {
    const own = identity.data ? ownName(identity.data.credentials) : undefined;
    const self = identity.data?.did ?? own?.did;
    return nameBook(directory.data, own && self ? { [self]: own.name } : {});
  }, [directory.data, identity.data]);
}
