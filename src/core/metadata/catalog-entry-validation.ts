import type { Localized } from '../i18n/locale.js';
import { validateRegionCode } from '../identity-codes/index.js';
import { accessModes, catalogEntryKinds, isAbsoluteIri, parseResourceUrn, shareAttributes, type CatalogEntry, type LocalizedText } from './catalog-entry.js';

/**
 * The field checks of a catalog entry: DCAT-AP's required fields as this space requires them
 * (title, description, publisher, contact point, licence) and the form of every other field.
 * The operator's normative review (资源规范性审查) calls this first; its own rules (dictionary
 * completeness, PII consistency, core data refused) come on top. Every problem is reported at
 * once, each with a stable rule id and a JSON Pointer into the entry.
 */

export const entryRules = [
  'entry.kind',
  'entry.id',
  'entry.handle',
  'entry.doi',
  'entry.language-tag',
  'entry.title',
  'entry.description',
  'entry.keyword',
  'entry.theme',
  'entry.publisher',
  'entry.publisher-did',
  'entry.contact-point',
  'entry.contact-email',
  'entry.contact-phone',
  'entry.license',
  'entry.spatial',
  'entry.temporal',
  'entry.accrual-periodicity',
  'entry.date',
  'entry.distribution-access',
  'entry.distribution-url',
  'entry.access-mode',
  'entry.media-type',
  'entry.service-endpoint',
  'entry.classification',
  'entry.share-attribute',
  'entry.dictionary-field',
] as const;
export type EntryRule = (typeof entryRules)[number];

/** What each rule asks for, as the console and the review report show it (zh-CN and English). */
export const entryRuleTitles: Readonly<Record<EntryRule, Localized>> = {
  'entry.kind': { 'zh-CN': '资源类型无效', en: 'Unknown entry kind' },
  'entry.id': { 'zh-CN': '数据标识格式不正确', en: 'The resource identifier is malformed' },
  'entry.handle': { 'zh-CN': 'Handle 标识格式不正确', en: 'The Handle is malformed' },
  'entry.doi': { 'zh-CN': 'DOI 格式不正确', en: 'The DOI is malformed' },
  'entry.language-tag': { 'zh-CN': '语言标记无效', en: 'Invalid language tag' },
  'entry.title': { 'zh-CN': '缺少资源名称', en: 'The title is missing' },
  'entry.description': { 'zh-CN': '缺少资源摘要', en: 'The description is missing' },
  'entry.keyword': { 'zh-CN': '关键词为空', en: 'An empty keyword' },
  'entry.theme': { 'zh-CN': '所属领域为空', en: 'An empty theme' },
  'entry.publisher': { 'zh-CN': '缺少数据提供方', en: 'The publisher is missing' },
  'entry.publisher-did': { 'zh-CN': '提供方 DID 格式不正确', en: "The publisher's DID is malformed" },
  'entry.contact-point': { 'zh-CN': '缺少联系人或联系方式', en: 'The contact point is missing or incomplete' },
  'entry.contact-email': { 'zh-CN': '联系邮箱格式不正确', en: 'The contact email is malformed' },
  'entry.contact-phone': { 'zh-CN': '联系电话格式不正确', en: 'The contact phone is malformed' },
  'entry.license': { 'zh-CN': '缺少许可协议或许可协议不是 IRI', en: 'The licence is missing or not an IRI' },
  'entry.spatial': { 'zh-CN': '空间范围不是有效的行政区划代码或 IRI', en: 'The spatial coverage is not a region code or IRI' },
  'entry.temporal': { 'zh-CN': '时间范围无效', en: 'The temporal coverage is invalid' },
  'entry.accrual-periodicity': { 'zh-CN': '更新周期不是频率 IRI', en: 'The update frequency is not an IRI' },
  'entry.date': { 'zh-CN': '日期格式不正确', en: 'A date is malformed' },
  'entry.distribution-access': { 'zh-CN': '分发缺少访问方式', en: 'A distribution has no way to access it' },
  'entry.distribution-url': { 'zh-CN': '分发地址不是 http(s) URL', en: 'A distribution URL is not http(s)' },
  'entry.access-mode': { 'zh-CN': '访问模式无效', en: 'Unknown access mode' },
  'entry.media-type': { 'zh-CN': '媒体类型无效', en: 'Invalid media type' },
  'entry.service-endpoint': { 'zh-CN': '数据服务缺少有效的服务地址', en: 'The data service has no valid endpoint' },
  'entry.classification': { 'zh-CN': '分类分级标签无效', en: 'Invalid classification label' },
  'entry.share-attribute': { 'zh-CN': '共享或开放属性无效', en: 'Invalid share or open attribute' },
  'entry.dictionary-field': { 'zh-CN': '数据字典字段名为空或重复', en: 'A dictionary field name is empty or repeated' },
};

