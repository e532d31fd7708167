import type { AssetPublication } from '../../core/assets/asset-record.js';
import type { CatalogOffer } from '../../core/catalog/catalog-offer.js';
import type { ReviewSummary } from '../../core/catalog/catalog-record.js';
import { withTypedLiterals } from '../../core/policy/index.js';
import type { Visibility } from '../../core/catalog/catalog-visibility.js';
import type { CatalogEntryStatus } from '../../core/catalog/catalog-entry-status.js';
import { DomainError, type FieldProblem } from '../../core/errors/index.js';
import { offerTerms } from '../../core/catalog/offer-terms.js';
import type { AssetStore } from '../../store/assets/asset-store.js';
import type { ConnectorIdentityService } from '../identity/connector-identity-service.js';
import type { OperatorClient } from '../space/operator-client.js';
import { readOfferPolicy } from '../policies/offer-policy-check.js';
import type { AssetService } from './asset-service.js';

export type OfferInput = Omit<CatalogOffer, 'policy'> & { policy?: Record<string, unknown> };

interface OperatorRecord {
  id: string;
  status: CatalogEntryStatus;
  version: number;
  offers: CatalogOffer[];
  visibility?: Visibility;
  review?: ReviewSummary;
  updatedAt: string;
}

/**
 * Publication (数据发布) of the connector's assets in the operator's catalog: metadata, the PII
 * scan's counts and the offers go to the operator, never a row of data. The operator's review
 * outcome comes back and is kept beside the asset for the provider's console.
 */
export class PublicationService {
  constructor(
    private readonly assets: AssetService,
    private readonly store: AssetStore,
    private readonly operator: OperatorClient,
    private readonly identity: ConnectorIdentityService,
    /** This connector's public base URL, so the catalog can say where the offers are served. */
    private readonly connectorUrl: string | undefined,
  ) {}

  async publish(assetId: string, offers: OfferInput[], visibility: Visibility): Promise<AssetPublication> {
    // An offer whose policy could not be enforced is refused before anything leaves: a consumer
    // would otherwise find an offer no negotiation can accept. The policy itself goes as sent.
    offers.forEach((o, i) => o.policy && readOfferPolicy(o.policy, `/offers/${i}/policy`));
    const asset = await this.assets.require(assetId);
    // Publishing needs an enrolled connector: the operator knows the provider by its identity.
    const { did } = await this.identity.identity();
    const { id: _draft, publisher: _p, ...entry } = asset.entry;
    // Every distribution is reached through this connector's DSP endpoint, unless it says otherwise.
    const accessService = { id: `${did}#dsp`, ...(this.connectorUrl ? { endpointUrl: `${this.connectorUrl.replace(/\/+$/, '')}/dsp` } : {}) };
    const distributions = entry.distributions?.map((d) => (d.accessUrl || d.downloadUrl || d.accessService ? d : { ...d, accessService }));
    const body = {
      resource: asset.id,
      entry: { ...entry, ...(distributions ? { distributions } : {}) },
      offers: await this.offersWithTerms(asset.id, offers),
      visibility,
      ...(asset.piiScan ? { piiScan: asset.piiScan } : {}),
      ...(this.connectorUrl ? { connectorUrl: this.connectorUrl } : {}),
    };
    return this.keep(assetId, await this.operator.json<OperatorRecord>('POST', '/api/v1/catalog/publications', body));
  }

  /**
   * Each offer with the policy it is published under (core/catalog/offer-terms.ts). An offer sent
   * without a policy keeps the one it was last published with (a console that only edits the
   * label must not wipe constraints written through the API); a new one gets the plainest policy,
   * limited to its access mode.
   */
  private async offersWithTerms(assetId: string, offers: OfferInput[]): Promise<CatalogOffer[]> {
    const previous = (await this.store.publication(assetId))?.offers ?? [];
    const problems: FieldProblem[] = [];
    let code: 'policy.invalid' | 'policy.operand-unsupported' | 'policy.channel-mismatch' | undefined;
    const settled = offers.map((o, i) => {
      const policy = o.policy ?? previous.find((p) => p.id === o.id)?.policy;
      const terms = offerTerms(assetId, { ...o, ...(policy ? { policy } : {}) }, `/offers/${i}`);
      if (!terms.ok) {
        code ??= terms.code;
        problems.push(...terms.problems);
        return undefined;
      }
      return { ...o, policy: withTypedLiterals(terms.policy) };
    });
    if (code) throw new DomainError(code, problems.map((p) => p.detail).join('; '), problems);
    return settled as CatalogOffer[];
  }

  async unpublish(assetId: string, reason?: string): Promise<AssetPublication> {
    return this.act(assetId, 'unpublish', reason);
  }

  async withdraw(assetId: string, reason?: string): Promise<AssetPublication> {
    return this.act(assetId, 'withdraw', reason);
  }

  /** The publication as the operator has it now (its review may have finished meanwhile). */
  async refresh(assetId: string): Promise<AssetPublication | undefined> {
    const current = await this.store.publication(assetId);
    if (!current) return undefined;
    const record = await this.operator.json<OperatorRecord>('GET', `/api/v1/catalog/entries/${encodeURIComponent(current.entryId)}`);
    return this.keep(assetId, record);
  }

  private async act(assetId: string, action: 'unpublish' | 'withdraw', reason?: string): Promise<AssetPublication> {
    const current = await this.store.publication(assetId);
    if (!current) throw new DomainError('asset.not-published', `Asset ${assetId} was never published.`);
    const record = await this.operator.json<OperatorRecord>('POST', `/api/v1/catalog/entries/${encodeURIComponent(current.entryId)}/${action}`, reason ? { reason } : {});
    return this.keep(assetId, record);
  }

  private async keep(assetId: string, record: OperatorRecord): Promise<AssetPublication> {
    const previous = await this.store.publication(assetId);
    const publication: AssetPublication = {
      assetId,
      entryId: record.id,
      status: record.status,
      version: record.version,
      offers: record.offers,
      visibility: record.visibility ?? previous?.visibility ?? { scope: 'members' },
      ...(record.review ? { review: record.review } : {}),
      updatedAt: record.updatedAt,
    };
    await this.store.savePublication(publication);
    return publication;
  }
}
