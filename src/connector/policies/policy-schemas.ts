import { Type, type Static } from 'typebox';
import { Enum } from '../../server/catalog/catalog-schemas.js';

const Localized = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });
const Codes = (pattern: string, description: string) => Type.Optional(Type.Array(Type.String({ pattern, maxLength: 40 }), { maxItems: 100, description }));

export const policyTemplates = ['sandbox-aggregate', 'time-limited-download', 'api-access', 'open-data', 'members-only'] as const;

/** Which template, and its options; what a template does not use is ignored. */
export const TemplateBody = Type.Object(
  {
    template: Enum(policyTemplates),
    uid: Type.String({ minLength: 1, maxLength: 300, description: "The offer's @id" }),
    purposes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50, description: 'Purpose ids of the vocabulary, or free text' })),
    k: Type.Optional(Type.Integer({ description: 'Smallest group a sandbox result may describe (≥ 2)' })),
    period: Type.Optional(Type.String({ maxLength: 40, description: 'ISO 8601 duration, e.g. P30D' })),
    maxCalls: Type.Optional(Type.Integer()),
    validUntil: Type.Optional(Type.String({ maxLength: 40, description: 'xsd:dateTime or xsd:date' })),
    industries: Codes('^[A-T](\\d{2,4})?$', 'GB/T 4754 sections or divisions'),
    regions: Codes('^(\\d{6}|CN)$', 'GB/T 2260 codes or CN'),
    roles: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type TemplateBody = Static<typeof TemplateBody>;

const PolicyJson = Type.Record(Type.String(), Type.Unknown(), { description: 'An ODRL offer, compacted JSON-LD (DSP 2025-1 form)' });
export const PolicyAnswer = Type.Object({ policy: PolicyJson });
export const DescribeBody = Type.Object({ policy: PolicyJson }, { additionalProperties: false });

const RuleText = Type.Object({ text: Type.String(), conditions: Type.Array(Type.String()), duties: Type.Array(Type.String()) });
const Description = Type.Object({ summary: Type.String(), permissions: Type.Array(RuleText), prohibitions: Type.Array(RuleText), obligations: Type.Array(RuleText) });
export const DescriptionAnswer = Type.Object({ description: Type.Object({ 'zh-CN': Description, en: Description }) });

export const VocabularyAnswer = Type.Object({
  purposes: Type.Array(Type.Object({ id: Type.String(), iri: Type.String(), label: Localized })),
});
