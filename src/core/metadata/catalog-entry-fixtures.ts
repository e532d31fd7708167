import { fieldTypes, piiKinds, type DataDictionary, type DictionaryField } from './data-dictionary.js';
import { accessModes, frequencies, shareAttributes, type CatalogEntry, type Distribution } from './catalog-entry.js';
import { seededRandom } from '../random/seeded-random.js';

/**
 * Test builders: one default entry (the demo's 企业用电数据), overridable, and a seeded
 * generator of varied entries for round-trip tests. Used by tests only.
 */

export function aDictionary(overrides: Partial<DataDictionary> = {}): DataDictionary {
  return {
    fields: [
      { name: 'uscc', type: 'string', title: { 'zh-CN': '统一社会信用代码', en: 'USCC' }, required: true, concept: 'tds:uscc' },
      { name: 'month', type: 'yearmonth', title: { 'zh-CN': '月份', en: 'Month' } },
      {
        name: 'kwh',
        type: 'number',
        title: { 'zh-CN': '用电量', en: 'Electricity consumption' },
        description: { 'zh-CN': '当月用电量（千瓦时）', en: 'Consumption in the month' },
        unit: 'kW.h',
        statistics: { rows: 1200, nulls: 3, min: 0, max: 98000.5, mean: 1234.25 },
      },
      { name: 'contact_phone', type: 'string', pii: { kind: 'phone', sensitive: false } },
    ],
    primaryKey: ['uscc', 'month'],
    missingValues: [''],
    ...overrides,
  };
}

export function aCatalogEntry(overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    kind: 'dataset',
    id: 'urn:tds:henan:p_grid01:electricity-2024',
    handle: '86.100.1/electricity-2024',
    version: '1.0.0',
    title: { 'zh-CN': '企业用电数据', en: 'Enterprise electricity consumption' },
    description: { 'zh-CN': '河南省规模以上企业月度用电量，按统一社会信用代码汇总。', en: 'Monthly electricity consumption of large enterprises in Henan, by USCC.' },
    keywords: { 'zh-CN': ['用电', '企业', '能源'], en: ['electricity', 'enterprise'] },
    themes: ['http://publications.europa.eu/resource/authority/data-theme/ENER'],
    publisher: { id: 'p_grid01', name: '国网河南省电力公司', did: 'did:web:grid.example.cn' },
    contactPoint: { name: '数据服务部', email: 'data@grid.example.cn', phone: '0371-12345678' },
    license: 'https://w3id.org/trustspace/licence/restricted-1.0',
    spatial: ['410000'],
    temporal: { start: '2024-01-01', end: '2024-12-31' },
    accrualPeriodicity: frequencies.monthly,
    issued: '2025-01-15',
    modified: '2025-02-01T08:30:00+08:00',
    distributions: [
      { title: { 'zh-CN': '沙箱查询' }, accessUrl: 'https://connector.grid.example.cn/api/v1/sandbox', mediaType: 'text/csv', format: 'CSV', accessMode: 'sandbox' },
    ],
    classification: { level: 'general', grade: 3 },
    shareAttribute: 'conditional',
    openAttribute: 'none',
    dictionary: aDictionary(),
    priceModel: 'payAfterUse',
    ...overrides,
  };
}


// Strings that break naive serialisers: quotes, backslashes, newlines, Turtle and JSON-LD
// syntax, CSV separators, CJK punctuation, emoji (surrogate pairs), combining marks, RTL.
const awkward = [
  '含"双引号"与\\反斜杠',
  'line one\nline two\r\n\ttabbed',
  '"""triple""" and \'single\' <b>&amp;</b>',
  '@id @context {"@value": 1}',
  'a, b; c、d；e，f',
  '数据😀𠮷 emoji and CJK ext-B',
  'e\u0301 combining, שלום RTL',
  '=SUM(A1:A9) +1 -1 @x',
  '   leading and trailing   ',
  '_:b0 <urn:x> ^^xsd:string @zh-CN',
];

