import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/test-databases.js';
import { anOperator, testAdminToken, type OperatorFixture } from '../../../test/support/operator-fixture.js';
import { hashAlgorithm } from '../../core/crypto/hash-algorithm.js';
import { parseCheckpoint } from '../../core/ledger/checkpoint.js';
import { leafHash } from '../../core/ledger/merkle-hash.js';
import { verifyConsistency, verifyInclusion } from '../../core/ledger/proof-verify.js';
import { openNote } from '../../core/ledger/signed-note.js';

const auth = { authorization: `Bearer ${testAdminToken}` };
const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

describe.each(databaseKinds)('ledger HTTP API on %s', (kind) => {
  let op: OperatorFixture;
  beforeEach(async () => {
    op = await anOperator(kind);
  });
  afterEach(() => op.close());

  const append = (entries: unknown[], headers: Record<string, string> = auth) =>
    op.node.app.inject({ method: 'POST', url: '/ledger/entries', headers, payload: { entries } });
  const anEntry = (n: number) => ({ type: 'test.appended', subject: `urn:tds:test:${n}`, actor: 'did:web:test', payload: { n, 名称: '测试' } });
  const checkpoint = async () => {
    const note = (await op.node.app.inject({ url: '/ledger/checkpoint' })).body;
    return parseCheckpoint(openNote(note, op.node.verifierKey).text);
  };

  it('appends with the admin token, answers the indexes, and publishes a signed checkpoint', async () => {
    const res = await append([anEntry(1), anEntry(2), anEntry(3)]);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ indexes: [0, 1, 2] });
    const cp = await op.node.app.inject({ url: '/ledger/checkpoint' });
    expect(cp.headers['content-type']).toMatch(/^text\/plain/);
    expect(cp.body).toMatch(/^tds\.test\/space\n3\n[A-Za-z0-9+/]{43}=\n\n— tds\.test\/space [A-Za-z0-9+/]+=*\n$/);
    expect((await checkpoint()).size).toBe(3);
    const key = await op.node.app.inject({ url: '/ledger/verifier-key' });
    expect(key.body.trim()).toBe(op.node.verifierKey);
  });

  it('refuses appends without or with a wrong token, and with invalid entries, writing nothing', async () => {
    expect((await append([anEntry(1)], {})).json().code).toBe('auth.missing-credentials');
    expect((await append([anEntry(1)], { authorization: 'Bearer nope' })).statusCode).toBe(401);
    const bad = await append([{ ...anEntry(1), type: 'Not A Type' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/entries/0/type');
    expect((await append([{ ...anEntry(1), extra: true }])).statusCode).toBe(400);
    expect((await append([])).statusCode).toBe(400);
    expect((await checkpoint()).size).toBe(0);
  });

  it('serves each entry with its leaf and decoded form', async () => {
    await append([anEntry(1), anEntry(2)]);
    const res = await op.node.app.inject({ url: '/ledger/entries/1' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.index).toBe(1);
    expect(body.entry).toMatchObject({ type: 'test.appended', subject: 'urn:tds:test:2', payload: { n: 2, 名称: '测试' } });
    expect(JSON.parse(Buffer.from(body.leaf, 'base64').toString('utf8'))).toEqual(body.entry);
    const missing = await op.node.app.inject({ url: '/ledger/entries/2' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('ledger.entry-not-found');
    expect((await op.node.app.inject({ url: '/ledger/entries/-1' })).statusCode).toBe(400);
    expect((await op.node.app.inject({ url: '/ledger/entries/abc' })).statusCode).toBe(400);
  });

  it('pages entries with from and to, clipped to the tree size', async () => {
    await append(Array.from({ length: 5 }, (_, i) => anEntry(i)));
    const page = (await op.node.app.inject({ url: '/ledger/entries?from=1&to=3' })).json();
    expect(page).toMatchObject({ size: 5, from: 1, to: 3 });
    expect(page.entries.map((e: { index: number }) => e.index)).toEqual([1, 2]);
    const rest = (await op.node.app.inject({ url: '/ledger/entries?from=3' })).json();
    expect(rest.to).toBe(5);
    const beyond = await op.node.app.inject({ url: '/ledger/entries?from=9' });
    expect(beyond.json().code).toBe('ledger.range-invalid');
    expect((await op.node.app.inject({ url: '/ledger/entries?from=3&to=1' })).statusCode).toBe(400);
  });

  it('serves inclusion and consistency proofs that verify against signed checkpoints', async () => {
    const alg = hashAlgorithm('sha256');
    await append(Array.from({ length: 6 }, (_, i) => anEntry(i)));
    const cp6 = await checkpoint();
    await append(Array.from({ length: 7 }, (_, i) => anEntry(10 + i)));
    const cp13 = await checkpoint();
    for (const [index, size, root] of [[4, 6, cp6.rootHash], [12, 13, cp13.rootHash], [0, 13, cp13.rootHash]] as const) {
      const leaf = fromB64((await op.node.app.inject({ url: `/ledger/entries/${index}` })).json().leaf);
      const proof = (await op.node.app.inject({ url: `/ledger/proof/inclusion?index=${index}&size=${size}` })).json().hashes.map(fromB64);
      expect(() => verifyInclusion(alg, index, size, leafHash(alg, leaf), proof, root)).not.toThrow();
    }
    const consistency = (await op.node.app.inject({ url: '/ledger/proof/consistency?from=6&to=13' })).json().hashes.map(fromB64);
    expect(() => verifyConsistency(alg, 6, 13, consistency, cp6.rootHash, cp13.rootHash)).not.toThrow();
  });

  it('refuses proofs outside the tree with ledger.range-invalid', async () => {
    await append([anEntry(1), anEntry(2)]);
    for (const url of [
      '/ledger/proof/inclusion?index=2&size=2',
      '/ledger/proof/inclusion?index=0&size=3',
      '/ledger/proof/consistency?from=0&to=2',
      '/ledger/proof/consistency?from=2&to=1',
      '/ledger/proof/consistency?from=1&to=5',
    ]) {
      const res = await op.node.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('ledger.range-invalid');
    }
    expect((await op.node.app.inject({ url: '/ledger/proof/inclusion?index=x&size=2' })).json().code).toBe('request.invalid');
  });

  it('documents every ledger endpoint in the OpenAPI document', async () => {
    const spec = (await op.node.app.inject({ url: '/docs/json' })).json();
    for (const path of ['/ledger/checkpoint', '/ledger/verifier-key', '/ledger/entries/{index}', '/ledger/entries', '/ledger/proof/inclusion', '/ledger/proof/consistency']) {
      expect(spec.paths[path], path).toBeDefined();
    }
    expect(spec.paths['/ledger/entries'].post.security).toEqual([{ bearer: [] }]);
  });
});
