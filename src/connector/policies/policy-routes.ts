import {
  apiAccessOffer,
  describePolicy,
  membersOnlyOffer,
  openDataOffer,
  policyToJson,
  purposeVocabulary,
  sandboxAggregateOffer,
  timeLimitedDownloadOffer,
  type Policy,
} from '../../core/policy/index.js';
import type { App } from '../../server/build-server.js';
import { connectorGrants } from '../identity/connector-principals.js';
import { DescribeBody, DescriptionAnswer, PolicyAnswer, TemplateBody, VocabularyAnswer } from './policy-schemas.js';
import { readOfferPolicy } from './offer-policy-check.js';

const tags = ['policies'];
const manage = [connectorGrants.manage];

function fromTemplate(body: TemplateBody): Policy {
  const base = { uid: body.uid };
  switch (body.template) {
    case 'sandbox-aggregate':
      return sandboxAggregateOffer({ ...base, purposes: body.purposes ?? [], k: body.k ?? 10 });
    case 'time-limited-download':
      return timeLimitedDownloadOffer({ ...base, period: body.period ?? 'P30D', ...(body.purposes ? { purposes: body.purposes } : {}) });
    case 'api-access':
      return apiAccessOffer({ ...base, maxCalls: body.maxCalls ?? 1000, ...(body.validUntil ? { validUntil: body.validUntil } : {}) });
    case 'open-data':
      return openDataOffer(base);
    case 'members-only':
      return membersOnlyOffer({ ...base, ...(body.industries ? { industries: body.industries } : {}), ...(body.regions ? { regions: body.regions } : {}), ...(body.roles ? { roles: body.roles } : {}) });
  }
}

/**
 * What the console's policy editor needs from the policy core, which the browser cannot import:
 * the purpose vocabulary, the offer templates, and an offer in words before it is
 * published. Nothing here is stored; an offer's policy is stored when the asset is published.
 */
export function registerPolicyRoutes(app: App): void {
  const vocabulary = {
    purposes: purposeVocabulary.map((p) => ({ id: p.id, iri: p.iri, label: p.label })),
  };

  app.get('/api/v1/policies/vocabulary', {
    config: { access: manage },
    schema: { tags, summary: 'The purposes an offer names, with zh-CN and English labels (regions and industries: /api/v1/code-lists/*)', response: { 200: VocabularyAnswer } },
  }, async () => vocabulary);

  app.post('/api/v1/policies/templates', {
    config: { access: manage },
    schema: { tags, summary: 'An ODRL offer from one of the common templates (sandbox aggregate with k, time-limited download, API with a call limit, open data, members only)', body: TemplateBody, response: { 200: PolicyAnswer } },
  }, async (request) => ({ policy: policyToJson(fromTemplate(request.body)) }));

  app.post('/api/v1/policies/description', {
    config: { access: manage },
    schema: { tags, summary: 'An ODRL offer in plain zh-CN and English, as a consumer will read it; refused with pointers when it cannot be enforced', body: DescribeBody, response: { 200: DescriptionAnswer } },
  }, async (request) => {
    const policy = readOfferPolicy(request.body.policy, '/policy');
    return { description: { 'zh-CN': describePolicy(policy, 'zh-CN'), en: describePolicy(policy, 'en') } };
  });
}
