/** Why an identity token was refused; stable strings that callers log and show. */
export type IdentityFailure =
  | 'token.malformed'
  | 'token.signature'
  | 'token.audience'
  | 'token.expired'
  | 'token.replayed'
  | 'did.unresolvable'
  | 'credential.untrusted-issuer'
  | 'credential.signature'
  | 'credential.expired'
  | 'credential.subject-mismatch'
  | 'credential.revoked'
  | 'credential.suspended'
  | 'credential.status-unavailable'
  | 'credential.missing-membership';

/**
 * A refusal inside identity verification: thrown by its steps and turned into `{ ok: false }` by
 * `verifyIdentityToken`; it never leaves that function.
 */
export class IdentityRefusal extends Error {
  constructor(
    readonly reason: IdentityFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'IdentityRefusal';
  }
}

/** The message of anything thrown, including what is not an Error. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
