import type { OfferInput } from '../../api/asset-types';
import type { CatalogOffer } from '../../api/catalog-types';
import type { PolicyJson } from './policy-json';

/**
 * One offer row: access mode, price model and, for priced models, the amount in yuan and its unit;
 * and its ODRL policy as the connector has it (or as the policy editor changed it). A row without
 * one is published with the connector's plain `use` offer.
 */
export interface OfferForm {
  id: string;
  accessMode: string;
  priceModel: string;
  amount: string;
  unit: string;
  policy?: PolicyJson;
}

/** Price models that state no price of their own. */
export const unpricedModels: readonly string[] = ['free', 'freeTrial', 'negotiated'];

export function offerFormsFrom(offers: CatalogOffer[] | undefined): OfferForm[] {
  return (offers ?? []).map((o) => ({
    id: o.id,
    accessMode: o.accessMode,
    priceModel: o.priceModel,
    amount: o.price ? String(o.price.amount) : '',
    unit: o.price?.unit ?? '',
    ...(o.policy ? { policy: o.policy } : {}),
  }));
}

/** A new row: an id not used yet, the first access mode the resource is distributed by, free. */
export function newOffer(existing: OfferForm[], accessMode: string): OfferForm {
  const ids = new Set(existing.map((o) => o.id));
  let n = existing.length + 1;
  while (ids.has(`${accessMode}-${n}`)) n++;
  return { id: `${accessMode}-${n}`, accessMode, priceModel: 'free', amount: '', unit: '' };
}

export function offerInputs(forms: OfferForm[]): OfferInput[] {
  return forms.map((o) => {
    const amount = Number.parseFloat(o.amount);
    const priced = !unpricedModels.includes(o.priceModel) && o.amount.trim() !== '' && Number.isFinite(amount);
    return {
      id: o.id.trim(),
      accessMode: o.accessMode,
      priceModel: o.priceModel,
      ...(priced ? { price: { amount, currency: 'CNY' as const, ...(o.unit.trim() ? { unit: o.unit.trim() } : {}) } } : {}),
      // The policy goes back as it is: what the editor did not touch is not rewritten.
      ...(o.policy ? { policy: o.policy } : {}),
    };
  });
}