export interface EntryProblem {
  rule: EntryRule;
  pointer: string;
  detail: string;
}

export interface EntryValidationOptions {
  /** Require the space-scoped URN form of the id (default true: entries published in this space). */
  requireResourceUrn?: boolean;
}

const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{5,24}$/;
const HANDLE = /^\d+(\.\d+)*\/\S+$/;
const DOI = /^10\.\d{4,9}\/\S+$/;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
const HTTP_URL = /^https?:\/\/[^\s]+$/;

/** Every problem of `entry`; an empty list means the fields are complete and well-formed. */
export function validateCatalogEntry(entry: CatalogEntry, options: EntryValidationOptions = {}): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const fail = (rule: EntryRule, pointer: string, detail: string) => problems.push({ rule, pointer, detail });

  if (!(catalogEntryKinds as readonly string[]).includes(entry.kind)) fail('entry.kind', '/kind', `one of ${catalogEntryKinds.join(', ')}`);
  if (options.requireResourceUrn !== false ? !parseResourceUrn(entry.id) : !isAbsoluteIri(entry.id)) {
    fail('entry.id', '/id', options.requireResourceUrn !== false ? 'urn:tds:<space>:<participant>:<resource>' : 'an absolute IRI');
  }
  if (entry.handle !== undefined && !HANDLE.test(entry.handle)) fail('entry.handle', '/handle', 'a Handle such as 86.100/abc');
  if (entry.doi !== undefined && !DOI.test(entry.doi)) fail('entry.doi', '/doi', 'a DOI such as 10.1234/abc');
  const requiredText = (text: LocalizedText | undefined, pointer: string, rule: EntryRule) => {
    checkTags(text, pointer, fail);
    if (!Object.values(text ?? {}).some((v) => v.trim())) fail(rule, pointer, 'required, in zh-CN or English at least');
  };
  requiredText(entry.title, '/title', 'entry.title');
  requiredText(entry.description, '/description', 'entry.description');
  for (const [lang, words] of Object.entries(entry.keywords ?? {})) {
    checkTags({ [lang]: '' }, '/keywords', fail);
    words.forEach((w, i) => !w.trim() && fail('entry.keyword', `/keywords/${pointerSegment(lang)}/${i}`, 'an empty keyword'));
  }
  entry.themes?.forEach((t, i) => !t.trim() && fail('entry.theme', `/themes/${i}`, 'an empty theme'));

  const publisher = entry.publisher;
  if (!publisher) fail('entry.publisher', '/publisher', 'required');
  else {
    if (!publisher.id.trim()) fail('entry.publisher', '/publisher/id', 'required');
    if (!publisher.name.trim()) fail('entry.publisher', '/publisher/name', 'required');
    if (publisher.did !== undefined && !/^did:[a-z0-9]+:\S+$/.test(publisher.did)) fail('entry.publisher-did', '/publisher/did', 'a DID (did:method:…)');
  }
  const contact = entry.contactPoint;
  if (!contact) fail('entry.contact-point', '/contactPoint', 'required');
  else {
    if (!contact.name?.trim()) fail('entry.contact-point', '/contactPoint/name', 'required');
    if (!contact.email && !contact.phone) fail('entry.contact-point', '/contactPoint', 'an email address or a phone number');
    if (contact.email !== undefined && !EMAIL.test(contact.email)) fail('entry.contact-email', '/contactPoint/email', 'an email address');
    if (contact.phone !== undefined && !PHONE.test(contact.phone)) fail('entry.contact-phone', '/contactPoint/phone', 'a phone number');
  }
  if (entry.license === undefined) fail('entry.license', '/license', 'required');
  else if (!isAbsoluteIri(entry.license)) fail('entry.license', '/license', 'the licence document’s IRI');

  entry.spatial?.forEach((place, i) => {
    if (/^\d+$/.test(place) ? !validateRegionCode(place).ok : !isAbsoluteIri(place)) fail('entry.spatial', `/spatial/${i}`, 'a GB/T 2260 region code or a place IRI');
  });
  if (entry.temporal) {
    const { start, end } = entry.temporal;
    if (start !== undefined && !ISO_DATE.test(start)) fail('entry.temporal', '/temporal/start', 'an ISO 8601 date');
    if (end !== undefined && !ISO_DATE.test(end)) fail('entry.temporal', '/temporal/end', 'an ISO 8601 date');
    if (start && end && ISO_DATE.test(start) && ISO_DATE.test(end) && start.slice(0, 10) > end.slice(0, 10)) fail('entry.temporal', '/temporal', 'the start is after the end');
  }
  if (entry.accrualPeriodicity !== undefined && !isAbsoluteIri(entry.accrualPeriodicity)) fail('entry.accrual-periodicity', '/accrualPeriodicity', 'a frequency IRI');
  for (const key of ['issued', 'modified'] as const) {
    const value = entry[key];
    if (value !== undefined && !ISO_DATE.test(value)) fail('entry.date', `/${key}`, 'an ISO 8601 date or date-time');
  }

  entry.distributions?.forEach((d, i) => {
    const at = `/distributions/${i}`;
    if (d.accessUrl === undefined && d.downloadUrl === undefined && d.accessService === undefined) fail('entry.distribution-access', at, 'an access URL, a download URL or an access service');
    if (d.accessUrl !== undefined && !HTTP_URL.test(d.accessUrl)) fail('entry.distribution-url', `${at}/accessUrl`, 'an http(s) URL');
    if (d.downloadUrl !== undefined && !HTTP_URL.test(d.downloadUrl)) fail('entry.distribution-url', `${at}/downloadUrl`, 'an http(s) URL');
    if (d.accessService && !isAbsoluteIri(d.accessService.id)) fail('entry.distribution-access', `${at}/accessService/id`, 'an IRI');
    if (d.accessMode !== undefined && !(accessModes as readonly string[]).includes(d.accessMode)) fail('entry.access-mode', `${at}/accessMode`, `one of ${accessModes.join(', ')}`);
    if (d.mediaType !== undefined && !MEDIA_TYPE.test(d.mediaType) && !isAbsoluteIri(d.mediaType)) fail('entry.media-type', `${at}/mediaType`, 'an IANA media type such as text/csv');
    if (d.title) checkTags(d.title, `${at}/title`, fail);
  });
  if (entry.kind === 'dataService' && !entry.service?.endpointUrls.length) fail('entry.service-endpoint', '/service/endpointUrls', 'a data service needs an endpoint URL');
  entry.service?.endpointUrls.forEach((u, i) => !HTTP_URL.test(u) && fail('entry.service-endpoint', `/service/endpointUrls/${i}`, 'an http(s) URL'));

  const c = entry.classification;
  if (c && (c.level === 'general' ? ![1, 2, 3, 4].includes(c.grade ?? 0) : c.grade !== undefined || !['core', 'important'].includes(c.level))) {
    fail('entry.classification', '/classification', 'core, important, or general with a grade 1–4');
  }
  for (const key of ['shareAttribute', 'openAttribute'] as const) {
    const value = entry[key];
    if (value !== undefined && !(shareAttributes as readonly string[]).includes(value)) fail('entry.share-attribute', `/${key}`, `one of ${shareAttributes.join(', ')}`);
  }
  const names = new Set<string>();
  entry.dictionary?.fields.forEach((f, i) => {
    if (!f.name.trim()) fail('entry.dictionary-field', `/dictionary/fields/${i}/name`, 'a field needs a name');
    else if (names.has(f.name)) fail('entry.dictionary-field', `/dictionary/fields/${i}/name`, `the field ${f.name} appears twice`);
    names.add(f.name);
  });
  return problems;
}

const pointerSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function checkTags(text: LocalizedText | undefined, pointer: string, fail: (rule: EntryRule, pointer: string, detail: string) => void) {
  for (const tag of Object.keys(text ?? {})) if (!LANGUAGE_TAG.test(tag)) fail('entry.language-tag', `${pointer}/${pointerSegment(tag)}`, 'a BCP 47 language tag');
}
