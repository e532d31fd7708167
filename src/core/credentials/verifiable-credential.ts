/** The base context of W3C VC 2.0 and Trustspace's own vocabulary for its credential types. */
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/**
 * Our credential terms (MembershipCredential, SpaceMember, space, roles, …), as an inline context:
 * every term VC 2.0's context leaves undefined falls in our namespace. Inline, so a verifier's
 * JSON-LD processor resolves nothing of ours (VC 2.0 allows objects after the base context; ADR 0015).
 */
export const TRUSTSPACE_CONTEXT = { '@vocab': 'https://w3id.org/trustspace/ns#' } as const;

/** Where a credential's bits stand in the issuer's two Bitstring Status Lists. */
export interface CredentialStatusRef {
  index: number;
  revocationList: string;
  suspensionList: string;
}

/** One `credentialStatus` entry (Bitstring Status List v1.0): which bit of which list. */
export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation' | 'suspension';
  statusListIndex: string;
  statusListCredential: string;
}

/** A W3C VC 2.0 credential (the JWT claims set of a VC-JOSE credential). */
export interface VerifiableCredential {
  '@context': Array<string | Readonly<Record<string, string>>>;
  id: string;
  type: string[];
  issuer: string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: Record<string, unknown> & { id?: string };
  credentialStatus?: BitstringStatusListEntry[];
}

/** What every credential of a participant states besides its subject's claims. */
interface Common {
  /** `urn:uuid:…`, unique per credential. */
  id: string;
  issuer: string;
  subject: string;
  validFrom: string;
  validUntil: string;
  status: CredentialStatusRef;
}

function statusEntries(status: CredentialStatusRef): BitstringStatusListEntry[] {
  return [
    { id: `${status.revocationList}#${status.index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(status.index), statusListCredential: status.revocationList },
    { id: `${status.suspensionList}#${status.index}`, type: 'BitstringStatusListEntry', statusPurpose: 'suspension', statusListIndex: String(status.index), statusListCredential: status.suspensionList },
  ];
}

function credential(type: string, common: Common, subject: Record<string, unknown>): VerifiableCredential {
  return {
    '@context': [VC_CONTEXT, TRUSTSPACE_CONTEXT],
    id: common.id,
    type: ['VerifiableCredential', type],
    issuer: common.issuer,
    validFrom: common.validFrom,
    validUntil: common.validUntil,
    credentialSubject: { id: common.subject, ...subject },
    credentialStatus: statusEntries(common.status),
  };
}

/** Membership of a space (空间成员资格): which space, in which roles. */
export function membershipCredential(input: Common & { space: string; participantId: string; roles: string[]; serviceKinds: string[] }): VerifiableCredential {
  return credential('MembershipCredential', input, {
    type: 'SpaceMember',
    space: input.space,
    participantId: input.participantId,
    roles: input.roles,
    ...(input.serviceKinds.length > 0 ? { serviceKinds: input.serviceKinds } : {}),
  });
}

/** The verified legal entity behind a participant (法人身份): name, USCC, region, industry. */
export function legalEntityCredential(input: Common & { name: string; uscc: string; region: string; industry: string }): VerifiableCredential {
  return credential('LegalEntityCredential', input, {
    type: 'LegalEntity',
    name: input.name,
    uscc: input.uscc,
    region: input.region,
    industry: input.industry,
  });
}

/** The credential's own type (the first one other than `VerifiableCredential`), if any. */
export function credentialTypeOf(vc: Pick<VerifiableCredential, 'type'>): string | undefined {
  return (Array.isArray(vc.type) ? vc.type : [vc.type]).find((t) => t !== 'VerifiableCredential');
}

/** The issuer's DID, whether `issuer` is a string or an object with an `id` (VC 2.0 allows both). */
export const issuerOf = (vc: { issuer?: unknown }): string | undefined =>
  typeof vc.issuer === 'string' ? vc.issuer : typeof vc.issuer === 'object' && vc.issuer !== null ? String((vc.issuer as { id?: unknown }).id ?? '') || undefined : undefined;
