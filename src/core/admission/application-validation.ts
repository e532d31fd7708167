import { DomainError, type FieldProblem } from '../errors/index.js';
import type { Locale } from '../i18n/locale.js';
import {
  describeFailure,
  inSameProvince,
  parseIndustry,
  validateEmail,
  validatePhone,
  validateRegionCode,
  validateResidentId,
  validateUscc,
  type CodeFailure,
} from '../identity-codes/index.js';
import type { IndustryCode } from './participant-record.js';
import { canonicalRole, isServiceKind, type ParticipantRole, type ServiceKind } from './participant-roles.js';

/** An application as a client sends it (already shape-checked by the route's schema). */
export interface ApplicationInput {
  name: string;
  uscc: string;
  legalRepresentative: { name: string; idNumber: string };
  contact: { name: string; phone: string; email: string };
  region: string;
  industry: string | { section: string; division?: string };
  roles: Array<string | { role: string; kind?: string }>;
  serviceKinds?: string[];
}

/** The same, normalised: upper-case codes, canonical roles, parsed industry. */
export interface ValidApplication {
  name: string;
  uscc: string;
  legalRepresentative: { name: string; idNumber: string };
  contact: { name: string; phone: string; email: string };
  region: string;
  industry: IndustryCode;
  roles: ParticipantRole[];
  serviceKinds: ServiceKind[];
}

const messages = {
  nameRequired: { 'zh-CN': '不能为空', en: 'must not be empty' },
  roleUnknown: { 'zh-CN': '未知角色：{role}（可选 provider、consumer、serviceProvider、regulator）', en: 'unknown role: {role} (provider, consumer, serviceProvider, regulator)' },
  rolesEmpty: { 'zh-CN': '至少申请一个角色', en: 'ask for at least one role' },
  kindUnknown: { 'zh-CN': '未知的数据服务方类型：{kind}', en: 'unknown service provider kind: {kind}' },
  kindMissing: { 'zh-CN': '申请数据服务方角色时须注明服务类型', en: 'a service provider must name its service kinds' },
  kindWithoutRole: { 'zh-CN': '只有数据服务方才有服务类型', en: 'service kinds need the serviceProvider role' },
  summary: { 'zh-CN': '申请中有 {count} 处信息有误', en: 'The application has {count} invalid field(s)' },
  regionMismatch: {
    'zh-CN': '所在地区 {region} 与统一社会信用代码中的登记管理机关行政区划 {usccRegion} 不在同一省份',
    en: 'region {region} is not in the same province as the USCC registration region {usccRegion}',
  },
} as const;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

/**
 * Checks every field and reports every failure at once, each at its JSON Pointer with a message
 * in the caller's language, so an applicant fixes the whole form in one round.
 */
export function validateApplication(input: ApplicationInput, locale: Locale, today: Date = new Date()): ValidApplication {
  const problems: FieldProblem[] = [];
  const fail = (pointer: string, failure: CodeFailure) => problems.push({ pointer, detail: describeFailure(failure, locale) });
  const say = (pointer: string, text: string) => problems.push({ pointer, detail: text });

  const name = input.name.trim();
  if (!name) say('/name', messages.nameRequired[locale]);
  for (const [pointer, value] of [['/legalRepresentative/name', input.legalRepresentative.name], ['/contact/name', input.contact.name]] as const) {
    if (!value.trim()) say(pointer, messages.nameRequired[locale]);
  }

  const uscc = validateUscc(input.uscc);
  if (!uscc.ok) fail('/uscc', uscc.failure);
  const idNumber = validateResidentId(input.legalRepresentative.idNumber, today);
  if (!idNumber.ok) fail('/legalRepresentative/idNumber', idNumber.failure);
  const phone = validatePhone(input.contact.phone);
  if (!phone.ok) fail('/contact/phone', phone.failure);
  const email = validateEmail(input.contact.email);
  if (!email.ok) fail('/contact/email', email.failure);
  const region = validateRegionCode(input.region);
  if (!region.ok) fail('/region', region.failure);
  const industry = parseIndustry(input.industry);
  if (!industry.ok) fail('/industry', industry.failure);
  // An organisation registers where it is: its declared region and the code's must share a
  // province, unless a national authority registered it (region 100000).
  if (uscc.ok && region.ok && uscc.value.regionCode !== '100000' && !inSameProvince(uscc.value.regionCode, input.region)) {
    say('/region', fill(messages.regionMismatch[locale], { region: input.region, usccRegion: uscc.value.regionCode }));
  }

  const roles: ParticipantRole[] = [];
  const kinds = new Set<string>(input.serviceKinds ?? []);
  input.roles.forEach((entry, i) => {
    const raw = typeof entry === 'string' ? entry : entry.role;
    const role = canonicalRole(raw);
    if (!role) return say(`/roles/${i}`, fill(messages.roleUnknown[locale], { role: raw }));
    if (!roles.includes(role)) roles.push(role);
    if (typeof entry !== 'string' && entry.kind) kinds.add(entry.kind);
  });
  if (input.roles.length === 0) say('/roles', messages.rolesEmpty[locale]);
  const serviceKinds: ServiceKind[] = [];
  for (const kind of kinds) {
    if (isServiceKind(kind)) serviceKinds.push(kind);
    else say('/serviceKinds', fill(messages.kindUnknown[locale], { kind }));
  }
  if (roles.includes('serviceProvider') && serviceKinds.length === 0 && kinds.size === 0) say('/serviceKinds', messages.kindMissing[locale]);
  if (!roles.includes('serviceProvider') && kinds.size > 0) say('/serviceKinds', messages.kindWithoutRole[locale]);

  if (problems.length > 0 || !uscc.ok || !idNumber.ok || !industry.ok || !phone.ok) {
    throw new DomainError('participant.application-invalid', fill(messages.summary[locale], { count: String(problems.length) }), problems);
  }
  return {
    name,
    uscc: uscc.value.code,
    legalRepresentative: { name: input.legalRepresentative.name.trim(), idNumber: idNumber.value.code },
    contact: { name: input.contact.name.trim(), phone: phone.value, email: input.contact.email.trim() },
    region: input.region,
    industry: { section: industry.value.section, division: industry.value.division ?? null },
    roles,
    serviceKinds: serviceKinds.sort(),
  };
}
