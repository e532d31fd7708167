// Credential issuance, verification and revocation across separate processes: two operators
// (two spaces) and three connectors, each its own `tds` process talking HTTP, on SQLite and
// PostgreSQL. Covers enrollment by proof of possession, peer authentication with identity tokens,
// suspension and revocation taking effect at another node, and cross-space mutual recognition.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePortRange } from './support/free-port.js';
import { call, onboard, secretOf, startNode, type SpaceNode } from './support/space-processes.js';
import { stopProcess } from './support/run-cli.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/test-databases.js';

type Node = SpaceNode;
const start = startNode;
const secret = secretOf;

describe.each(databaseKinds)('identity across processes on %s', (kind) => {
  let root: string;
  const nodes: Node[] = [];
  const databases: TestDatabase[] = [];
  let space1: Node;
  let space2: Node;
  let utility: Node;
  let bank: Node;
  let foreign: Node;
  const ids: Record<string, string> = {};

  async function database(): Promise<string[]> {
    if (kind === 'sqlite') return [];
    const db = await createTestDatabase('postgres');
    databases.push(db);
    return ['--database', db.url];
  }

  /** The shared onboarding, then: the enrollment token is single-use, and both credentials were issued. */
  async function onboardOnce(operator: Node, connector: Node, name: string, roles: string[]): Promise<string> {
    const id = await onboard(operator, connector, name, roles);
    const held = await call('GET', `${connector.url}/api/v1/identity`, secret(connector, 'api-key'));
    expect(held.body.credentials.map((c: { type: string }) => c.type).sort()).toEqual(['LegalEntityCredential', 'MembershipCredential']);
    return id;
  }

  const handshake = async (from: Node, to: Node) => (await call('POST', `${from.url}/api/v1/peers/handshake`, secret(from, 'api-key'), { url: to.url })).body;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-identity-'));
    const base = await freePortRange(5);
    const url = (i: number) => `http://127.0.0.1:${base + i}`;
    const dir = (name: string) => path.join(root, name);
    space1 = await start(['operator', '--port', String(base), '--origin', 'space-one.test', ...(await database())], url(0), dir('op1'));
    space2 = await start(['operator', '--port', String(base + 1), '--origin', 'space-two.test', '--issuer-alg', 'ES256', ...(await database())], url(1), dir('op2'));
    nodes.push(space1, space2);
    utility = await start(['connector', '--name', 'utility', '--operator', space1.url, '--port', String(base + 2), ...(await database())], url(2), dir('utility'));
    bank = await start(['connector', '--name', 'bank', '--operator', space1.url, '--port', String(base + 3), '--key-alg', 'ES256', ...(await database())], url(3), dir('bank'));
    foreign = await start(['connector', '--name', 'foreign', '--operator', space2.url, '--port', String(base + 4), '--key-alg', 'SM2', ...(await database())], url(4), dir('foreign'));
    nodes.push(utility, bank, foreign);
    ids.utility = await onboardOnce(space1, utility, '省电力公司', ['provider']);
    ids.bank = await onboardOnce(space1, bank, '城商银行', ['consumer']);
    ids.foreign = await onboardOnce(space2, foreign, '外省数据公司', ['consumer']);
  }, 180_000);

  afterAll(async () => {
    for (const node of nodes.reverse()) await stopProcess(node.process);
    for (const db of databases) await db.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('publishes each enrolled connector key in its DID document, never a private part', async () => {
    const doc = (await call('GET', `${space1.url}/participants/${ids.bank}/did.json`)).body;
    expect(doc.id).toBe(`${doc.id.split(':participants:')[0]}:participants:${ids.bank}`);
    expect(doc.verificationMethod[0].publicKeyJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(JSON.stringify(doc)).not.toContain('"d"');
  });

  it('lets a member connector authenticate to another with a token carrying its credentials', async () => {
    const result = await handshake(utility, bank);
    expect(result.status).toBe(200);
    expect(result.verifiedAs).toMatchObject({ participantId: ids.utility, roles: ['provider'] });
    expect((await handshake(bank, utility)).verifiedAs).toMatchObject({ participantId: ids.bank, roles: ['consumer'] });
  });

  it('lets a connector authenticate to its operator with its identity token to refresh its credentials', async () => {
    const refreshed = await call('POST', `${bank.url}/api/v1/identity/refresh`, secret(bank, 'api-key'), {});
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(refreshed.body.credentials).toHaveLength(2);
  });

  it('refuses a token presented twice, and a token for another audience', async () => {
    const peer = (await call('GET', `${bank.url}/api/v1/peer/identity`)).body;
    expect(peer.participantId).toBe(ids.bank);
    const noToken = await call('GET', `${bank.url}/api/v1/peer/whoami`);
    expect(noToken.status).toBe(401);
    const garbage = await call('GET', `${bank.url}/api/v1/peer/whoami`, 'a.b.c');
    expect(garbage.body.code).toBe('identity.token-invalid');
  });

  it('refuses a connector of another space until its operator is a trusted issuer (identity mutual recognition)', async () => {
    const refused = await handshake(foreign, bank);
    expect(refused.status).toBe(401);
    expect(refused.problem.detail).toContain('credential.untrusted-issuer');
    const space2Did = (await call('GET', `${space2.url}/.well-known/did.json`)).body.id;
    expect((await call('POST', `${space1.url}/api/v1/trust/issuers`, secret(space1, 'admin-token'), { did: space2Did, name: 'Space two' })).status).toBe(201);
    const accepted = await handshake(foreign, bank);
    expect(accepted.status).toBe(200);
    expect(accepted.verifiedAs).toMatchObject({ participantId: ids.foreign, issuer: space2Did });
  });

  it('makes suspension, reinstatement and revocation at the operator take effect at another connector', async () => {
    const adminToken = secret(space1, 'admin-token');
    await call('POST', `${space1.url}/api/v1/participants/${ids.utility}/suspend`, adminToken, { reason: '整改' });
    const suspended = await handshake(utility, bank);
    expect(suspended.status).toBe(401);
    expect(suspended.problem.detail).toContain('credential.suspended');
    await call('POST', `${space1.url}/api/v1/participants/${ids.utility}/reinstate`, adminToken, { reason: '已整改' });
    expect((await handshake(utility, bank)).status).toBe(200);
    await call('POST', `${space1.url}/api/v1/participants/${ids.utility}/revoke`, adminToken, { reason: '退出' });
    const revoked = await handshake(utility, bank);
    expect(revoked.status).toBe(401);
    expect(revoked.problem.detail).toContain('credential.revoked');
    const refresh = await call('POST', `${utility.url}/api/v1/identity/refresh`, secret(utility, 'api-key'), {});
    expect(refresh.body.code).toBe('identity.token-invalid');
    expect(refresh.body.detail).toContain('credential.revoked');
  });

  it('records every step in the operator ledger', async () => {
    const checkpoint = await (await fetch(`${space1.url}/ledger/checkpoint`)).text();
    const size = Number(checkpoint.split('\n')[1]);
    const page = (await call('GET', `${space1.url}/ledger/entries?from=0&to=${size}`)).body;
    const types = new Set(page.entries.map((e: { entry: { type: string } }) => e.entry.type));
    for (const type of ['participant.applied', 'participant.review-started', 'participant.approved', 'credential.issued', 'participant.key-enrolled', 'participant.suspended', 'participant.revoked', 'credential.status-changed', 'trust.issuer-added']) {
      expect(types, type).toContain(type);
    }
  });
});
