import { format, type Locale, type Localized } from '../i18n/locale.js';
import type { DataDictionary, DictionaryField, FieldType, PiiKind } from './data-dictionary.js';

/**
 * The shared vocabulary (语义映射的公共术语) a provider maps its fields to, so that consumers find
 * datasets by what their fields mean rather than by what each provider named them. Small and
 * curated on purpose: a space extends it by rule, not by every provider inventing terms.
 * `broader` links make discovery by a general concept find the specific ones (looking for
 * enterprise identifiers finds USCC columns); `equivalent` names a public term with the same
 * meaning where one exists, for the DCAT/JSON-LD export.
 */
export interface Concept {
  /** `tds:uscc`; stable, used in dictionaries and the catalog index. */
  id: string;
  label: Localized;
  /** Field types a mapped field may have; the first is the expected one. */
  types: readonly FieldType[];
  /** IRI of an equivalent public term (schema.org, DCMI, W3C ORG, FOAF). */
  equivalent?: string;
  broader?: readonly string[];
  related?: readonly string[];
  /** The personal information a field of this concept holds. */
  pii?: PiiKind;
  /** Names fields of this concept often have, Chinese and English (pinyin initials included). */
  synonyms: readonly string[];
}

const NUMERIC: readonly FieldType[] = ['number', 'integer'];
const schema = (term: string) => `https://schema.org/${term}`;
/** `synonyms` are `|`-separated to keep the table short. */
const concept = (id: string, zh: string, en: string, types: readonly FieldType[], synonyms: string, links: Partial<Concept> = {}): Concept => ({
  id: `tds:${id}`,
  label: { 'zh-CN': zh, en },
  types,
  ...links,
  synonyms: synonyms.split('|'),
});

