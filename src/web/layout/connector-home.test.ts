import { describe, expect, it } from 'vitest';
import type { Credential } from '../api/api-types';
import { ownName, ownRoles } from '../credentials/credential-claims';
import { paths } from '../router/routes';
import { connectorHomePath } from './connector-home';

const segment = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function aCredential(type: string, subject: Record<string, unknown>): Credential {
  const payload = { type: ['VerifiableCredential', type], issuer: 'did:web:op.example', credentialSubject: { id: 'did:web:op.example:participants:p_1', ...subject } };
  return { id: `urn:uuid:${type}`, type, jwt: `${segment({ alg: 'EdDSA' })}.${segment(payload)}.c2ln` };
}

describe('the connector console’s first page', () => {
  it('is the catalog search for a participant admitted only as a consumer (the bank)', () => {
    expect(connectorHomePath({ credentials: [aCredential('MembershipCredential', { roles: ['consumer'] })] })).toBe(paths.catalog);
  });

  it('is the data resources for a provider, and while the roles are unknown', () => {
    expect(connectorHomePath({ credentials: [aCredential('MembershipCredential', { roles: ['provider', 'consumer'] })] })).toBe(paths.assets);
    expect(connectorHomePath({ credentials: [] })).toBe(paths.assets);
    expect(connectorHomePath(undefined)).toBe(paths.assets);
  });

  it('reads our roles and registered name from our own credentials', () => {
    const credentials = [aCredential('LegalEntityCredential', { name: '城市商业银行' }), aCredential('MembershipCredential', { roles: ['consumer'] })];
    expect(ownRoles(credentials)).toEqual(['consumer']);
    expect(ownName(credentials)).toEqual({ name: '城市商业银行', did: 'did:web:op.example:participants:p_1' });
  });
});
