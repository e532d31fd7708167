import type { Locale, Localized } from '../i18n/locale.js';

/**
 * The purposes (使用目的) a provider names in an offer's `purpose` constraint and a consumer
 * declares when it negotiates. The term written in the policy is the short id
 * (`credit-risk-assessment`), which is what the demo and existing agreements already use; its
 * full IRI is the id in the Trustspace purpose namespace, and either spelling is recognised.
 * A purpose that is not in the vocabulary stays valid (ODRL's `purpose` is a free operand): it is
 * shown as written, never dropped or rewritten.
 */
export interface PurposeTerm {
  id: string;
  iri: string;
  label: Localized;
}

export const purposeNamespace = 'https://w3id.org/trustspace/purpose#';

const term = (id: string, zh: string, en: string): PurposeTerm => ({ id, iri: `${purposeNamespace}${id}`, label: { 'zh-CN': zh, en } });

export const purposeVocabulary: readonly PurposeTerm[] = [
  term('credit-risk-assessment', '信用风险评估', 'Credit-risk assessment'),
  term('anti-fraud', '反欺诈', 'Fraud prevention'),
  term('regulatory-compliance', '合规监管', 'Regulatory compliance'),
  term('scientific-research', '科学研究', 'Scientific research'),
  term('statistical-analysis', '统计分析', 'Statistical analysis'),
  term('public-service', '公共服务', 'Public service'),
  term('government-decision-support', '政务决策支持', 'Government decision support'),
  term('urban-planning', '城市规划', 'Urban planning'),
  term('energy-management', '能源管理', 'Energy management'),
  term('product-development', '产品研发', 'Product development'),
  term('marketing', '市场营销', 'Marketing'),
  term('model-training', '模型训练', 'AI model training'),
];

/** The vocabulary term a purpose value names, by id or IRI; undefined for a free-text purpose. */
export function purposeTerm(value: string): PurposeTerm | undefined {
  const id = value.startsWith(purposeNamespace) ? value.slice(purposeNamespace.length) : value;
  return purposeVocabulary.find((p) => p.id === id);
}

/** The purpose's label in `locale`, or the value exactly as written when the vocabulary lacks it. */
export function purposeLabel(value: string, locale: Locale): string {
  return purposeTerm(value)?.label[locale] ?? value;
}
