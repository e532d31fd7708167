import type { PolicySubject } from '../policy/index.js';

/** What a verified identity token says about a party, as the connector keeps it. */
export interface VerifiedParty {
  did: string;
  participantId?: string | undefined;
  roles: readonly string[];
  legalEntity?: { region?: string | undefined; industry?: string | undefined } | undefined;
}

/**
 * The evaluator's subject for a party whose token was verified: it holds a valid, unrevoked
 * membership credential, so it is admitted; roles, region and industry are the credentials'
 * claims, never what the party says about itself in a message.
 */
export function policySubjectOf(party: VerifiedParty): PolicySubject {
  const industry = party.legalEntity?.industry;
  const industries = industry ? (industry.length > 1 ? [industry.slice(0, 1), industry] : [industry]) : [];
  return {
    participantId: party.participantId ?? party.did,
    did: party.did,
    admitted: true,
    roles: party.roles,
    industries,
    ...(party.legalEntity?.region ? { region: party.legalEntity.region } : {}),
  };
}
