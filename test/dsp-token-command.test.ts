// `tds dsp token` as a process, against a stand-in connector: what it asks the connector for and
// what it prints, exits and says when something is wrong. The real demo space (tokens a provider
// accepts, the pull offer they unlock) is covered in demo.test.ts, which already runs one.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePortRange } from './support/free-port.js';
import { runCli } from './support/run-cli.js';

const bankKey = 'tds_key_bank';
const jws = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6d2ViOmJhbmsifQ.c2lnbmF0dXJl';

describe('tds dsp token', () => {
  let dir: string;
  let server: http.Server;
  const requests: Array<{ method: string; url: string; authorization: string | undefined; body: Record<string, unknown> }> = [];

  /** A connector's token endpoint: issues for the bank's API key, refuses anyone else as the real one does. */
  function standIn(request: http.IncomingMessage, response: http.ServerResponse) {
    let raw = '';
    request.on('data', (d) => (raw += d));
    request.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      requests.push({ method: request.method!, url: request.url!, authorization: request.headers.authorization, body });
      if (request.headers.authorization !== `Bearer ${bankKey}`) {
        response.writeHead(401, { 'content-type': 'application/problem+json' });
        response.end(JSON.stringify({ type: 'https://trustspace.dev/problems/auth.unauthorized', title: 'Unauthorized', status: 401, code: 'auth.unauthorized', detail: 'The API key is not valid.' }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ authorization: `Bearer ${jws}`, expiresAt: new Date(Date.now() + Number(body.ttlSeconds) * 1000).toISOString() }));
    });
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-dsp-token-'));
    server = http.createServer(standIn);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const closed = await freePortRange(1);
    const connectors = [
      { name: 'utility', url, apiKey: 'tds_key_revoked', did: 'did:web:utility', participantId: 'p_utility' },
      { name: 'bank', url: `${url}/`, apiKey: bankKey, did: 'did:web:bank', participantId: 'p_bank' },
      { name: 'offline', url: `http://127.0.0.1:${closed}`, apiKey: 'tds_key_offline', did: null, participantId: null },
    ];
    fs.writeFileSync(path.join(dir, 'endpoints.json'), JSON.stringify({ connectors }));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const token = (...args: string[]) => runCli(['dsp', 'token', '--dir', dir, ...args]);

  it('prints exactly the Authorization value of a reusable hour-long token, asked for with the participant’s API key', async () => {
    requests.length = 0;
    const result = await token('--as', 'bank', '--audience', 'did:web:utility');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Bearer ${jws}\n`);
    expect(result.stderr).toBe('');
    expect(requests).toEqual([{ method: 'POST', url: '/api/v1/identity/tokens', authorization: `Bearer ${bankKey}`, body: { audience: 'did:web:utility', reusable: true, ttlSeconds: 3600 } }]);
  });

  it('passes --ttl on, and refuses one outside 1-3600 seconds before calling anyone', async () => {
    requests.length = 0;
    expect((await token('--as', 'bank', '--audience', 'did:web:utility', '--ttl', '600')).code).toBe(0);
    expect(requests[0]!.body).toMatchObject({ ttlSeconds: 600, reusable: true });
    for (const ttl of ['3601', 'soon']) {
      const refused = await token('--as', 'bank', '--audience', 'did:web:utility', '--ttl', ttl, '--lang', 'en');
      expect(refused.code, ttl).toBe(2);
      expect(refused.stderr).toContain(`--ttl ${ttl}`);
    }
    expect(requests).toHaveLength(1);
  });

  it('exits 2 naming the known connectors when --as names none of them, in zh-CN and English', async () => {
    const zh = await token('--as', 'insurer', '--audience', 'did:web:utility');
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain('没有名为 insurer 的连接器；已知：utility, bank, offline');
    const en = await token('--as', 'insurer', '--audience', 'did:web:utility', '--lang', 'en');
    expect(en.stderr).toContain('No connector named insurer');
    expect(en.stderr).toContain('known: utility, bank, offline');
  });

  it('exits 2 with the usage when an option is missing or endpoints.json is not there', async () => {
    const missing = await token('--as', 'bank', '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --audience');
    expect(missing.stderr).toContain('Usage: tds dsp token');
    const nowhere = await runCli(['dsp', 'token', '--dir', path.join(dir, 'none'), '--as', 'bank', '--audience', 'did:web:utility', '--lang', 'en']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('Start the demo space first');
  });

  it('exits 1 with the connector’s problem detail when it refuses, and when it does not answer', async () => {
    const refused = await token('--as', 'utility', '--audience', 'did:web:bank', '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('Connector utility');
    expect(refused.stderr).toContain('401 auth.unauthorized — The API key is not valid.');
    const offline = await token('--as', 'offline', '--audience', 'did:web:bank');
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain('连接器 offline');
    expect(offline.stderr).toContain('ECONNREFUSED');
  });

  it('is listed in the help and has its own', async () => {
    expect((await runCli(['--help', '--lang', 'en'])).stdout).toContain('dsp token');
    const help = await runCli(['dsp', 'token', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法：tds dsp token --as 名称 --audience DID');
  });
});
