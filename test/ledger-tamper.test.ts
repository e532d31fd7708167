import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/test-databases.js';
import { anOperator, testAdminToken, type OperatorFixture } from './support/operator-fixture.js';
import { runCli } from './support/run-cli.js';
import { tamperLeaf as tamperDatabaseLeaf } from './support/tamper-leaf.js';

const tamperLeaf = (op: OperatorFixture, index: number, edit: (json: Record<string, unknown>) => void) => tamperDatabaseLeaf(op.database, index, edit);

describe.each(databaseKinds)('tds ledger verify against an operator on %s', (kind) => {
  let op: OperatorFixture;
  let url: string;
  let dir: string;

  beforeEach(async () => {
    op = await anOperator(kind);
    await op.node.app.listen({ host: '127.0.0.1', port: 0 });
    const address = op.node.app.server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-verify-'));
    const entries = Array.from({ length: 100 }, (_, n) => ({ type: 'test.appended', subject: `urn:tds:test:${n}`, actor: 'did:web:test', payload: { n } }));
    const res = await fetch(`${url}/ledger/entries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${testAdminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ entries }),
    });
    expect(res.status).toBe(201);
  });
  afterEach(async () => {
    await op.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('verifies an untouched ledger and saves its checkpoint', async () => {
    const saved = path.join(dir, 'cp.txt');
    const result = await runCli(['ledger', 'verify', '--url', url, '--key', op.node.verifierKey, '--save-checkpoint', saved, '--lang', 'en']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Recomputed all 100 entries');
    expect(result.stdout).toContain('Ledger verified.');
    expect(fs.readFileSync(saved, 'utf8')).toMatch(/^tds\.test\/space\n100\n/);
  });

  it('names the entry that was edited directly in the database', async () => {
    await tamperLeaf(op, 42, (json) => {
      json.payload = { n: 4200 };
    });
    const result = await runCli(['ledger', 'verify', '--url', url, '--key', op.node.verifierKey]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('第 42 号条目被篡改');
    expect(result.stdout).not.toMatch(/第 (?!42 )\d+ 号条目被篡改/);
  });

  it('catches a rewritten leaf even when its payload hash was rewritten to match', async () => {
    await tamperLeaf(op, 7, (json) => {
      json.subject = 'urn:tds:test:forged';
    });
    const result = await runCli(['ledger', 'verify', '--url', url, '--key', op.node.verifierKey, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Entry 7 was tampered with');
  });

  it('proves consistency with a saved checkpoint after the log grows', async () => {
    const saved = path.join(dir, 'cp.txt');
    expect((await runCli(['ledger', 'verify', '--url', url, '--key', op.node.verifierKey, '--save-checkpoint', saved])).code).toBe(0);
    await op.node.sequencer.append([{ type: 'test.more', subject: 's', actor: 'a', at: new Date().toISOString(), payload: null }]);
    const result = await runCli(['ledger', 'verify', '--url', url, '--key', op.node.verifierKey, '--from-checkpoint', saved, '--lang', 'en']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Consistent with the saved checkpoint (100 entries)');
  });

  it('detects a rewritten history (a fork under the same key) against a saved checkpoint', async () => {
    const saved = path.join(dir, 'cp.txt');
    expect((await runCli(['ledger', 'verify', '--url', url, '--key', op.node.verifierKey, '--save-checkpoint', saved])).code).toBe(0);
    const forked = await anOperator(kind, 'sha256', op.key);
    try {
      await forked.node.app.listen({ host: '127.0.0.1', port: 0 });
      const forkUrl = `http://127.0.0.1:${(forked.node.app.server.address() as { port: number }).port}`;
      const at = new Date().toISOString();
      await forked.node.sequencer.append(Array.from({ length: 120 }, (_, n) => ({ type: 'test.rewritten', subject: `urn:tds:test:${n}`, actor: 'did:web:test', at, payload: { n } })));
      const alone = await runCli(['ledger', 'verify', '--url', forkUrl, '--key', op.node.verifierKey]);
      expect(alone.code, 'the fork is self-consistent on its own').toBe(0);
      const result = await runCli(['ledger', 'verify', '--url', forkUrl, '--key', op.node.verifierKey, '--from-checkpoint', saved, '--lang', 'en']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('not consistent with the saved checkpoint of size 100');
    } finally {
      await forked.close();
    }
  });

  it('refuses a checkpoint signed by another key', async () => {
    const other = 'tds.test/space+00000000+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const result = await runCli(['ledger', 'verify', '--url', url, '--key', other, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAILED');
  });

  it('exits 2 with a clear message when the operator cannot be reached', async () => {
    const result = await runCli(['ledger', 'verify', '--url', 'http://127.0.0.1:1', '--key', op.node.verifierKey, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Could not verify');
  });
});
