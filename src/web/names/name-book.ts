import type { Directory } from '../api/directory-types';

/** What an identifier names, when the console knows: an organisation or a person, and what kind. */
export interface KnownName {
  name: string;
  kind: 'participant' | 'applicant' | 'user';
}

export type NameOf = (identifier: string) => KnownName | undefined;

/**
 * Looks up the identifiers consoles show (a participant's DID or id, `participant:<id>`,
 * `applicant:<id>`, a DID with a key fragment, `user:<id>`) in the directory, plus names the
 * console learnt elsewhere (our own name from our credential). Unknown identifiers stay unnamed,
 * so the person sees the identifier itself rather than a guess.
 */
export function nameBook(directory: Directory | undefined, extra: Record<string, string> = {}): NameOf {
  const byKey = new Map<string, string>();
  for (const p of directory?.participants ?? []) {
    byKey.set(p.did, p.name);
    byKey.set(p.id, p.name);
  }
  for (const [key, name] of Object.entries(extra)) byKey.set(key, name);
  const users = new Map((directory?.users ?? []).map((u) => [u.actor, u.name]));
  return (identifier) => {
    const user = users.get(identifier);
    if (user) return { name: user, kind: 'user' };
    const [prefix, rest] = splitPrefix(identifier);
    const name = byKey.get(identifier) ?? byKey.get(identifier.split('#')[0] ?? identifier) ?? (rest ? byKey.get(rest) : undefined);
    if (!name) return undefined;
    return { name, kind: prefix === 'applicant' ? 'applicant' : 'participant' };
  };
}

function splitPrefix(identifier: string): [string | undefined, string | undefined] {
  const match = /^(participant|applicant):(.+)$/.exec(identifier);
  return match ? [match[1], match[2]] : [undefined, undefined];
}