export const vocabulary: readonly Concept[] = [
  concept('enterprise', '企业', 'Enterprise', ['string'], '企业|公司|单位|enterprise|company|organization|organisation|firm',
    { equivalent: 'http://www.w3.org/ns/org#Organization', related: ['tds:industry-code', 'tds:electricity-consumption'] }),
  concept('enterprise-name', '企业名称', 'Enterprise name', ['string'], '企业名称|公司名称|单位名称|纳税人名称|enterprise name|company name|org name|legal name|qymc',
    { equivalent: schema('legalName'), broader: ['tds:enterprise'] }),
  concept('enterprise-identifier', '企业标识', 'Enterprise identifier', ['string'], '企业编号|企业代码|企业标识|enterprise id|company id|org id',
    { equivalent: 'http://www.w3.org/ns/org#identifier', broader: ['tds:enterprise'] }),
  concept('uscc', '统一社会信用代码', 'Unified social credit code', ['string'], '统一社会信用代码|社会信用代码|信用代码|uscc|credit code|social credit code|tyshxydm|shxydm',
    { broader: ['tds:enterprise-identifier'] }),
  concept('region-code', '行政区划代码', 'Administrative division code', ['string', 'integer'], '行政区划代码|区划代码|行政区划|地区代码|region code|division code|adcode|district code|xzqhdm',
    { related: ['tds:address'] }),
  concept('industry-code', '行业代码', 'Industry code', ['string', 'integer'], '行业代码|行业分类|所属行业|industry code|industry|hydm',
    { related: ['tds:enterprise'] }),
  concept('date', '日期', 'Date', ['date', 'datetime'], '日期|统计日期|date|day|rq',
    { equivalent: 'http://purl.org/dc/terms/date' }),
  concept('datetime', '时间', 'Date and time', ['datetime'], '时间|时间戳|发生时间|datetime|timestamp|created at|updated at',
    { broader: ['tds:date'] }),
  concept('month', '月份', 'Month', ['yearmonth', 'date', 'string'], '月份|统计月份|月度|month|year month|yearmonth|yf',
    { broader: ['tds:date'] }),
  concept('year', '年份', 'Year', ['year', 'integer'], '年份|年度|统计年度|year|nd',
    { broader: ['tds:date'] }),
  concept('amount', '金额', 'Amount', NUMERIC, '金额|amount|money|je',
    { equivalent: schema('amount'), related: ['tds:currency'] }),
  concept('currency', '币种', 'Currency', ['string'], '币种|货币|currency|ccy',
    { equivalent: schema('currency'), related: ['tds:amount'] }),
  concept('loan-amount', '贷款金额', 'Loan amount', NUMERIC, '贷款金额|贷款额|借款金额|loan amount|loan|dkje',
    { broader: ['tds:amount'], related: ['tds:credit-score'] }),
  concept('tax-amount', '纳税额', 'Tax paid', NUMERIC, '纳税额|纳税金额|应纳税额|税额|tax amount|tax paid|tax',
    { broader: ['tds:amount'] }),
  concept('revenue', '营业收入', 'Revenue', NUMERIC, '营业收入|营收|收入|revenue|income|sales',
    { broader: ['tds:amount'] }),
  concept('registered-capital', '注册资本', 'Registered capital', NUMERIC, '注册资本|注册资金|registered capital|capital|zczb',
    { broader: ['tds:amount'] }),
  concept('count', '数量', 'Count', ['integer', 'number'], '数量|个数|次数|count|quantity|qty|num'),
  concept('employee-count', '从业人数', 'Number of employees', ['integer', 'number'], '从业人数|员工人数|职工人数|参保人数|employee count|employees|number of employees|headcount',
    { equivalent: schema('numberOfEmployees'), broader: ['tds:count'] }),
  concept('electricity-consumption', '用电量', 'Electricity consumption', NUMERIC, '用电量|耗电量|电量|用电|electricity consumption|power consumption|electricity|kwh',
    { related: ['tds:enterprise'] }),
  concept('credit-score', '信用评分', 'Credit score', NUMERIC, '信用评分|信用分|信用得分|credit score|credit rating',
    { related: ['tds:loan-amount'] }),
  concept('latitude', '纬度', 'Latitude', ['number'], '纬度|latitude|lat|wd',
    { equivalent: schema('latitude'), related: ['tds:longitude'] }),
  concept('longitude', '经度', 'Longitude', ['number'], '经度|longitude|lng|lon|jd',
    { equivalent: schema('longitude'), related: ['tds:latitude'] }),
  concept('address', '地址', 'Address', ['string'], '地址|住址|注册地址|经营地址|address|addr|dz',
    { equivalent: schema('address'), related: ['tds:region-code'], pii: 'address' }),
  concept('person-name', '姓名', 'Person name', ['string'], '姓名|名字|person name|full name|name|xm',
    { equivalent: 'http://xmlns.com/foaf/0.1/name', pii: 'name' }),
  concept('id-number', '身份证件号码', 'Identity document number', ['string'], '身份证号|身份证号码|证件号码|公民身份号码|id card|id card no|id number|sfzh|zjhm',
    { pii: 'id-number' }),
  concept('phone', '电话号码', 'Phone number', ['string'], '电话|手机|手机号|联系电话|phone|mobile|telephone|tel|sjh|lxdh',
    { equivalent: schema('telephone'), pii: 'phone' }),
  concept('email', '电子邮箱', 'Email address', ['string'], '邮箱|电子邮箱|email|e mail|mail',
    { equivalent: schema('email'), pii: 'email' }),
  concept('bank-card', '银行卡号', 'Bank card number', ['string'], '银行卡号|卡号|bank card|card no|card number|yhkh',
    { pii: 'bank-card' }),
  concept('birth-date', '出生日期', 'Date of birth', ['date'], '出生日期|生日|birth date|birthday|date of birth|dob|csrq',
    { equivalent: schema('birthDate'), broader: ['tds:date'], pii: 'birth-date' }),
];

const byId = new Map(vocabulary.map((c) => [c.id, c]));

export const findConcept = (id: string): Concept | undefined => byId.get(id);

/** Every concept below `id`, through any number of `broader` links; cycles are harmless. */
export function narrowerConcepts(id: string): Concept[] {
  const found = new Set<string>();
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const c of vocabulary) {
      if (c.broader?.includes(current) && !found.has(c.id) && c.id !== id) {
        found.add(c.id);
        queue.push(c.id);
      }
    }
  }
  return vocabulary.filter((c) => found.has(c.id));
}

/** A field's type fits a concept when the concept lists it; `any` says nothing and fits all. */
export const typeFits = (concept: Concept, type: FieldType): boolean => type === 'any' || concept.types.includes(type);

export const mappingRules = ['mapping.unknown-concept', 'mapping.type-incompatible'] as const;
export type MappingRule = (typeof mappingRules)[number];

export interface MappingFinding {
  rule: MappingRule;
  field: string;
  /** JSON Pointer into the dictionary. */
  pointer: string;
  expected?: string;
  actual: string;
}

