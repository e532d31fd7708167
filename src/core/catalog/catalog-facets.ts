import { classificationCode } from '../metadata/classification.js';
import type { CatalogEntry } from '../metadata/catalog-entry.js';
import type { CatalogOffer } from './catalog-offer.js';
import { regionAncestry } from './catalog-visibility.js';

/** What search can be narrowed and counted by (检索分面). */
export const facetNames = ['theme', 'industry', 'region', 'classification', 'provider', 'priceModel', 'accessMode', 'concept', 'kind'] as const;
export type FacetName = (typeof facetNames)[number];

export interface FacetValue {
  facet: FacetName;
  value: string;
}

/** The provider's facts the entry itself does not carry. */
export interface ProviderFacts {
  id: string;
  name: string;
  /** GB/T 4754 section (`D`) and division (`D44`) of the provider. */
  industries: readonly string[];
}

/**
 * The facet values of an entry. Regions are expanded to their prefecture and province, so
 * filtering by a province finds the datasets of its cities; access modes come from the offers
 * and the distributions, concepts from the dictionary's semantic mapping (语义映射).
 */
export function entryFacets(entry: CatalogEntry, offers: readonly CatalogOffer[], provider: ProviderFacts): FacetValue[] {
  const values = new Map<string, FacetValue>();
  const add = (facet: FacetName, value: string | undefined) => {
    if (value) values.set(`${facet}\u0000${value}`, { facet, value });
  };
  for (const theme of entry.themes ?? []) add('theme', theme);
  for (const industry of provider.industries) add('industry', industry);
  for (const place of entry.spatial ?? []) for (const code of regionAncestry(place)) add('region', code);
  if (entry.classification) add('classification', classificationCode(entry.classification.level === 'general' ? { level: 'general', grade: entry.classification.grade ?? 1 } : { level: entry.classification.level }));
  add('provider', provider.id);
  for (const offer of offers) {
    add('priceModel', offer.priceModel);
    add('accessMode', offer.accessMode);
  }
  for (const d of entry.distributions ?? []) add('accessMode', d.accessMode);
  for (const field of entry.dictionary?.fields ?? []) add('concept', field.concept);
  add('kind', entry.kind);
  return [...values.values()];
}

/** The texts an entry is found by: titles, descriptions, keywords, field names and titles, provider. */
export function searchableTexts(entry: CatalogEntry, providerName: string): string[] {
  const texts = [...Object.values(entry.title), ...Object.values(entry.description), providerName];
  for (const list of Object.values(entry.keywords ?? {})) texts.push(...list);
  for (const field of entry.dictionary?.fields ?? []) {
    texts.push(field.name, ...Object.values(field.title ?? {}));
  }
  return texts;
}