export function generatedEntries(count: number, seed = 1): CatalogEntry[] {
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const maybe = (p = 0.5) => rand() < p;
  return Array.from({ length: count }, (_, i) => {
    const kind = pick(['dataset', 'dataService', 'product'] as const);
    const entry: CatalogEntry = {
      kind,
      id: `urn:tds:space${i % 3}:p_${i}:res-${i}`,
      title: { 'zh-CN': `数据资源${i}：${pick(awkward)}`, ...(maybe() ? { en: `Resource ${i} ${pick(awkward)}` } : {}) },
      description: maybe(0.8) ? { 'zh-CN': pick(awkward), en: pick(awkward) } : {},
    };
    if (maybe()) entry.keywords = { 'zh-CN': [`关键词${i}`, pick(awkward)], ...(maybe() ? { en: [`kw${i}`] } : {}) };
    if (maybe()) entry.doi = `10.1234/tds.${i}`;
    if (maybe()) entry.version = `${i}.0`;
    if (maybe()) entry.themes = maybe() ? ['http://example.org/theme/energy'] : ['交通运输', '能源'];
    if (maybe(0.8)) entry.publisher = { id: maybe() ? `p_${i}` : `urn:tds:space0:p_${i}`, name: `提供方${i} ${pick(awkward)}`, ...(maybe() ? { did: `did:web:p${i}.example.cn` } : {}) };
    if (maybe(0.8)) entry.contactPoint = { name: pick(awkward), ...(maybe() ? { email: `c${i}@example.cn` } : {}), ...(maybe() ? { phone: '+86 371 1234 5678' } : {}) };
    if (maybe()) entry.license = 'https://creativecommons.org/licenses/by/4.0/';
    if (maybe()) entry.spatial = maybe() ? ['410100', '110000'] : ['http://sws.geonames.org/1816670/'];
    if (maybe()) entry.temporal = maybe() ? { start: '2023-01-01' } : { start: '2023-01-01T00:00:00Z', end: '2024' };
    if (maybe()) entry.accrualPeriodicity = pick(Object.values(frequencies));
    if (maybe()) entry.issued = '2024-06-01';
    if (maybe()) entry.modified = '2024-06-02T10:00:00+08:00';
    if (kind !== 'dataService' || maybe()) entry.distributions = Array.from({ length: 1 + Math.floor(rand() * 2) }, (_, j) => aDistribution(i, j, pick, maybe));
    if (kind === 'dataService') entry.service = { endpointUrls: [`https://p${i}.example.cn/api`], ...(maybe() ? { endpointDescription: pick(awkward) } : {}), ...(maybe() ? { servesDatasets: [`urn:tds:space0:p_${i}:ds`] } : {}) };
    if (maybe()) entry.classification = pick([{ level: 'core' }, { level: 'important' }, { level: 'general', grade: 2 }] as const);
    if (maybe()) entry.shareAttribute = pick(shareAttributes);
    if (maybe()) entry.openAttribute = pick(shareAttributes);
    if (maybe()) entry.priceModel = pick(['payAfterUse', 'freeTrial', 'revenueShare']);
    if (maybe()) entry.dictionary = { fields: Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, j) => aField(j, pick, maybe)), ...(maybe() ? { primaryKey: ['f0'] } : {}) };
    if (maybe(0.3)) entry.extra = { 'http://example.org/ns#note': [{ '@value': pick(awkward), '@language': 'en' }] };
    return entry;
  });
}

function aDistribution(i: number, j: number, pick: <T>(items: readonly T[]) => T, maybe: (p?: number) => boolean): Distribution {
  const d: Distribution = { accessMode: pick(accessModes) };
  if (maybe()) d.id = `urn:tds:space0:p_${i}:res-${i}:dist-${j}`;
  if (maybe()) d.title = { 'zh-CN': `分发${j}`, en: pick(awkward) };
  if (maybe()) d.accessUrl = `https://p${i}.example.cn/access/${j}?q=a&b=%E4%B8%AD`;
  if (maybe()) d.downloadUrl = `https://p${i}.example.cn/files/${j}.csv`;
  if (maybe()) d.mediaType = pick(['text/csv', 'application/json', 'application/vnd.apache.parquet']);
  if (maybe()) d.format = pick(['CSV', 'HttpData-PULL', 'http://publications.europa.eu/resource/authority/file-type/CSV']);
  // One IRI is one resource in RDF: a service described with its endpoint in one distribution
  // has it everywhere, so the generator names the service without an endpoint differently.
  if (maybe()) d.accessService = maybe() ? { id: `urn:tds:space0:p_${i}:connector`, endpointUrl: `https://p${i}.example.cn/dsp` } : { id: `urn:tds:space0:p_${i}:catalog-service` };
  return d;
}

function aField(j: number, pick: <T>(items: readonly T[]) => T, maybe: (p?: number) => boolean): DictionaryField {
  const f: DictionaryField = { name: `f${j}`, type: pick(fieldTypes) };
  if (maybe()) f.title = { 'zh-CN': `字段${j}`, ...(maybe() ? { en: pick(awkward) } : {}) };
  if (maybe()) f.unit = 'CNY';
  if (maybe()) f.required = maybe();
  if (maybe()) {
    const kind = pick(piiKinds);
    f.pii = { kind, sensitive: maybe() };
  }
  if (maybe()) f.concept = 'tds:region-code';
  if (maybe()) f.format = '%Y-%m-%d';
  if (maybe()) f.statistics = { rows: 10, nulls: 0, distinct: 7, distinctCapped: false, min: 'a', max: 'z' };
  if (maybe(0.3)) f.extra = { constraints: { maxLength: 18 }, 'x-note': pick(awkward) };
  return f;
}
