import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anOperator, ledgerSettled, testAdminToken, type OperatorFixture } from '../../../test/support/operator-fixture.js';
import { restoreLeaf, tamperLeaf } from '../../../test/support/tamper-leaf.js';
import { databaseKinds } from '../../../test/support/test-databases.js';

describe.each(databaseKinds)("the operator's verification of its own ledger on %s", (kind) => {
  let op: OperatorFixture;
  const get = async (url: string) => (await op.node.app.inject({ method: 'GET', url })).json();
  const append = (n: number, tag: string) =>
    op.node.app.inject({
      method: 'POST',
      url: '/ledger/entries',
      headers: { authorization: `Bearer ${testAdminToken}` },
      payload: { entries: Array.from({ length: n }, (_, i) => ({ type: 'test.appended', subject: `urn:tds:test:${tag}:${i}`, actor: 'did:web:test', payload: { i } })) },
    });

  beforeEach(async () => {
    op = await anOperator(kind);
    expect((await append(100, 'a')).statusCode).toBe(201);
    await ledgerSettled(op);
  });
  afterEach(() => op.close());

  it('verifies the log at start and reports it on /ledger/status', async () => {
    expect(await get('/ledger/status')).toMatchObject({ state: 'verified' });
    expect(await op.node.selfCheck.check('full')).toMatchObject({ state: 'verified', verifiedSize: op.node.sequencer.size });
  });

  it('names a leaf tampered in the database on its scheduled check, and signs no checkpoint until it is restored', async () => {
    await op.node.selfCheck.check('full');
    const original = (await op.database.db.selectFrom('ledger_leaf').select('leaf').where('idx', '=', 54).executeTakeFirstOrThrow()).leaf;
    await tamperLeaf(op.database, 54, (json) => {
      json.payload = { i: 5400 };
    });
    const checkpoint = (await op.node.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).body;
    expect(await op.node.selfCheck.check('full')).toMatchObject({ state: 'broken', brokenIndex: 54 });
    expect(await get('/ledger/status')).toMatchObject({ state: 'broken', brokenIndex: 54 });
    expect((await op.node.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);

    const refused = await append(1, 'b');
    expect(refused.statusCode).toBe(503);
    expect(refused.json().code).toBe('ledger.integrity-failed');
    expect((await op.node.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).body).toBe(checkpoint);

    await restoreLeaf(op.database, 54, original);
    expect(await op.node.selfCheck.check('full')).toMatchObject({ state: 'verified' });
    expect((await append(1, 'c')).statusCode).toBe(201);
  });

  it('finds, when it restarts, a leaf tampered after its last verified checkpoint, and starts without signing', async () => {
    // The start-time check verified the first entries only; the 100 appended since are checked at the restart.
    const verifiedAtStart = (await get('/ledger/status')).verifiedSize as number;
    expect(verifiedAtStart).toBeLessThan(54);
    await tamperLeaf(op.database, 54, (json) => {
      json.subject = 'urn:tds:test:forged';
    });
    const checkpoint = (await op.node.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).body;
    await op.restart();
    expect(await get('/ledger/status')).toMatchObject({ state: 'broken', brokenIndex: 54, verifiedSize: verifiedAtStart });
    expect((await append(1, 'd')).statusCode).toBe(503);
    expect((await op.node.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).body).toBe(checkpoint);
  });

  it('checks incrementally at start: a restart over an intact log continues from the last verified checkpoint', async () => {
    const first = await op.node.selfCheck.check('full');
    await op.restart();
    const status = await get('/ledger/status');
    expect(status).toMatchObject({ state: 'verified', verifiedSize: first.verifiedSize });
    // A leaf already verified and then tampered is found by the scheduled full check, not by the incremental one.
    await tamperLeaf(op.database, 3, (json) => {
      json.payload = { i: 300 };
    });
    expect(await op.node.selfCheck.check('incremental')).toMatchObject({ state: 'verified' });
    expect(await op.node.selfCheck.check('full')).toMatchObject({ state: 'broken', brokenIndex: 3 });
  });
});
