/** Who a ledger entry's actor is, as far as the dashboard tells participants apart. */
export type LedgerActor =
  | { kind: 'participant'; participantId: string }
  | { kind: 'user'; userId: string }
  | { kind: 'apiKey'; keyId: string }
  | { kind: 'operator' };

const CONNECTOR_DID = /:participants:([A-Za-z0-9_-]+)$/;

/**
 * Reads an entry's actor: a connector's DID (`did:web:<operator>:participants:<id>`), an applicant
 * (`applicant:<id>`), a console user (`user:<id>`) or an API key (`apikey:<id>`); anything else
 * (the operator itself, its admin token) is the operator.
 */
export function ledgerActor(actor: string): LedgerActor {
  const did = CONNECTOR_DID.exec(actor);
  if (actor.startsWith('did:') && did) return { kind: 'participant', participantId: did[1]! };
  if (actor.startsWith('applicant:')) return { kind: 'participant', participantId: actor.slice('applicant:'.length) };
  if (actor.startsWith('user:')) return { kind: 'user', userId: actor.slice('user:'.length) };
  if (actor.startsWith('apikey:')) return { kind: 'apiKey', keyId: actor.slice('apikey:'.length) };
  return { kind: 'operator' };
}

/** The participant id in a DID of this space's participants, if it is one. */
export function participantOfDid(did: string | null): string | undefined {
  return did ? CONNECTOR_DID.exec(did)?.[1] : undefined;
}
