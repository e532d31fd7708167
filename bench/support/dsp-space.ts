// A data space of separate `tds` processes for bench/dsp.ts: an operator and two connectors
// (utility = provider, bank = consumer), onboarded over HTTP, on SQLite files or on a fresh
// PostgreSQL database per node. The shape of test/support/space-processes.ts, without vitest's
// `expect` (a bench stops with an error instead), plus the process CPU of each node.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePortRange } from '../../test/support/free-port.js';
import { anApplication, aUscc } from '../../test/support/participant-fixtures.js';
import { cliEntry, repoRoot } from '../../scripts/build-if-stale.mjs';
import { stopProcess } from '../../test/support/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-databases.js';
import { waitFor } from '../../test/support/wait-for.js';

export interface BenchNode {
  name: string;
  url: string;
  dir: string;
  process: ChildProcess;
  output: () => string;
}

export interface BenchSpace {
  operator: BenchNode;
  utility: BenchNode;
  bank: BenchNode;
  stop(): Promise<void>;
}

export interface SpaceOptions {
  /** 'sqlite' (files in the space's temp dir) or a PostgreSQL server URL to create a database per node on. */
  database: 'sqlite' | { server: string };
  /** The provider's --source-dir (files registered as assets without an upload). */
  sourceDir: string;
  /** Node options of the connectors' processes (e.g. --cpu-prof; Node 20 refuses it in NODE_OPTIONS). */
  connectorNodeOptions?: string[];
}

/** A JSON answer: status and parsed body (null when not JSON). */
export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes, read field by field
  body: Record<string, any>;
}

export async function call(method: string, url: string, token?: string, body?: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as Answer['body'] };
}

/** `call`, failing unless the status is `expected`. */
export async function must(expected: number, method: string, url: string, token?: string, body?: unknown): Promise<Answer['body']> {
  const answer = await call(method, url, token, body);
  if (answer.status !== expected) throw new Error(`${method} ${url}: ${answer.status} (expected ${expected}): ${JSON.stringify(answer.body).slice(0, 600)}`);
  return answer.body;
}

export const secretOf = (node: BenchNode, file: string): string => fs.readFileSync(path.join(node.dir, file), 'utf8').trim();

/** `tds ARGS --dir DIR` from dist/, as users run it (test/support/run-cli.ts), with `nodeOptions`. */
async function startNode(name: string, args: string[], url: string, dir: string, nodeOptions: string[] = []): Promise<BenchNode> {
  let output = '';
  // Logs at warn: at info every request writes two JSON lines, which this bench would then measure.
  const child = spawn(process.execPath, [...nodeOptions, cliEntry, ...args, '--dir', dir], {
    cwd: repoRoot,
    env: { ...process.env, TDS_LANG: 'en', TDS_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20_000)));
  await waitFor(async () => child.exitCode !== null || (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)), 60_000, `${name} at ${url}`);
  if (child.exitCode !== null) throw new Error(`${name} exited: ${output}`);
  return { name, url, dir, process: child, output: () => output };
}

/** Applies, approves and enrolls the connector, as test/support/space-processes.ts `onboard` does. */
async function onboard(operator: BenchNode, connector: BenchNode, name: string, roles: string[], application: Record<string, unknown>): Promise<void> {
  const admin = secretOf(operator, 'admin-token');
  const applied = await must(201, 'POST', `${operator.url}/api/v1/participants/applications`, undefined, anApplication({ name, roles, uscc: aUscc(), ...application }));
  const id = applied.id as string;
  await must(200, 'POST', `${operator.url}/api/v1/participants/${id}/start-review`, admin, {});
  await must(200, 'POST', `${operator.url}/api/v1/participants/${id}/approve`, admin, { reason: 'ok' });
  const { token } = await must(201, 'POST', `${operator.url}/api/v1/participants/${id}/enrollment-tokens`, admin, {});
  await must(200, 'POST', `${connector.url}/api/v1/identity/enrollment`, secretOf(connector, 'api-key'), { participantId: id, token });
}

/** Starts the operator and both connectors, each its own process, and onboards the connectors. */
export async function startSpace(options: SpaceOptions): Promise<BenchSpace> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-bench-dsp-space-'));
  const nodes: BenchNode[] = [];
  const databases: TestDatabase[] = [];
  const stop = async () => {
    for (const node of [...nodes].reverse()) await stopProcess(node.process);
    for (const db of databases) await db.drop();
    fs.rmSync(root, { recursive: true, force: true });
  };
  const database = async (): Promise<string[]> => {
    if (options.database === 'sqlite') return [];
    process.env.TDS_TEST_PG_URL = options.database.server;
    const db = await createTestDatabase('postgres');
    databases.push(db);
    return ['--database', db.url];
  };
  try {
    const base = await freePortRange(3);
    const url = (i: number) => `http://127.0.0.1:${base + i}`;
    const operator = await startNode('operator', ['operator', '--port', String(base), '--origin', 'bench.tds', ...(await database())], url(0), path.join(root, 'op'));
    nodes.push(operator);
    const connector = async (name: string, i: number, extra: string[]) => {
      const node = await startNode(name, ['connector', '--name', name, '--operator', operator.url, '--port', String(base + i), ...extra, ...(await database())], url(i), path.join(root, name), options.connectorNodeOptions);
      nodes.push(node);
      return node;
    };
    const utility = await connector('utility', 1, ['--source-dir', options.sourceDir]);
    const bank = await connector('bank', 2, []);
    await onboard(operator, utility, '省电力公司', ['provider'], { industry: 'D44' });
    await onboard(operator, bank, '城商银行', ['consumer'], { industry: 'J66' });
    return { operator, utility, bank, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function cpuSeconds(target: ChildProcess | number): number {
  try {
    const stat = fs.readFileSync(`/proc/${typeof target === 'number' ? target : target.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") ": utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return Number.NaN;
  }
}
