import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../crypto/signing-key.js';
import { checkCredentialStatus, type StatusCheckContext } from './credential-status-check.js';
import { IdentityRefusal } from './identity-refusal.js';
import { StatusList, statusListCredential } from './status-list.js';
import { issueCredentialJwt } from './vc-jose.js';
import { membershipCredential, type VerifiableCredential } from './verifiable-credential.js';

const NOW = new Date('2026-11-23T08:00:00.000Z');
const ISSUER = 'did:web:space-a.example';
const KID = `${ISSUER}#issuer-key`;
const url = (purpose: string) => `https://space-a.example/status/${purpose}`;
const key = generateSigningKey('ES256');
type Purpose = 'revocation' | 'suspension';

const aCredential = (index = 5): VerifiableCredential =>
  membershipCredential({
    id: `urn:uuid:00000000-0000-4000-8000-00000000000${index}`,
    issuer: ISSUER,
    subject: `${ISSUER}:participants:p1`,
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: '2027-01-01T00:00:00.000Z',
    status: { index, revocationList: url('revocation'), suspensionList: url('suspension') },
    space: ISSUER,
    participantId: 'p1',
    roles: ['consumer'],
    serviceKinds: [],
  });

/** A list credential JWT as the issuer signs it, with `set` bits on; override any part of the credential. */
async function aList(purpose: Purpose, set: number[] = [], overrides: Partial<VerifiableCredential> & { statusPurpose?: unknown } = {}) {
  const list = new StatusList();
  for (const i of set) list.set(i, true);
  const { statusPurpose, ...rest } = overrides;
  const vc = statusListCredential({ id: url(purpose), issuer: ISSUER, purpose, encodedList: list.encode(), validFrom: NOW.toISOString() });
  if (statusPurpose !== undefined) vc.credentialSubject.statusPurpose = statusPurpose;
  return issueCredentialJwt(key, KID, { ...vc, ...rest });
}

/** A context serving the given list JWTs (default: both lists all clear), counting fetches. */
async function aContext(served: Partial<Record<Purpose, string>> = {}) {
  const lists = { revocation: served.revocation ?? (await aList('revocation')), suspension: served.suspension ?? (await aList('suspension')) };
  const fetched: string[] = [];
  const context: StatusCheckContext = {
    now: NOW,
    clockSkewSeconds: 60,
    fetchStatusList: async (u) => {
      fetched.push(u);
      if (u === url('revocation')) return lists.revocation;
      if (u === url('suspension')) return lists.suspension;
      throw new Error(`GET ${u}: HTTP 404`);
    },
    resolveKey: async (issuer, kid) => (issuer === ISSUER && kid === KID ? key.publicJwk() : undefined),
    lists: new Map(),
  };
  return { context, fetched };
}

const reasonOf = (promise: Promise<void>) => promise.then(() => 'ok', (e: unknown) => (e instanceof IdentityRefusal ? e.reason : `threw ${String(e)}`));

