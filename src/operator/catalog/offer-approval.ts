import type { CatalogOffer } from '../../core/catalog/catalog-offer.js';
import type { CatalogRecord, ReviewSummary, StoredFinding } from '../../core/catalog/catalog-record.js';
import { offerChannels, offerTerms } from '../../core/catalog/offer-terms.js';
import { DomainError, type FieldProblem } from '../../core/errors/index.js';
import type { PublicationInput } from './catalog-service.js';

/**
 * The offers as the catalog keeps them, each under the policy it is served with (a policy that
 * names no channel is limited to the offer's access mode), and every channel they allow together.
 * The operator checks this itself: a connector may be older, or not ours.
 */
export function settleOffers(input: PublicationInput): { offers: CatalogOffer[]; channels: Set<string> } {
  const problems: FieldProblem[] = [];
  let code: 'policy.invalid' | 'policy.operand-unsupported' | 'policy.channel-mismatch' | undefined;
  const channels = new Set<string>();
  const offers = input.offers.map((offer, i) => {
    const terms = offerTerms(input.resource, offer, `/offers/${i}`);
    if (!terms.ok) {
      code ??= terms.code;
      problems.push(...terms.problems);
      return offer;
    }
    terms.channels.forEach((c) => channels.add(c));
    return { ...offer, policy: terms.policy };
  });
  if (code) throw new DomainError(code, problems.map((p) => p.detail).join('; '), problems);
  return { offers, channels };
}

const importantReason = 'review.manual.important-data-channel';

/**
 * What an approval adds when the entry is important data offered beyond the sandbox: the person
 * who approved it and the channels approved. Only a logged-in person can give it (an API key or
 * the bootstrap token names nobody).
 */
export function channelApproval(current: CatalogRecord, person: { id: string; name: string } | undefined): { approvedBy: { id: string; name: string }; approvedChannels: string[] } | undefined {
  if (!current.review?.manual?.reasons.includes(importantReason)) return undefined;
  if (!person) throw new DomainError('auth.forbidden', 'Approving important data for delivery other than the sandbox needs a logged-in reviewer, whose name the review records (重要数据以沙箱以外方式交付须由实名审核人批准).');
  const approvedChannels = [...new Set(current.offers.flatMap((o) => offerChannels(o)).filter((c) => c !== 'sandbox'))];
  return { approvedBy: { id: person.id, name: person.name }, approvedChannels };
}

/** The approval as a finding of the manual review's history row, in zh-CN and English. */
export function approvalFindings(manual: ReviewSummary['manual']): StoredFinding[] {
  if (!manual?.approvedBy) return [];
  const { id, name } = manual.approvedBy;
  const channels = (manual.approvedChannels ?? []).join(', ');
  return [{
    rule: importantReason,
    severity: 'warning',
    detail: { 'zh-CN': `${name}（${id}）批准重要数据以 ${channels} 方式交付`, en: `${name} (${id}) approved delivering important data by ${channels}` },
  }];
}
