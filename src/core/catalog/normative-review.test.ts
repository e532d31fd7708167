import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../identity-codes/index.js';
import type { CatalogEntry } from '../metadata/catalog-entry.js';
import { aCatalogEntry, aDictionary } from '../metadata/catalog-entry-fixtures.js';
import type { DictionaryField } from '../metadata/data-dictionary.js';
import { scanSamples } from '../metadata/pii-detection.js';
import { aFieldScan, anOffer, aPiiScan, aPublication } from './fixtures/publication-fixtures.js';
import {
  describeFinding,
  manualReviewReasons,
  manualReviewReasonTitles,
  reviewPublication,
  reviewRules,
  reviewRuleTitles,
  type PublicationForReview,
  type ReviewFinding,
} from './normative-review.js';

const never = { manualReview: 'never' } as const;
const sensitive = { manualReview: 'sensitive' } as const;

/** The default publication with its entry changed. */
const withEntry = (overrides: Partial<CatalogEntry>, rest: Partial<PublicationForReview> = {}) => {
  const base = aPublication();
  return { ...base, entry: { ...base.entry, ...overrides }, ...rest };
};
/** The default publication with its dictionary's fields changed (and the scan left as it is). */
const withFields = (change: (fields: DictionaryField[]) => DictionaryField[], rest: Partial<PublicationForReview> = {}) => {
  const base = aPublication();
  const dictionary = base.entry.dictionary ?? aDictionary();
  return withEntry({ dictionary: { ...dictionary, fields: change(dictionary.fields) } }, rest);
};
const withoutKey = <T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> => {
  const { [key]: _dropped, ...rest } = value;
  return rest;
};
const ruleSeverityPointer = (findings: ReviewFinding[]) => findings.map((f) => [f.rule, f.severity, f.pointer]);
const residentId = (first17: string) => first17 + residentIdCheckCharacter(first17);

