import type { Viewer } from '../../core/catalog/catalog-visibility.js';
import type { ParticipantRecord } from '../../core/admission/participant-record.js';
import type { Principal } from '../../server/access-control.js';
import type { ParticipantStore } from '../../store/participants/participant-store.js';
import { grants } from '../accounts/account-roles.js';

const overseers = new Set<string>([grants.operatorAdmin, grants.reviewer, grants.auditor, grants.regulator]);

/** The participant's facts visibility rules are about. */
export function participantViewer(p: ParticipantRecord): Viewer {
  return {
    kind: 'participant',
    participantId: p.id,
    admitted: p.status === 'approved',
    roles: p.roles,
    industries: [p.industry.section, ...(p.industry.division ? [`${p.industry.section}${p.industry.division}`] : [])],
    region: p.region,
  };
}

/**
 * Who the caller is for the catalog. Operator staff and regulators oversee every entry; a
 * participant's people, connector and applicant see as their organisation does. A caller with
 * neither (impossible behind the routes' access lists) sees public entries only.
 */
export async function viewerOf(principal: Principal | undefined, participants: ParticipantStore): Promise<Viewer> {
  if (principal && [...principal.grants].some((g) => overseers.has(g))) return { kind: 'overseer' };
  const participant = principal?.participantId ? await participants.findById(principal.participantId) : undefined;
  if (participant) return participantViewer(participant);
  return { kind: 'participant', participantId: '', admitted: false, roles: [], industries: [], region: '' };
}
