import type { AssetPublication, AssetRecord } from '../../core/assets/asset-record.js';
import type { Visibility } from '../../core/catalog/catalog-visibility.js';
import type { CatalogOffer } from '../../core/catalog/catalog-offer.js';
import { offerChannels } from '../../core/catalog/offer-terms.js';
import { accessModes, type AccessMode, type CatalogEntry, type Distribution } from '../../core/metadata/catalog-entry.js';
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

/**
 * The offers of a publication that are live: all of them, except that an offer of important data
 * (重要数据) allowing a channel other than the sandbox is live only once an operator reviewer
 * approved it by name (GB/T 43697-2024, ADR 0010).
 */
export function liveOffers(asset: AssetRecord, publication: AssetPublication): CatalogOffer[] {
  if (asset.classification?.level !== 'important' && asset.entry.classification?.level !== 'important') return publication.offers;
  const approved = publication.review?.manual?.outcome === 'approved' && publication.review.manual.approvedBy !== undefined;
  return publication.offers.filter((o) => approved || offerChannels(o).every((c) => c === 'sandbox'));
}

/**
 * The access modes a published asset is delivered in: those its live offers' policies allow,
 * among those its distributions declare (when they declare any). A sandbox-only asset therefore
 * lists no HttpData-PULL distribution, whatever its entry says.
 */
export function deliveredModes(asset: AssetRecord, offers: readonly CatalogOffer[]): AccessMode[] {
  const allowed = new Set(offers.flatMap((o) => offerChannels(o)));
  const declared = (asset.entry.distributions ?? []).flatMap((d) => (d.accessMode ? [d.accessMode] : []));
  return accessModes.filter((mode) => allowed.has(mode) && (declared.length === 0 || declared.includes(mode)));
}

/** One published asset as a DSP Dataset: the core DCAT mapping with the live offers as `hasPolicy`. */
export function dspDataset(asset: AssetRecord, publication: AssetPublication, serviceId: string): JsonLdObject {
  const offers = liveOffers(asset, publication);
  const distributions: Distribution[] = deliveredModes(asset, offers).map((mode) => ({ format: dspFormats[mode], accessMode: mode, accessService: { id: serviceId } }));
  const entry: CatalogEntry = { ...asset.entry, id: publication.entryId, distributions };
  const hasPolicy = offers.map((o) => ({ ...o.policy, '@type': 'Offer', '@id': dspOfferId(asset.id, o) }));
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
