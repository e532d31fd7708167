import { describe, expect, it } from 'vitest';
import { aDocumentAuthorization, anEd25519Authorization, anSm2Authorization, aPerEntityAlgorithm, CONSUMER, NOW, PURPOSE } from './entity-authorization-fixtures.js';
import { authorizationDigest } from './entity-authorization.js';
import { authorizedRows, judgeEntities } from './entity-gate.js';

const A = '91410100MA0000001X';
const B = '91410100MA0000002Y';
const C = '91410100MA0000003Z';
const expected = { consumer: CONSUMER, purpose: PURPOSE, at: NOW };
const definition = aPerEntityAlgorithm();

describe('the entity gate of per-entity algorithms', () => {
  it('accepts entities each authorized by a signature (Ed25519, SM2) or a document digest', () => {
    const judged = judgeEntities(definition, { applicants: `${A},${B},${C}` }, [anEd25519Authorization(A), anSm2Authorization(B), aDocumentAuthorization(C)], expected);
    expect('used' in judged && judged.used.map((a) => a.entityId)).toEqual([A, B, C]);
  });

  it('refuses and lists every entry without a valid authorization, with the reason', () => {
    const judged = judgeEntities(definition, { applicants: `${A},${B},${C}` }, [anEd25519Authorization(A)], expected);
    expect('refusal' in judged && judged.refusal.code).toBe('sandbox.entity-unauthorized');
    if (!('refusal' in judged)) return;
    expect(judged.refusal.message.en).toContain(`applicants[1] ${B} (no authorization); applicants[2] ${C} (no authorization)`);
    expect(judged.refusal.message['zh-CN']).toContain(`applicants[1] ${B}（无授权）`);
    expect(judged.refusal.message.en).not.toContain(`${A}`);
  });

  it.each([
    ['another consumer', anEd25519Authorization(A, { consumer: 'did:web:other.example' }), 'authorizes another consumer'],
    ['another purpose', anEd25519Authorization(A, { purpose: 'marketing' }), 'another purpose'],
    ['an expired one', anEd25519Authorization(A, { validUntil: '2026-12-01T00:00:00Z' }), 'expired'],
    ['one not yet valid', anSm2Authorization(A, { validFrom: '2027-01-01T00:00:00Z' }), 'not valid yet'],
    ['a forged signature', { ...anEd25519Authorization(B), entityId: A }, 'does not verify'],
    ['a tampered SM2 statement', { ...anSm2Authorization(A), validUntil: '2030-01-01T00:00:00Z' }, 'does not verify'],
    ['a malformed digest', { ...aDocumentAuthorization(A), evidence: { kind: 'document' as const, algorithm: 'SHA-256' as const, digest: 'abc' } }, 'malformed'],
  ])('does not count %s', (_, authorization, words) => {
    const judged = judgeEntities(definition, { applicants: A }, [authorization], expected);
    expect('refusal' in judged && judged.refusal.message.en).toContain(words);
  });

  it('gives the same refusal for an entity whatever the data holds: it never looks at the data', () => {
    const one = judgeEntities(definition, { applicants: A }, [], expected);
    const other = judgeEntities(definition, { applicants: B }, [], expected);
    expect(JSON.stringify(one).replaceAll(A, 'X')).toBe(JSON.stringify(other).replaceAll(B, 'X'));
  });

  it('asks nothing of algorithms that are not per-entity', () => {
    const { entities: _, ...plain } = definition;
    expect(judgeEntities(plain, { applicants: A }, [], expected)).toEqual({ used: [] });
  });

  it('keeps only rows naming an authorized entity', () => {
    const rows = [[A, 1], [B, 2], [null, 3]] as const;
    expect(authorizedRows(definition, ['code', 'score'], rows, new Set([A]))).toEqual([[A, 1]]);
    expect(authorizedRows(definition, ['other', 'score'], rows, new Set([A]))).toEqual([]);
  });

  it('digests a record for the ledger, changing with any field', () => {
    const a = aDocumentAuthorization(A);
    expect(authorizationDigest(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(authorizationDigest({ ...a, purpose: 'x' })).not.toBe(authorizationDigest(a));
  });
});
