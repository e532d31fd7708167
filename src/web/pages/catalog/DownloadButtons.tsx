import { entryFormats, fetchEntryAs, type EntryFormat } from '../../api/catalog-api';
import { DownloadGroup } from '../../components/DownloadGroup';
import type { MessageKey } from '../../i18n/messages';

/** A file name from the URN's resource part: `urn:tds:s:p_1:electricity-2024` → `electricity-2024.ttl`. */
function fileName(id: string, version: number, format: EntryFormat): string {
  const resource = id.split(':').slice(4).join('-') || 'entry';
  return `${resource.replace(/[^A-Za-z0-9._~-]+/g, '-')}-v${version}.${entryFormats[format].extension}`;
}

const buttons: ReadonlyArray<[EntryFormat, MessageKey]> = [
  ['jsonld', 'catalog.entry.downloadJsonLd'],
  ['turtle', 'catalog.entry.downloadTurtle'],
];

/** The entry's metadata as DCAT JSON-LD or Turtle. */
export function DownloadButtons({ id, version }: { id: string; version: number }) {
  const options = buttons.map(([format, label]) => ({ format, label, fileName: fileName(id, version, format), fetch: () => fetchEntryAs(id, format, version) }));
  return <DownloadGroup options={options} />;
}
