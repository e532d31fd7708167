import type { AccessMode, LocalizedText } from '../metadata/catalog-entry.js';

/**
 * Price models (计价模式) an offer can name: the guidance system's 先用后付 / 免费试用 / 应用分成
 * (payAfterUse, freeTrial, revenueShare, GLOSSARY.md) and the usual others; the catalog facets on them and clearing (issue 7+)
 * prices by them.
 */
export const priceModels = ['free', 'payAfterUse', 'payPerUse', 'subscription', 'oneTime', 'freeTrial', 'revenueShare', 'negotiated'] as const;
export type PriceModel = (typeof priceModels)[number];

/**
 * An offer as the catalog shows it: how the data is used (download, API, sandbox), what it
 * costs, and the ODRL policy the contract negotiation of priority 4 starts from. The policy is
 * kept as the provider wrote it (compacted JSON-LD); the catalog only indexes the rest.
 */
export interface CatalogOffer {
  id: string;
  title?: LocalizedText;
  accessMode: AccessMode;
  priceModel: PriceModel;
  /** In yuan (CNY) per `unit`, when the model has a price. */
  price?: { amount: number; currency: 'CNY'; unit?: string };
  policy: Record<string, unknown>;
}
