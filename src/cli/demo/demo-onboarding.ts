import { call } from './demo-http.js';
import { demoOrganisations, demoRegion, type DemoOrganisation } from './demo-organisations.js';

export interface DemoAccount {
  participant: string;
  participantId: string;
  did: string | null;
  username: string;
  password: string;
}

interface Participant {
  id: string;
  status: string;
  did: string | null;
}

/**
 * Admits the demo organisations the way a real space would, through the operator's API:
 * application (with the organisation's admin user), review with the rules-based verifiers,
 * approval (credentials issued), and enrollment of each one's connector key. Idempotent: what a
 * previous start already did is skipped.
 */
export async function onboardDemoParticipants(options: {
  operatorUrl: string;
  adminToken: string;
  connectors: Array<{ name: string; url: string; apiKey: string }>;
  password: (key: string) => string;
}): Promise<DemoAccount[]> {
  const { operatorUrl, adminToken } = options;
  const accounts: DemoAccount[] = [];
  for (const org of demoOrganisations) {
    const participant = await admit(operatorUrl, adminToken, org, options.password(org.key));
    const connector = options.connectors.find((c) => c.name === org.connector);
    if (connector) {
      const identity = await call<{ enrolled: boolean }>('GET', `${connector.url}/api/v1/identity`, connector.apiKey);
      if (!identity.enrolled) {
        const { token } = await call<{ token: string }>('POST', `${operatorUrl}/api/v1/participants/${participant.id}/enrollment-tokens`, adminToken, {});
        await call('POST', `${connector.url}/api/v1/identity/enrollment`, connector.apiKey, { participantId: participant.id, token });
      }
    }
    accounts.push({ participant: org.key, participantId: participant.id, did: participant.did, username: `${org.key}-admin`, password: options.password(org.key) });
  }
  return accounts;
}

async function admit(operatorUrl: string, adminToken: string, org: DemoOrganisation, password: string): Promise<Participant> {
  const found = await call<{ items: Participant[] }>('GET', `${operatorUrl}/api/v1/participants?q=${encodeURIComponent(org.uscc)}`, adminToken);
  let participant = found.items[0];
  if (!participant) {
    participant = await call<Participant>('POST', `${operatorUrl}/api/v1/participants/applications`, undefined, {
      name: org.name,
      uscc: org.uscc,
      legalRepresentative: org.legalRepresentative,
      contact: org.contact,
      region: demoRegion,
      industry: org.industry,
      roles: org.roles,
      ...(org.serviceKinds ? { serviceKinds: org.serviceKinds } : {}),
      account: { username: `${org.key}-admin`, password, displayName: org.contact.name },
    });
  }
  const reason = { reason: '演示空间：规则核验通过，自动审核 (demo space: rules-based checks passed)' };
  if (participant.status === 'submitted') participant = await call<Participant>('POST', `${operatorUrl}/api/v1/participants/${participant.id}/start-review`, adminToken, reason);
  if (participant.status === 'under_review') participant = await call<Participant>('POST', `${operatorUrl}/api/v1/participants/${participant.id}/approve`, adminToken, reason);
  return participant;
}

/** The console login of the operator's first admin, created through the users API once. */
export async function ensureOperatorAdmin(operatorUrl: string, adminToken: string, password: string): Promise<void> {
  const users = await call<{ items: Array<{ username: string }> }>('GET', `${operatorUrl}/api/v1/users`, adminToken);
  if (users.items.some((u) => u.username === 'admin')) return;
  await call('POST', `${operatorUrl}/api/v1/users`, adminToken, { username: 'admin', displayName: '运营管理员 Operator admin', password, roles: ['admin'] });
}
