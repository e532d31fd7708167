/** Staff roles of the operator (运营方): admin does everything, reviewer reviews, auditor reads. */
export const operatorStaffRoles = ['admin', 'reviewer', 'auditor'] as const;
export type OperatorStaffRole = (typeof operatorStaffRoles)[number];

/** Roles of a participant's own people: admin manages users, keys and connectors; member reads. */
export const participantStaffRoles = ['admin', 'member'] as const;
export type ParticipantStaffRole = (typeof participantStaffRoles)[number];

/** Grants used in route access lists (server/access-control.ts). */
export const grants = {
  operatorAdmin: 'operator:admin',
  reviewer: 'operator:reviewer',
  auditor: 'operator:auditor',
  participantAdmin: 'participant:admin',
  participantMember: 'participant:member',
  /** Users of an approved participant whose role is regulator (监管方): read-only oversight. */
  regulator: 'regulator',
  applicant: 'applicant',
  /** A member's connector, authenticated by its identity token (for its own participant only). */
  connector: 'connector',
} as const;

export const staff = [grants.operatorAdmin, grants.reviewer, grants.auditor] as const;
export const participantUsers = [grants.participantAdmin, grants.participantMember] as const;
