import type { ParticipantFiguresStore } from '../../store/metrics/participant-figures-store.js';
import { ledgerActor } from './ledger-actor.js';

export interface ParticipantActivity {
  participantId: string;
  name: string;
  roles: string[];
  entries: number;
}

/**
 * Sums ledger entries per participant: a participant acts through its connector (its DID), its
 * users, its API keys and, before admission, as an applicant. What the operator and its staff
 * recorded is counted apart.
 */
export async function participantActivity(
  byActor: Array<{ actor: string; entries: number }>,
  store: ParticipantFiguresStore,
): Promise<{ participants: ParticipantActivity[]; operatorEntries: number }> {
  const actors = byActor.map((a) => ({ ...a, who: ledgerActor(a.actor) }));
  const userIds = actors.flatMap((a) => (a.who.kind === 'user' ? [a.who.userId] : []));
  const keyIds = actors.flatMap((a) => (a.who.kind === 'apiKey' ? [a.who.keyId] : []));
  const { users, apiKeys } = await store.participantsOf(userIds, keyIds);
  const entries = new Map<string, number>();
  let operatorEntries = 0;
  for (const a of actors) {
    const id = a.who.kind === 'participant' ? a.who.participantId : a.who.kind === 'user' ? users.get(a.who.userId) : a.who.kind === 'apiKey' ? apiKeys.get(a.who.keyId) : undefined;
    if (id === undefined) operatorEntries += a.entries;
    else entries.set(id, (entries.get(id) ?? 0) + a.entries);
  }
  const names = await store.names([...entries.keys()]);
  const participants = [...entries]
    .flatMap(([participantId, count]) => {
      const known = names.get(participantId);
      // A DID-shaped actor of no participant here (another space's connector) is nobody's activity.
      return known ? [{ participantId, name: known.name, roles: known.roles, entries: count }] : [];
    })
    .sort((a, b) => b.entries - a.entries || a.name.localeCompare(b.name));
  return { participants, operatorEntries };
}