describe('automatic normative review', () => {
  it('passes a complete publication with no finding', () => {
    expect(reviewPublication(aPublication(), never)).toEqual({ outcome: 'passed', findings: [], manualReviewRequired: false, manualReasons: [] });
  });

  it.each<[string, 'error' | 'warning', string, PublicationForReview]>([
    ['entry.title', 'error', '/title', withEntry({ title: {} })],
    ['entry.publisher', 'error', '/publisher', { ...aPublication(), entry: withoutKey(aPublication().entry, 'publisher') }],
    ['entry.contact-point', 'error', '/contactPoint', { ...aPublication(), entry: withoutKey(aPublication().entry, 'contactPoint') }],
    ['entry.license', 'error', '/license', { ...aPublication(), entry: withoutKey(aPublication().entry, 'license') }],
    ['entry.id', 'error', '/id', withEntry({ id: 'https://elsewhere.example/ds/1' })],
    ['review.dictionary-missing', 'error', '/dictionary', withEntry({ dictionary: undefined }, { piiScan: undefined })],
    ['review.dictionary-field-undescribed', 'warning', '/dictionary/fields/1', withFields((fs) => fs.map((f, i) => (i === 1 ? withoutKey(f, 'title') : f)))],
    ['mapping.unknown-concept', 'error', '/dictionary/fields/0/concept', withFields((fs) => fs.map((f, i) => (i === 0 ? { ...f, concept: 'tds:no-such-term' } : f)))],
    ['mapping.type-incompatible', 'error', '/dictionary/fields/2/type', withFields((fs) => fs.map((f, i) => (i === 2 ? { ...f, type: 'boolean', concept: 'tds:electricity-consumption' } : f)))],
    ['review.classification-missing', 'error', '/classification', withEntry({ classification: undefined })],
    ['review.core-data', 'error', '/classification/level', withEntry({ classification: { level: 'core' } })],
    ['pii.undeclared', 'error', '/dictionary/fields/3/pii', withFields((fs) => fs.map((f, i) => (i === 3 ? withoutKey(f, 'pii') : f)))],
    ['pii.sensitivity-understated', 'error', '/dictionary/fields/3/pii', withFields((fs) => fs.map((f, i) => (i === 3 ? { ...f, pii: { kind: 'location', sensitive: false } } : f)), { piiScan: aPiiScan([]) })],
    ['pii.kind-mismatch', 'warning', '/dictionary/fields/3/pii', withFields((fs) => fs.map((f, i) => (i === 3 ? { ...f, pii: { kind: 'email', sensitive: false } } : f)))],
    ['review.pii-scan-missing', 'warning', '/dictionary', aPublication({ piiScan: undefined })],
    ['review.offer-missing', 'error', '/offers', aPublication({ offers: [] })],
    ['review.offer-access-mode', 'warning', '/offers/1/accessMode', aPublication({ offers: [anOffer(), anOffer({ id: 'offer-download', accessMode: 'download' })] })],
  ])('reports %s alone as a(n) %s at its pointer', (rule, severity, pointer, publication) => {
    const review = reviewPublication(publication, never);
    expect(ruleSeverityPointer(review.findings)).toEqual([[rule, severity, pointer]]);
    expect(review.outcome).toBe(severity === 'error' ? 'failed' : 'passed');
  });

  it('makes undescribed fields errors once more than half the fields lack a title and description', () => {
    const bare = (f: DictionaryField) => withoutKey(withoutKey(f, 'title'), 'description');
    const half = reviewPublication(withFields((fs) => fs.map((f, i) => (i < 2 ? bare(f) : f))), never);
    expect(ruleSeverityPointer(half.findings)).toEqual([
      ['review.dictionary-field-undescribed', 'warning', '/dictionary/fields/0'],
      ['review.dictionary-field-undescribed', 'warning', '/dictionary/fields/1'],
    ]);
    const most = reviewPublication(withFields((fs) => fs.map((f, i) => (i < 3 ? bare(f) : f))), never);
    expect(most.outcome).toBe('failed');
    expect(most.findings.map((f) => f.severity)).toEqual(['error', 'error', 'error']);
    expect(most.findings[0]?.detail).toEqual({
      'zh-CN': '字段 uscc 没有中文或英文的名称或说明（共 3/4 个字段缺少）',
      en: 'Field uscc has no title or description in Chinese or English (3 of 4 fields lack one)',
    });
  });

  it('counts a blank title as no title', () => {
    const review = reviewPublication(withFields((fs) => fs.map((f, i) => (i === 1 ? { ...f, title: { 'zh-CN': '  ' } } : f))), never);
    expect(review.findings.map((f) => f.rule)).toEqual(['review.dictionary-field-undescribed']);
  });

  it('asks no dictionary of a data service, but reviews one it has', () => {
    const service = { kind: 'dataService' as const, service: { endpointUrls: ['https://grid.example.cn/api'] } };
    expect(reviewPublication(withEntry({ ...service, dictionary: undefined }, { piiScan: undefined }), never).findings).toEqual([]);
    const mapped = withEntry({ ...service, dictionary: { fields: [{ name: 'x', type: 'string', title: { en: 'X' }, concept: 'tds:nope' }] } }, { piiScan: aPiiScan([]) });
    expect(reviewPublication(mapped, never).findings.map((f) => f.rule)).toEqual(['mapping.unknown-concept']);
  });

  it('refuses core data whatever the manual review rule, in both languages', () => {
    const review = reviewPublication(withEntry({ classification: { level: 'core' } }), { manualReview: 'always' });
    expect(review.outcome).toBe('failed');
    expect(review.findings).toEqual([
      {
        rule: 'review.core-data',
        severity: 'error',
        pointer: '/classification/level',
        detail: { 'zh-CN': '核心数据不得发布到资源目录（《数据安全法》第二十一条）', en: 'Core data may never be published to the catalog (Data Security Law, art. 21)' },
      },
    ]);
  });

  it('leaves a malformed classification to the field check', () => {
    const review = reviewPublication(withEntry({ classification: { level: 'core', grade: 2 } }), never);
    expect(ruleSeverityPointer(review.findings)).toEqual([['entry.classification', 'error', '/classification']]);
  });

  it('fails when the scan of a sample finds personal information the dictionary does not declare', () => {
    const today = new Date('2025-03-01T00:00:00Z');
    const ids = ['11010519800101001', '41010219900315002', '41010519751120003', '32010219880808004'].map(residentId);
    const rows = ids.map((holder_id, i) => ({ contact_phone: `1380013800${i}`, holder_id }));
    const holder: DictionaryField = { name: 'holder_id', type: 'string', title: { 'zh-CN': '户主证件', en: 'Holder document' } };
    const review = reviewPublication(withFields((fs) => [...fs, holder], { piiScan: scanSamples(rows, { today }) }), never);
    expect(review.outcome).toBe('failed');
    expect(review.findings).toEqual([
      {
        rule: 'pii.undeclared',
        severity: 'error',
        pointer: '/dictionary/fields/4/pii',
        detail: {
          'zh-CN': '字段 holder_id 的样本中检出个人信息（身份证件号码），但数据字典未声明',
          en: 'Field holder_id: the sample holds personal information (identity document number) that the dictionary does not declare',
        },
      },
    ]);
  });

  it('reports a scanned column missing from the dictionary at the field list', () => {
    const scan = aPiiScan([...aPiiScan().fields, aFieldScan('email', { kind: 'email', sensitive: false })]);
    expect(ruleSeverityPointer(reviewPublication(aPublication({ piiScan: scan }), never).findings)).toEqual([['pii.undeclared', 'error', '/dictionary/fields']]);
  });

  it('requires a person for declared sensitive personal information under "sensitive" but not under "never"', () => {
    const declared = withFields((fs) => [...fs, { name: 'id_card', type: 'string', title: { 'zh-CN': '身份证号' }, pii: { kind: 'id-number', sensitive: true } }], {
      piiScan: aPiiScan([aFieldScan('id_card', { kind: 'id-number', sensitive: true })]),
    });
    declared.entry.shareAttribute = 'unconditional';
    expect(reviewPublication(declared, sensitive)).toEqual({ outcome: 'passed', findings: [], manualReviewRequired: true, manualReasons: ['review.manual.sensitive-personal-information'] });
    expect(reviewPublication(declared, never)).toEqual({ outcome: 'passed', findings: [], manualReviewRequired: false, manualReasons: [] });
  });

  it('counts sensitive personal information the scan detects though the dictionary does not declare it', () => {
    const detected = withEntry({ shareAttribute: 'unconditional' }, { piiScan: aPiiScan([aFieldScan('kwh', { kind: 'health', sensitive: true })]) });
    const review = reviewPublication(detected, sensitive);
    expect(review.findings.map((f) => f.rule)).toEqual(['pii.undeclared']);
    expect(review.manualReasons).toEqual(['review.manual.sensitive-personal-information']);
  });

  it.each<[string, Partial<CatalogEntry>, string[]]>([
    ['important data', { classification: { level: 'important' }, shareAttribute: 'unconditional' }, ['review.manual.important-data']],
    ['general data of grade 4', { classification: { level: 'general', grade: 4 }, shareAttribute: 'unconditional' }, ['review.manual.general-grade-4']],
    ['conditional sharing', { shareAttribute: 'conditional' }, ['review.manual.conditional-share']],
    ['general data of grade 3 shared unconditionally', { shareAttribute: 'unconditional' }, []],
    ['important data shared on conditions', { classification: { level: 'important' }, shareAttribute: 'conditional' }, ['review.manual.important-data', 'review.manual.conditional-share']],
  ])('under "sensitive", %s asks for a person: %j', (_what, overrides, reasons) => {
    const review = reviewPublication(withEntry(overrides), sensitive);
    expect(review.manualReasons).toEqual(reasons);
    expect(review.manualReviewRequired).toBe(reasons.length > 0);
  });

  it('asks for a person for every publication under "always", and for none under "never"', () => {
    const important = withEntry({ classification: { level: 'important' } });
    expect(reviewPublication(aPublication(), { manualReview: 'always' })).toMatchObject({ manualReviewRequired: true, manualReasons: ['review.manual.always'] });
    expect(reviewPublication(important, never)).toMatchObject({ manualReviewRequired: false, manualReasons: [] });
  });

  it('reports every finding at once', () => {
    const publication: PublicationForReview = {
      entry: { ...withoutKey(aCatalogEntry({ title: {}, classification: { level: 'core' } }), 'license'), dictionary: { fields: [{ name: 'phone', type: 'string', concept: 'tds:nope' }] } },
      piiScan: aPiiScan([aFieldScan('phone', { kind: 'phone', sensitive: false })]),
      offers: [],
    };
    const review = reviewPublication(publication, never);
    expect(review.outcome).toBe('failed');
    expect(ruleSeverityPointer(review.findings)).toEqual([
      ['entry.title', 'error', '/title'],
      ['entry.license', 'error', '/license'],
      ['review.dictionary-field-undescribed', 'error', '/dictionary/fields/0'],
      ['mapping.unknown-concept', 'error', '/dictionary/fields/0/concept'],
      ['review.core-data', 'error', '/classification/level'],
      ['pii.undeclared', 'error', '/dictionary/fields/0/pii'],
      ['review.offer-missing', 'error', '/offers'],
    ]);
    for (const f of review.findings) expect(reviewRules).toContain(f.rule);
  });

  it('keeps the field check details in English and the rule title in Chinese', () => {
    const [finding] = reviewPublication(withEntry({ license: 'CC-BY' }), never).findings;
    expect(finding?.detail).toEqual({ 'zh-CN': '缺少许可协议或许可协议不是 IRI', en: 'The licence is missing or not an IRI: the licence document’s IRI' });
  });

  it('describes a finding as one line in either language', () => {
    const [finding] = reviewPublication(withEntry({ classification: undefined }), never).findings;
    if (!finding) throw new Error('expected a finding');
    expect(describeFinding(finding, 'zh-CN')).toBe('错误（/classification）：缺少数据分类分级标识：按 GB/T 43697-2024 标明核心数据、重要数据或一般数据 1–4 级');
    expect(describeFinding(finding, 'en')).toBe('Error at /classification: The classification label is missing: state core, important, or general data grade 1–4 (GB/T 43697-2024)');
    expect(describeFinding({ rule: 'review.offer-missing', severity: 'warning', detail: { 'zh-CN': '说明', en: 'Detail' } }, 'en')).toBe('Warning: Detail');
  });

  it('names every rule and manual review reason in both languages, each id once', () => {
    expect(new Set(reviewRules).size).toBe(reviewRules.length);
    for (const rule of reviewRules) expect(Object.keys(reviewRuleTitles[rule]).sort()).toEqual(['en', 'zh-CN']);
    for (const reason of manualReviewReasons) expect(Object.keys(manualReviewReasonTitles[reason]).sort()).toEqual(['en', 'zh-CN']);
  });
});