/** Checks every mapped field: its concept exists and its type is one the concept allows. */
export function validateMapping(dictionary: DataDictionary): MappingFinding[] {
  const findings: MappingFinding[] = [];
  dictionary.fields.forEach((field, i) => {
    if (field.concept === undefined) return;
    const concept = findConcept(field.concept);
    if (!concept) findings.push({ rule: 'mapping.unknown-concept', field: field.name, pointer: `/fields/${i}/concept`, actual: field.concept });
    else if (!typeFits(concept, field.type)) {
      findings.push({ rule: 'mapping.type-incompatible', field: field.name, pointer: `/fields/${i}/type`, expected: concept.types.join(', '), actual: field.type });
    }
  });
  return findings;
}

export interface ConceptSuggestion {
  concept: string;
  /** 0–1: 1 for a name that is a synonym, less for one that contains a synonym or for a PII kind. */
  score: number;
  reason: 'name' | 'title' | 'pii';
}

/** Lower case, camelCase and separators to single spaces: `loanAmount`, `LOAN_AMOUNT` → `loan amount`. */
const normalise = (text: string) =>
  text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/[\s_\-./()（）]+/g, ' ').trim();

/**
 * How well a name matches a synonym: 1 when equal, 0.6–0.9 when it contains it (more for a
 * larger share of the name), 0 otherwise. Latin synonyms must match whole words, so `tel` does
 * not match `hotel`; Chinese ones match as substrings, since Chinese has no spaces.
 */
function matchScore(name: string, synonym: string): number {
  if (name === synonym) return 1;
  const contained = /[a-z0-9]/.test(synonym) ? ` ${name} `.includes(` ${synonym} `) : name.includes(synonym);
  return contained ? 0.6 + 0.3 * (synonym.length / name.length) : 0;
}

/**
 * Concepts a field may map to, best first: from its name and titles matched against synonyms,
 * and from the personal information it holds. Concepts its type does not fit are left out.
 */
export function suggestConcepts(field: DictionaryField): ConceptSuggestion[] {
  const texts: Array<[string, 'name' | 'title', number]> = [[field.name, 'name', 1], ...Object.values(field.title ?? {}).map((t) => [t, 'title', 0.9] as [string, 'title', number])];
  const best = new Map<string, ConceptSuggestion>();
  const offer = (suggestion: ConceptSuggestion) => {
    const current = best.get(suggestion.concept);
    if (!current || suggestion.score > current.score) best.set(suggestion.concept, suggestion);
  };
  for (const concept of vocabulary) {
    if (!typeFits(concept, field.type)) continue;
    for (const [text, reason, weight] of texts) {
      const name = normalise(text);
      const score = Math.max(0, ...concept.synonyms.map((s) => matchScore(name, normalise(s))));
      if (score > 0) offer({ concept: concept.id, score: Math.round(score * weight * 100) / 100, reason });
    }
    if (field.pii && concept.pii === field.pii.kind) offer({ concept: concept.id, score: 0.8, reason: 'pii' });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.concept.localeCompare(b.concept));
}

/** Fields mapped to the concept or to any concept narrower than it: discovery by concept. */
export function fieldsMatchingConcept(dictionary: DataDictionary, conceptId: string): DictionaryField[] {
  const wanted = new Set([conceptId, ...narrowerConcepts(conceptId).map((c) => c.id)]);
  return dictionary.fields.filter((field) => field.concept !== undefined && wanted.has(field.concept));
}

export const mappingMessages: Readonly<Record<MappingRule, Localized>> = {
  'mapping.unknown-concept': { 'zh-CN': '字段 {field} 映射的术语 {actual} 不在共享词表中', en: 'Field {field} is mapped to {actual}, which is not in the shared vocabulary' },
  'mapping.type-incompatible': {
    'zh-CN': '字段 {field} 的类型 {actual} 与所映射术语不符，应为 {expected} 之一',
    en: 'Field {field} has type {actual}, which its concept does not allow; should be one of {expected}',
  },
};

/** The finding as one sentence in the given locale. */
export function describeMappingFinding(finding: MappingFinding, locale: Locale): string {
  return format(mappingMessages[finding.rule][locale], { field: finding.field, actual: finding.actual, ...(finding.expected ? { expected: finding.expected } : {}) });
}