describe('credential status checks', () => {
  it('pass a credential whose bits are clear, fetching each list once per verification', async () => {
    const { context, fetched } = await aContext();
    await checkCredentialStatus(aCredential(5), context);
    await checkCredentialStatus(aCredential(6), context);
    expect(fetched).toEqual([url('revocation'), url('suspension')]);
  });

  it('refuse a set bit with the purpose of its list, and leave other indexes alone', async () => {
    expect(await reasonOf(checkCredentialStatus(aCredential(5), (await aContext({ revocation: await aList('revocation', [5]) })).context))).toBe('credential.revoked');
    expect(await reasonOf(checkCredentialStatus(aCredential(5), (await aContext({ suspension: await aList('suspension', [5]) })).context))).toBe('credential.suspended');
    expect(await reasonOf(checkCredentialStatus(aCredential(4), (await aContext({ suspension: await aList('suspension', [5]) })).context))).toBe('ok');
  });

  it('report revocation first, whatever order the entries are in', async () => {
    const vc = aCredential(5);
    vc.credentialStatus = [...vc.credentialStatus!].reverse();
    const { context } = await aContext({ revocation: await aList('revocation', [5]), suspension: await aList('suspension', [5]) });
    expect(await reasonOf(checkCredentialStatus(vc, context))).toBe('credential.revoked');
  });

  it('do not let the suspension list answer for the revocation URL (§3.2: the purposes must match)', async () => {
    const { context } = await aContext({ revocation: await aList('suspension') });
    expect(await reasonOf(checkCredentialStatus(aCredential(5), context))).toBe('credential.status-unavailable');
  });

  it('accept a list published for several purposes, as the specification allows', async () => {
    const both = await aList('revocation', [5], { statusPurpose: ['suspension', 'revocation'] });
    expect(await reasonOf(checkCredentialStatus(aCredential(5), (await aContext({ revocation: both })).context))).toBe('credential.revoked');
  });

  it.each([
    ['expired', { validUntil: '2026-11-23T07:59:59.000Z' }],
    ['not yet valid beyond the clock skew', { validFrom: '2026-11-23T08:05:00.000Z' }],
    ['of an unreadable validity', { validFrom: 'yesterday' }],
    ['of another credential type', { type: ['VerifiableCredential', 'MembershipCredential'] }],
    ['without a purpose', { statusPurpose: null }],
    ['without a list', { credentialSubject: { id: 'x', type: 'BitstringStatusList', statusPurpose: 'revocation' } }],
    ['published under another URL', { id: 'https://space-a.example/status/revocation-old' }],
  ])('say the status is unavailable when the list is %s', async (_what, overrides) => {
    const { context } = await aContext({ revocation: await aList('revocation', [], overrides as Partial<VerifiableCredential>) });
    expect(await reasonOf(checkCredentialStatus(aCredential(5), context))).toBe('credential.status-unavailable');
  });

  it('say the status is unavailable when the answer is an error page, not an answer at all, or a fetch failure', async () => {
    for (const answer of ['<html><body>502 Bad Gateway</body></html>', 42, new Error('HTTP 503')]) {
      const { context } = await aContext();
      context.fetchStatusList = async () => {
        if (answer instanceof Error) throw answer;
        return answer as string;
      };
      expect(await reasonOf(checkCredentialStatus(aCredential(5), context)), String(answer)).toBe('credential.status-unavailable');
    }
  });

  it('refuse a list that is not the credential’s issuer’s as a bad signature', async () => {
    const stranger = generateSigningKey('ES256');
    const forged = await issueCredentialJwt(stranger, KID, statusListCredential({ id: url('revocation'), issuer: ISSUER, purpose: 'revocation', encodedList: new StatusList().encode(), validFrom: NOW.toISOString() }));
    const elsewhere = await issueCredentialJwt(key, 'did:web:space-b.example#issuer-key', statusListCredential({ id: url('revocation'), issuer: 'did:web:space-b.example', purpose: 'revocation', encodedList: new StatusList().encode(), validFrom: NOW.toISOString() }));
    for (const jwt of [forged, elsewhere]) {
      expect(await reasonOf(checkCredentialStatus(aCredential(5), (await aContext({ revocation: jwt })).context))).toBe('credential.signature');
    }
  });

  it('say the status is unavailable for an entry without a list URL, or whose index is not a decimal string inside the list', async () => {
    for (const change of [{ statusListCredential: undefined }, { statusListIndex: '-1' }, { statusListIndex: 5 }, { statusListIndex: '0x5' }, { statusListIndex: '131072' }]) {
      const vc = aCredential(5);
      vc.credentialStatus = [{ ...vc.credentialStatus![0]!, ...change } as never];
      expect(await reasonOf(checkCredentialStatus(vc, (await aContext()).context)), JSON.stringify(change)).toBe('credential.status-unavailable');
    }
  });

  it('skip entries of other types and purposes, and credentials without status', async () => {
    const vc = aCredential(5);
    vc.credentialStatus = [{ ...vc.credentialStatus![0]!, statusPurpose: 'message' as never }, { ...vc.credentialStatus![0]!, type: 'StatusList2021Entry' as never }];
    const { context, fetched } = await aContext({ revocation: await aList('revocation', [5]) });
    expect(await reasonOf(checkCredentialStatus(vc, context))).toBe('ok');
    delete vc.credentialStatus;
    expect(await reasonOf(checkCredentialStatus(vc, context))).toBe('ok');
    expect(fetched).toEqual([]);
  });

  it('read a single status entry that is not in an array (VC 2.0 allows both)', async () => {
    const vc = aCredential(5);
    (vc as { credentialStatus: unknown }).credentialStatus = vc.credentialStatus![0];
    expect(await reasonOf(checkCredentialStatus(vc, (await aContext({ revocation: await aList('revocation', [5]) })).context))).toBe('credential.revoked');
  });
});
