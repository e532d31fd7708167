import type { MessageKey } from './messages';

// Domain values the server sends, mapped to their catalog keys. A value a newer server sends
// that this console does not know is shown as is rather than hidden.

export const statusLabels: Record<string, MessageKey> = {
  submitted: 'status.submitted',
  under_review: 'status.under_review',
  approved: 'status.approved',
  rejected: 'status.rejected',
  suspended: 'status.suspended',
  revoked: 'status.revoked',
};

export const roleLabels: Record<string, MessageKey> = {
  provider: 'role.provider',
  consumer: 'role.consumer',
  serviceProvider: 'role.serviceProvider',
  regulator: 'role.regulator',
};

export const serviceKindLabels: Record<string, MessageKey> = {
  development: 'serviceKind.development',
  brokerage: 'serviceKind.brokerage',
  custody: 'serviceKind.custody',
  'audit-clearing': 'serviceKind.audit-clearing',
  'compliance-review': 'serviceKind.compliance-review',
};

export const actionLabels: Record<string, MessageKey> = {
  'start-review': 'action.start-review',
  approve: 'action.approve',
  reject: 'action.reject',
  suspend: 'action.suspend',
  reinstate: 'action.reinstate',
  revoke: 'action.revoke',
  resubmit: 'action.resubmit',
  apply: 'action.apply',
  submit: 'action.apply',
};

export const credentialStatusLabels: Record<string, MessageKey> = {
  active: 'credentialStatus.active',
  suspended: 'credentialStatus.suspended',
  revoked: 'credentialStatus.revoked',
};

export const outcomeLabels: Record<string, MessageKey> = {
  pass: 'verification.pass',
  fail: 'verification.fail',
  unavailable: 'verification.unavailable',
};

export const verificationKindLabels: Record<string, MessageKey> = {
  'market-regulation': 'verification.kind.market-regulation',
  tax: 'verification.kind.tax',
  'public-security': 'verification.kind.public-security',
};

export const staffRoleLabels: Record<string, MessageKey> = {
  admin: 'userRole.admin',
  reviewer: 'userRole.reviewer',
  auditor: 'userRole.auditor',
  member: 'userRole.member',
};

export const documentKindLabels: Record<string, MessageKey> = {
  'business-licence': 'documentKind.business-licence',
  'authorization-letter': 'documentKind.authorization-letter',
  other: 'documentKind.other',
};

/** The verifiers' check rules; the server's detail (the facts checked) is shown beside. */
export const checkRuleLabels: Record<string, MessageKey> = {
  'uscc.well-formed': 'verification.rule.uscc.well-formed',
  'uscc.region-matches': 'verification.rule.uscc.region-matches',
  'uscc.regulator-is-government-body': 'verification.rule.uscc.regulator-is-government-body',
  'resident-id.well-formed': 'verification.rule.resident-id.well-formed',
  'resident-id.adult': 'verification.rule.resident-id.adult',
  'registry.reachable': 'verification.rule.registry.reachable',
};
