import type { AssetPublication, AssetRecord } from '../../core/assets/asset-record.js';
import type { CatalogOffer } from '../../core/catalog/catalog-offer.js';
import type { Classification } from '../../core/metadata/classification.js';
import { parsePolicy, type Policy } from '../../core/policy/index.js';
import type { AssetStore } from '../../store/assets/asset-store.js';
import { dspOfferId, liveOffers, peerMaySee, type DspPeer } from '../catalog/dsp-catalog.js';

export interface BookedOffer {
  asset: AssetRecord;
  publication: AssetPublication;
  offer: CatalogOffer;
  /** The offer's `@id` in the DSP catalog. */
  offerId: string;
  /** Parsed, with the dataset as target. */
  policy: Policy;
  classification?: Classification;
}

/**
 * The provider's live offers, as its DSP catalog shows them: an offer a consumer names in a
 * contract request is looked up here, by dataset and offer id, among what that consumer may see.
 */
export class OfferBook {
  constructor(private readonly assets: AssetStore) {}

  async offersOf(datasetId: string, peer: DspPeer): Promise<BookedOffer[]> {
    const found = await this.assets.publishedByEntry(datasetId);
    if (!found || !peerMaySee(found.publication.visibility, peer)) return [];
    const { asset, publication } = found;
    return liveOffers(asset, publication).flatMap((offer) => {
      const offerId = dspOfferId(asset.id, offer);
      const parsed = parsePolicy({ ...offer.policy, '@id': offerId, '@type': 'Offer', target: datasetId });
      if (!parsed.ok) return [];
      return [{ asset, publication, offer, offerId, policy: parsed.policy, ...(asset.classification ? { classification: asset.classification } : {}) }];
    });
  }

  async find(datasetId: string, offerId: string, peer: DspPeer): Promise<BookedOffer | undefined> {
    return (await this.offersOf(datasetId, peer)).find((o) => o.offerId === offerId);
  }
}
