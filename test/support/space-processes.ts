// Helpers for tests that run a space as separate `tds` processes talking HTTP: start a node and
// wait for it, call its API, read the secrets it wrote, and onboard a participant's connector.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { freePortRange } from './free-port.js';
import { anApplication, aUscc } from './participant-fixtures.js';
import { startCli, stopProcess } from './run-cli.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-databases.js';
import { waitFor } from './wait-for.js';

export interface SpaceNode {
  url: string;
  dir: string;
  process: ChildProcess;
  output: () => string;
  args: string[];
  env: Record<string, string>;
}

/** Starts `tds ARGS --dir DIR` and resolves once `URL/readyz` answers. */
export async function startNode(args: string[], url: string, dir: string, env: Record<string, string> = {}): Promise<SpaceNode> {
  let output = '';
  const child = startCli([...args, '--dir', dir], { TDS_IDENTITY_CACHE_MS: '0', TDS_LANG: 'en', ...env });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await waitFor(async () => child.exitCode !== null || (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)), 60_000, `${args[0]} at ${url}`);
  if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited: ${output}`);
  return { url, dir, process: child, output: () => output, args, env };
}

/** Stops a node's process (SIGTERM) and starts it again on the same directory, port and database. */
export async function restartNode(node: SpaceNode): Promise<SpaceNode> {
  await stopProcess(node.process);
  const started = await startNode(node.args, node.url, node.dir, node.env);
  node.process = started.process;
  node.output = started.output;
  return node;
}

/** A JSON call; the answer's body parsed when it is JSON. */
export async function call(method: string, url: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes, read field by field
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, any> };
}

/** A secret a node wrote into its directory (admin-token, api-key). */
export const secretOf = (node: SpaceNode, file: string) => fs.readFileSync(path.join(node.dir, file), 'utf8').trim();

/** Applies, approves and enrolls the connector: the whole onboarding over HTTP. Returns the participant id. */
export async function onboard(operator: SpaceNode, connector: SpaceNode, name: string, roles: string[], application: Record<string, unknown> = {}): Promise<string> {
  const adminToken = secretOf(operator, 'admin-token');
  const applied = await call('POST', `${operator.url}/api/v1/participants/applications`, undefined, anApplication({ name, roles, uscc: aUscc(), ...application }));
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const id = applied.body.id as string;
  expect((await call('POST', `${operator.url}/api/v1/participants/${id}/start-review`, adminToken, {})).status).toBe(200);
  expect((await call('POST', `${operator.url}/api/v1/participants/${id}/approve`, adminToken, { reason: 'ok' })).body.status).toBe('approved');
  const { token } = (await call('POST', `${operator.url}/api/v1/participants/${id}/enrollment-tokens`, adminToken, {})).body;
  const enrolled = await call('POST', `${connector.url}/api/v1/identity/enrollment`, secretOf(connector, 'api-key'), { participantId: id, token });
  expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(200);
  // The enrollment token is single-use.
  expect((await call('POST', `${connector.url}/api/v1/identity/enrollment`, secretOf(connector, 'api-key'), { participantId: id, token })).status).toBe(401);
  return id;
}

/** A space of separate processes: an operator, the utility (provider) and the bank (consumer), onboarded. */
export interface ProcessSpace {
  operator: SpaceNode;
  utility: SpaceNode;
  bank: SpaceNode;
  ids: { utility: string; bank: string };
  stop(): Promise<void>;
}

/** Starts and onboards a ProcessSpace on SQLite files or, for `postgres`, a fresh database per node. */
export async function startProcessSpace(kind: DatabaseKind, origin: string, env: Record<string, string> = {}): Promise<ProcessSpace> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-space-'));
  const nodes: SpaceNode[] = [];
  const databases: TestDatabase[] = [];
  const stop = async () => {
    for (const node of nodes.reverse()) await stopProcess(node.process);
    for (const db of databases) await db.drop();
    fs.rmSync(root, { recursive: true, force: true });
  };
  const database = async (): Promise<string[]> => {
    if (kind === 'sqlite') return [];
    const db = await createTestDatabase('postgres');
    databases.push(db);
    return ['--database', db.url];
  };
  try {
    const base = await freePortRange(3);
    const url = (i: number) => `http://127.0.0.1:${base + i}`;
    const operator = await startNode(['operator', '--port', String(base), '--origin', origin, ...(await database())], url(0), path.join(root, 'op'));
    nodes.push(operator);
    const utility = await startNode(['connector', '--name', 'utility', '--operator', operator.url, '--port', String(base + 1), ...(await database())], url(1), path.join(root, 'utility'), env);
    nodes.push(utility);
    const bank = await startNode(['connector', '--name', 'bank', '--operator', operator.url, '--port', String(base + 2), ...(await database())], url(2), path.join(root, 'bank'), env);
    nodes.push(bank);
    const ids = {
      utility: await onboard(operator, utility, '省电力公司', ['provider'], { industry: 'D44' }),
      bank: await onboard(operator, bank, '城商银行', ['consumer'], { industry: 'J66' }),
    };
    return { operator, utility, bank, ids, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
