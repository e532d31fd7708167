import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePortRange } from './support/free-port.js';
import { runCli, startCli, stopProcess } from './support/run-cli.js';
import { call } from './support/space-processes.js';
import { waitFor } from './support/wait-for.js';
import type { ChildProcess } from 'node:child_process';

interface Endpoints {
  operator: { url: string; adminToken: string; ledgerVerifierKey: string; did: string; adminUser: string; adminPassword: string };
  connectors: Array<{ name: string; url: string; apiKey: string; did: string; participantId: string }>;
  participants: Array<{ participant: string; participantId: string; did: string | null; username: string; password: string }>;
  scenario: {
    provider: string;
    consumer: string;
    electricityEntry: string;
    restrictedEntry: { id: string; visibleTo: string };
    pullOffer: { entryId: string; offerId: string; purpose: string };
    openOffer: { entryId: string; offerId: string };
    sandboxAgreementId: string;
    tables: Record<string, string[]>;
  };
}

describe('tds demo', () => {
  let dir: string;
  let base: number;
  let child: ChildProcess;
  let stdout = '';
  let endpoints: Endpoints;

  async function startDemo(extra: string[] = []) {
    stdout = '';
    child = startCli(['demo', '--dir', dir, '--port', String(base), ...extra]);
    child.stdout!.on('data', (d) => (stdout += d));
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    await waitFor(() => stdout.includes('Ctrl+C') || child.exitCode !== null, 180_000, 'the demo to start');
    expect(child.exitCode, stderr).toBeNull();
    endpoints = JSON.parse(fs.readFileSync(path.join(dir, 'endpoints.json'), 'utf8'));
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-demo-'));
    base = await freePortRange(3);
    await startDemo();
  }, 240_000);
  afterAll(async () => {
    if (child) await stopProcess(child);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts an operator and two connectors on consecutive ports, runs the scenario and says so in zh-CN', () => {
    expect(stdout).toContain('演示场景：公共数据赋能普惠金融');
    expect(stdout).toMatch(/9\/9 步通过/);
    expect(stdout).toContain('Trustspace 演示空间已就绪');
    expect(endpoints.operator.url).toBe(`http://127.0.0.1:${base}`);
    expect(endpoints.connectors.map((c) => c.url)).toEqual([`http://127.0.0.1:${base + 1}`, `http://127.0.0.1:${base + 2}`]);
  });

  it('writes endpoints.json with the documented fields, readable only by its owner', () => {
    expect(endpoints.operator.adminToken).toMatch(/^tds_admin_/);
    expect(endpoints.operator.ledgerVerifierKey).toMatch(/^tds\.local\/demo\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*$/);
    for (const c of endpoints.connectors) {
      expect(c).toEqual({ name: expect.any(String), url: expect.any(String), apiKey: expect.stringMatching(/^tds_key_/), did: expect.stringMatching(/^did:web:/), participantId: expect.stringMatching(/^p_/) });
    }
    expect(endpoints.operator).toMatchObject({ adminUser: 'admin', adminPassword: expect.any(String), did: `did:web:127.0.0.1%3A${base}` });
    expect(fs.statSync(path.join(dir, 'endpoints.json')).mode & 0o077).toBe(0);
  });

  it('answers health, readiness and docs on every node, and metrics only with the node’s credential', async () => {
    const nodes = [{ url: endpoints.operator.url, credential: endpoints.operator.adminToken }, ...endpoints.connectors.map((c) => ({ url: c.url, credential: c.apiKey }))];
    for (const { url, credential } of nodes) {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      expect(await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${credential}` } })).text()).toContain('process_cpu_user_seconds_total');
      expect(((await (await fetch(`${url}/docs/json`)).json()) as { openapi: string }).openapi).toBe('3.1.0');
    }
  });

  it('guards each connector API with its own API key', async () => {
    const [utility, bank] = endpoints.connectors;
    const ok = await fetch(`${utility!.url}/api/v1/self`, { headers: { authorization: `Bearer ${utility!.apiKey}` } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { name: string }).name).toBe('utility');
    const wrong = await fetch(`${utility!.url}/api/v1/self`, { headers: { authorization: `Bearer ${bank!.apiKey}` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('starts with the demo organisations admitted, credentialed and their connectors enrolled', async () => {
    const login = await fetch(`${endpoints.operator.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: endpoints.operator.adminUser, password: endpoints.operator.adminPassword }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const list = (await (await fetch(`${endpoints.operator.url}/api/v1/participants?status=approved`, { headers: { authorization: `Bearer ${token}` } })).json()) as { total: number };
    expect(list.total).toBe(endpoints.participants.length);
    for (const c of endpoints.connectors) {
      const identity = (await (await fetch(`${c.url}/api/v1/identity`, { headers: { authorization: `Bearer ${c.apiKey}` } })).json()) as { enrolled: boolean; did: string; credentials: unknown[] };
      expect(identity).toMatchObject({ enrolled: true, did: c.did });
      expect(identity.credentials).toHaveLength(2);
    }
    const [utility, bank] = endpoints.connectors;
    const handshake = await fetch(`${utility!.url}/api/v1/peers/handshake`, {
      method: 'POST',
      headers: { authorization: `Bearer ${utility!.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: bank!.url }),
    });
    expect(((await handshake.json()) as { status: number }).status).toBe(200);
  });

  it('publishes 企业用电数据 for members, open statistics for everyone and one entry only the bank may see (scenario.restrictedEntry)', async () => {
    const { restrictedEntry, electricityEntry, openOffer } = endpoints.scenario;
    expect(restrictedEntry.visibleTo).toBe('bank');
    const search = async (connector: { url: string; apiKey: string }) =>
      (await (await fetch(`${connector.url}/api/v1/catalog/search?q=${encodeURIComponent('用电')}`, { headers: { authorization: `Bearer ${connector.apiKey}` } })).json()) as { total: number; items: Array<{ id: string }> };
    const [utility, bank] = endpoints.connectors;
    const bankView = await search(bank!);
    expect(bankView.items.map((i) => i.id).sort()).toEqual([electricityEntry, restrictedEntry.id, openOffer.entryId].sort());
    // The regulator oversees everything; a member that is not named sees the members' entry only.
    const login = async (participant: string) => {
      const account = endpoints.participants.find((p) => p.participant === participant)!;
      const answer = await fetch(`${endpoints.operator.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: account.username, password: account.password }) });
      return ((await answer.json()) as { token: string }).token;
    };
    const compliance = await login(endpoints.participants.find((p) => !['utility', 'bank', 'regulator'].includes(p.participant))!.participant);
    const seen = (await (await fetch(`${endpoints.operator.url}/api/v1/catalog/search?q=${encodeURIComponent('用电')}`, { headers: { authorization: `Bearer ${compliance}` } })).json()) as { total: number; items: Array<{ id: string }> };
    expect(seen.items.map((i) => i.id).sort()).toEqual([electricityEntry, openOffer.entryId].sort());
    const hidden = await fetch(`${endpoints.operator.url}/api/v1/catalog/entries/${encodeURIComponent(restrictedEntry.id)}`, { headers: { authorization: `Bearer ${compliance}` } });
    expect(hidden.status).toBe(404);
    expect((await search(utility!)).total).toBe(3);
  });

  it('records the space creation on a ledger that verifies, and keeps it across a restart', async () => {
    const saved = path.join(dir, 'checkpoint.txt');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const first = await runCli(['ledger', 'verify', '--url', endpoints.operator.url, '--key', endpoints.operator.ledgerVerifierKey, '--save-checkpoint', saved]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const size = Number(/条目数 (\d+)/.exec(first.stdout)?.[1]);
    expect(size).toBeGreaterThan(20);
    const before = endpoints;
    expect(await stopProcess(child)).toBe(0);
    await startDemo();
    expect(endpoints).toEqual(before);
    // The scenario ran once on this directory: a restart does not add its agreements and downloads again.
    expect(stdout).toContain('演示场景已于');
    expect(stdout).toContain('--rerun-scenario');
    expect(stdout).not.toMatch(/9\/9 步通过/);
    const second = await runCli(['ledger', 'verify', '--url', endpoints.operator.url, '--key', endpoints.operator.ledgerVerifierKey, '--from-checkpoint', saved, '--lang', 'en']);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain(`Consistent with the saved checkpoint (${size} entries)`);
  }, 300_000);

  it('runs the scenario again on a data directory where it ran when asked with --rerun-scenario', async () => {
    expect(await stopProcess(child)).toBe(0);
    await startDemo(['--rerun-scenario']);
    expect(stdout).toMatch(/9\/9 步通过/);
    expect(stdout).not.toContain('演示场景已于');
  }, 300_000);

  it('prints with tds dsp token an Authorization the provider accepts as the bank’s, more than once', async () => {
    const [utility, bank] = endpoints.connectors;
    const result = await runCli(['dsp', 'token', '--dir', dir, '--as', 'bank', '--audience', utility!.did]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/);
    const authorization = result.stdout.trim();
    for (const attempt of [1, 2]) {
      const whoami = await fetch(`${utility!.url}/api/v1/peer/whoami`, { headers: { authorization } });
      expect(whoami.status, `attempt ${attempt}`).toBe(200);
      expect(await whoami.json()).toMatchObject({ did: bank!.did, participantId: bank!.participantId });
    }
  });

  it('offers a dataset by HTTP pull whose policy the bank meets: negotiated, transferred and pulled (scenario.pullOffer)', async () => {
    const { pullOffer, restrictedEntry } = endpoints.scenario;
    expect(pullOffer).toEqual({ entryId: restrictedEntry.id, offerId: expect.stringMatching(/^urn:tds:offer:.+:download-credit$/), purpose: 'credit-risk-assessment' });
    const bank = endpoints.connectors.find((c) => c.name === 'bank')!;
    const started = await call('POST', `${bank.url}/api/v1/negotiations`, bank.apiKey, { entryId: pullOffer.entryId, offerId: pullOffer.offerId, purpose: pullOffer.purpose });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    let negotiation = started.body;
    await waitFor(async () => {
      negotiation = (await call('GET', `${bank.url}/api/v1/negotiations/${encodeURIComponent(started.body.id)}`, bank.apiKey)).body;
      return negotiation.state === 'FINALIZED' || negotiation.state === 'TERMINATED';
    }, 20_000, 'the negotiation to end');
    expect(negotiation.state, JSON.stringify(negotiation.reason)).toBe('FINALIZED');
    const transfer = await call('POST', `${bank.url}/api/v1/transfers`, bank.apiKey, { agreementId: negotiation.agreementId, format: 'HttpData-PULL' });
    expect(transfer.status, JSON.stringify(transfer.body)).toBe(201);
    await waitFor(async () => ['STARTED', 'TERMINATED'].includes((await call('GET', `${bank.url}/api/v1/transfers/${encodeURIComponent(transfer.body.id)}`, bank.apiKey)).body.state), 20_000, 'the transfer to start');
    const pulled = await call('POST', `${bank.url}/api/v1/transfers/${encodeURIComponent(transfer.body.id)}/pull`, bank.apiKey, {});
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(201);
    expect(pulled.body).toMatchObject({ agreementId: negotiation.agreementId, datasetId: pullOffer.entryId, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(pulled.body.bytes).toBeGreaterThan(0);
  });

  it('has a sandbox-only agreement: aggregates over k ≥ 10 enterprises leave, identifiers never (scenario.sandboxAgreementId)', async () => {
    const { sandboxAgreementId, tables } = endpoints.scenario;
    expect(tables).toEqual({ 企业用电数据: ['行政区划代码', '行业代码', '月份', '用电量', '电费'] });
    const bank = endpoints.connectors.find((c) => c.name === 'bank')!;
    const run = async (sql: string) => {
      const submitted = await call('POST', `${bank.url}/api/v1/sandbox/jobs`, bank.apiKey, { agreementId: sandboxAgreementId, sql });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
      let job = submitted.body;
      await waitFor(async () => {
        job = (await call('GET', `${bank.url}/api/v1/sandbox/jobs/${job.id}`, bank.apiKey)).body;
        return !['queued', 'running'].includes(job.state);
      }, 30_000, 'the sandbox job to end');
      return job;
    };
    const aggregate = await run('SELECT 行业代码, count(*) AS 企业月数, avg(用电量) AS 平均用电量 FROM 企业用电数据 GROUP BY 行业代码');
    expect(aggregate.state, JSON.stringify(aggregate.reason)).toBe('succeeded');
    expect(aggregate.result.rows.length).toBe(13);
    const identifier = await run('SELECT 统一社会信用代码, count(*) FROM 企业用电数据 GROUP BY 1');
    expect(identifier).toMatchObject({ state: 'refused', reason: { code: 'sandbox.unknown-column' } });
  });
});

describe('tds command line', () => {
  it('prints help in zh-CN by default and in English with --lang en', async () => {
    const zh = await runCli(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法：tds <命令>');
    const en = await runCli(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: tds <command>');
    const verifyHelp = await runCli(['ledger', 'verify', '--help', '--lang', 'en']);
    expect(verifyHelp.stdout).toContain('--from-checkpoint FILE');
  });

  it('refuses unknown commands and options with exit status 2', async () => {
    const unknown = await runCli(['frobnicate', '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command: frobnicate');
    const badOption = await runCli(['demo', '--bogus']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('选项错误');
    const badPort = await runCli(['demo', '--port', '99999', '--lang', 'en']);
    expect(badPort.code).toBe(2);
  });
});
