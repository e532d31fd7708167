// Credential issuance, verification and revocation across separate processes: two operators
// (two spaces) and three connectors, each its own `tds` process talking HTTP, on SQLite and
// PostgreSQL. Covers enrollment by proof of possession, peer authentication with identity tokens,
// suspension and revocation taking effect at another node, and cross-space mutual recognition.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePortRange } from './support/free-port.js';
import { anApplication, aUscc } from './support/participant-fixtures.js';
import { startCli, stopProcess } from './support/run-cli.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/test-databases.js';
import { waitFor } from './support/wait-for.js';

interface Node {
  url: string;
  dir: string;
  process: ChildProcess;
  output: () => string;
}

async function start(args: string[], url: string, dir: string): Promise<Node> {
  let output = '';
  const child = startCli([...args, '--dir', dir], { TDS_IDENTITY_CACHE_MS: '0', TDS_LANG: 'en' });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await waitFor(async () => child.exitCode !== null || (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)), 60_000, `${args[0]} at ${url}`);
  if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited: ${output}`);
  return { url, dir, process: child, output: () => output };
}

async function call(method: string, url: string, token?: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes, read field by field
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, any> };
}

const secret = (node: Node, file: string) => fs.readFileSync(path.join(node.dir, file), 'utf8').trim();

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

  /** Applies, approves and enrolls the connector: the whole onboarding over HTTP. */
  async function onboard(operator: Node, connector: Node, name: string, roles: string[]): Promise<string> {
    const adminToken = secret(operator, 'admin-token');
    const applied = await call('POST', `${operator.url}/api/v1/participants/applications`, undefined, anApplication({ name, roles, uscc: aUscc() }));
    expect(applied.status).toBe(201);
    const id = applied.body.id as string;
    expect((await call('POST', `${operator.url}/api/v1/participants/${id}/start-review`, adminToken, {})).status).toBe(200);
    expect((await call('POST', `${operator.url}/api/v1/participants/${id}/approve`, adminToken, { reason: 'ok' })).body.status).toBe('approved');
    const { token } = (await call('POST', `${operator.url}/api/v1/participants/${id}/enrollment-tokens`, adminToken, {})).body;
    const enrolled = await call('POST', `${connector.url}/api/v1/identity/enrollment`, secret(connector, 'api-key'), { participantId: id, token });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(200);
    expect(enrolled.body.credentials.map((c: { type: string }) => c.type).sort()).toEqual(['LegalEntityCredential', 'MembershipCredential']);
    // The enrollment token is single-use.
    expect((await call('POST', `${connector.url}/api/v1/identity/enrollment`, secret(connector, 'api-key'), { participantId: id, token })).status).toBe(401);
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
    ids.utility = await onboard(space1, utility, '省电力公司', ['provider']);
    ids.bank = await onboard(space1, bank, '城商银行', ['consumer']);
    ids.foreign = await onboard(space2, foreign, '外省数据公司', ['consumer']);
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
