import { DatasetName } from '../../components/DatasetName';
import { NamedId } from '../../components/NamedId';
import { eventTypeLabels } from '../../i18n/event-labels';
import { useLabel } from '../../i18n/use-label';

/** An entry's subject or actor by name: a catalog resource by its title, a participant or reviewer by theirs. */
export function EvidenceParty({ id, full }: { id: string; full?: boolean }) {
  return id.startsWith('urn:tds:') ? <DatasetName id={id} full={full} /> : <NamedId id={id} full={full} />;
}

/** An entry's event type in the console's language, its code one click away. */
export function EventType({ type }: { type: string }) {
  const label = useLabel();
  const text = label(eventTypeLabels, type);
  return <span data-event-type={type}><NamedId id={type} name={text === type ? undefined : text} /></span>;
}
