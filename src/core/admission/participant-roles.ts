/** Roles an organisation asks for when it applies (参与方角色, DESIGN.md "Roles"). */
export const participantRoles = ['provider', 'consumer', 'serviceProvider', 'regulator'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/** Kinds of data service provider (数据服务方): the guidance system's five service families. */
export const serviceKinds = ['development', 'brokerage', 'custody', 'audit-clearing', 'compliance-review'] as const;
export type ServiceKind = (typeof serviceKinds)[number];

/** Spellings accepted from clients for the canonical role names. */
const roleAliases: Record<string, ParticipantRole> = {
  provider: 'provider',
  consumer: 'consumer',
  serviceprovider: 'serviceProvider',
  'service-provider': 'serviceProvider',
  service_provider: 'serviceProvider',
  regulator: 'regulator',
};

export function canonicalRole(value: string): ParticipantRole | undefined {
  return roleAliases[value.trim().toLowerCase()] ?? roleAliases[value.trim()];
}

export function isServiceKind(value: string): value is ServiceKind {
  return (serviceKinds as readonly string[]).includes(value);
}
