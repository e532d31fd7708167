import type { ConnectorIdentity } from '../api/api-types';
import { ownRoles } from '../credentials/credential-claims';
import { paths } from '../router/routes';

/**
 * Where `/` leads on a connector: a participant admitted without the provider role (a bank that
 * only uses data) has no resources of its own to manage, so it starts at the catalog search;
 * a provider, or a connector whose roles are not known yet, starts at its data resources.
 */
export function connectorHomePath(identity: Pick<ConnectorIdentity, 'credentials'> | undefined): string {
  const roles = identity ? ownRoles(identity.credentials) : undefined;
  if (roles && !roles.includes('provider')) return paths.catalog;
  return paths.assets;
}
