import type { AccountStore } from '../../store/accounts/account-store.js';
import type { ParticipantStore } from '../../store/participants/participant-store.js';
import type { App } from '../../server/build-server.js';
import { Directory } from '../../server/directory-schemas.js';
import { grants, participantUsers, staff } from '../accounts/account-roles.js';

const tags = ['admission'];
/** Anyone logged in to the space, and members' connectors; not applicants (they are not members yet). */
const members = [...staff, grants.regulator, ...participantUsers, grants.connector];

/**
 * 参与方名录: the names behind the identifiers a console shows (DIDs, participant ids, the
 * operator's staff as evidence actors), so people read organisations and reviewers by name.
 * Names only: an admitted participant's name is public within the space already (its
 * LegalEntityCredential and catalog entries carry it); nothing personal, no USCC.
 */
export function registerDirectoryRoutes(app: App, deps: { participants: ParticipantStore; accounts: AccountStore }): void {
  app.get('/api/v1/directory', {
    config: { access: members },
    schema: { tags, summary: 'Names of the admitted participants and of the operator staff, for consoles (参与方名录)', response: { 200: Directory } },
  }, async () => {
    const [participants, staffUsers] = await Promise.all([deps.participants.admitted(), deps.accounts.listUsers({ kind: 'operator', participantId: null })]);
    return { participants, users: staffUsers.map((u) => ({ actor: `user:${u.id}`, name: u.displayName })) };
  });
}
