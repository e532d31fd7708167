import type { AssetPublication, AssetRecord } from '../../core/assets/asset-record.js';
import type { Visibility } from '../../core/catalog/catalog-visibility.js';
import type { AccessMode, CatalogEntry, Distribution } from '../../core/metadata/catalog-entry.js';
import { toDcatJsonLd, type JsonLdObject } from '../../core/metadata/dcat-jsonld.js';
import { dspContextUrl } from '../../core/metadata/dcat-context.js';

/** The transfer format a distribution is offered in, by access mode (DSP `format`). */
export const dspFormats: Readonly<Record<AccessMode, string>> = {
  download: 'HttpData-PULL',
  api: 'HttpProxy-PULL',
  sandbox: 'TdsSandbox-PULL',
};

export interface DspPeer {
  participantId?: string;
  roles: readonly string[];
}

/**
 * Whether a peer connector sees a published asset in this connector's own DSP catalog. The peer
 * is a verified member (its token proved it); the connector knows its participant id and roles
 * from its credentials, not its industry or region, so a rule naming those is left to the
 * operator's catalog, which knows them.
 */
export function peerMaySee(visibility: Visibility, peer: DspPeer): boolean {
  switch (visibility.scope) {
    case 'public':
    case 'members':
      return true;
    case 'named':
      return peer.participantId !== undefined && visibility.participants.includes(peer.participantId);
    case 'restricted':
      if (visibility.industries?.length || visibility.regions?.length) return false;
      return !visibility.roles?.length || visibility.roles.some((r) => peer.roles.includes(r));
  }
}

/** The `@id` an offer has in this connector's DSP catalog: its own, or one derived from the asset and offer ids. */
export const dspOfferId = (assetId: string, offer: { id: string; policy: Record<string, unknown> }): string =>
  typeof offer.policy['@id'] === 'string' ? offer.policy['@id'] : `urn:tds:offer:${assetId}:${offer.id}`;

/** One published asset as a DSP Dataset: the core DCAT mapping with the offers as `hasPolicy`. */
export function dspDataset(asset: AssetRecord, publication: AssetPublication, serviceId: string): JsonLdObject {
  const modes = [...new Set([...publication.offers.map((o) => o.accessMode), ...(asset.entry.distributions ?? []).flatMap((d) => (d.accessMode ? [d.accessMode] : []))])];
  const distributions: Distribution[] = modes.map((mode) => ({ format: dspFormats[mode], accessMode: mode, accessService: { id: serviceId } }));
  const entry: CatalogEntry = { ...asset.entry, id: publication.entryId, distributions };
  const hasPolicy = publication.offers.map((o) => ({ ...o.policy, '@type': 'Offer', '@id': dspOfferId(asset.id, o) }));
  const { '@context': _context, ...dataset } = toDcatJsonLd(entry, { profile: 'dsp', hasPolicy });
  return dataset;
}

/** The DSP Catalog of this connector's published assets that the peer may see. */
export function dspCatalog(options: { did: string; serviceId: string; endpointUrl: string; datasets: JsonLdObject[]; context: unknown[] }): JsonLdObject {
  return {
    '@context': options.context,
    '@id': `${options.did}#catalog`,
    '@type': 'Catalog',
    participantId: options.did,
    service: [{ '@id': options.serviceId, '@type': 'DataService', endpointURL: options.endpointUrl }],
    dataset: options.datasets,
  };
}

export { dspContextUrl };
