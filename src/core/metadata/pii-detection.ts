import { parsePhone, validateEmail, validateResidentId } from '../identity-codes/index.js';
import { format, type Locale, type Localized } from '../i18n/locale.js';
import { isSensitivePiiKind, piiKinds, piiKindNames, type DataDictionary, type PiiKind } from './data-dictionary.js';

/**
 * Finds personal information (个人信息) in sample values of a field, in the formats Chinese data
 * holds it, so the catalog's review can check what a provider declares against what the data
 * shows. Evidence is rule ids and counts, never values: scans end up in review records.
 */

/** The 100 most frequent surnames (公安部《二〇二〇年全国姓名报告》), order not significant. */
export const commonSurnames: readonly string[] = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢',
  ...'姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常',
];
export const compoundSurnames: readonly string[] = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯'];

export const valueRules = ['pii.value.resident-id', 'pii.value.mobile', 'pii.value.email', 'pii.value.bank-card', 'pii.value.person-name', 'pii.value.address', 'pii.value.birth-date'] as const;
export type ValueRule = (typeof valueRules)[number];
/** `pii.name.phone`: the field's name says what it holds. */
export type NameRule = `pii.name.${PiiKind}`;
export type PiiRule = ValueRule | NameRule;

/** ISO/IEC 7812 check digit, as every bank card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const surnames = new Set(commonSurnames);
// Place and organisation names that start with a surname character (黄浦区, 高新区, 金水路, 马钢集团).
const NOT_A_NAME = /(?:省|市|区|县|镇|乡|村|路|街|号|楼|室|公司|集团|中心|银行|学校|大学|医院|局|厅|院|所|站|厂|店|部|处|科|队|组|会|社)$/;
const isPersonName = (v: string) =>
  /^\p{Script=Han}{2,4}$/u.test(v) && (surnames.has(v.charAt(0)) || (v.length > 2 && compoundSurnames.includes(v.slice(0, 2)))) && !NOT_A_NAME.test(v);

const ADMINISTRATIVE = /省|自治区|市|区|县|旗|镇|乡|街道/;
const STREET_OR_NUMBER = /路|街|大道|巷|弄|胡同|村|号|栋|幢|单元|室/;
const isAddress = (v: string) => v.length >= 6 && v.length <= 120 && ADMINISTRATIVE.test(v) && STREET_OR_NUMBER.test(v);

const DATE = /^(\d{4})(?:[-/.年]?)(\d{1,2})(?:[-/.月]?)(\d{1,2})日?$/;
function isBirthDate(v: string, today: Date): boolean {
  const m = DATE.exec(v);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900 && date.getTime() <= today.getTime();
}

const cardDigits = (v: string) => v.replace(/[\s-]/g, '');

// Fixed lines are left out: they are mostly organisations' numbers, and their shape is loose.
function isMobile(v: string): boolean {
  if (!/^\+?[\d\s-]{11,17}$/.test(v)) return false;
  const phone = parsePhone(v);
  return phone.ok && phone.value.kind === 'mobile';
}

interface Matcher {
  rule: ValueRule;
  kind: PiiKind;
  test: (value: string, today: Date) => boolean;
}

// Order matters: a value counts for the first rule it matches (an identity number is not also a card).
const matchers: readonly Matcher[] = [
  { rule: 'pii.value.resident-id', kind: 'id-number', test: (v, today) => /^\d{17}[\dXx]$/.test(v) && validateResidentId(v, today).ok },
  { rule: 'pii.value.mobile', kind: 'phone', test: isMobile },
  { rule: 'pii.value.email', kind: 'email', test: (v) => v.includes('@') && validateEmail(v).ok },
  // 16–19 digits, the lengths mainland bank cards use: one in ten random numbers passes Luhn, so shorter ones would be noise.
  { rule: 'pii.value.bank-card', kind: 'bank-card', test: (v) => /^[3-6]\d{15,18}$/.test(cardDigits(v)) && luhnValid(cardDigits(v)) },
  { rule: 'pii.value.person-name', kind: 'name', test: isPersonName },
  { rule: 'pii.value.address', kind: 'address', test: isAddress },
  { rule: 'pii.value.birth-date', kind: 'birth-date', test: isBirthDate },
];

/**
 * Name hints. Chinese ones are substrings; English ones are token sequences of the name split
 * at `_`, `-`, spaces and camelCase (`idCardNo` → id card no); `=` marks a whole-name match for
 * words too short or vague alone (`name`, pinyin initials such as `xm` 姓名).
 */
const hints: ReadonlyArray<[PiiKind, string, string]> = [
  ['name', '姓名|名字|联系人|负责人|法定代表人|法人代表|户主', 'full name|real name|first name|last name|given name|family name|surname|fullname|realname|person name|contact name|customer name|patient name|owner name|holder name|applicant name|employee name|=name|=xm'],
  ['id-number', '身份证|证件号|身份号码', 'id card|id card no|id card number|idcard|identity card|citizen id|resident id|national id|sfz|sfzh|sfzhm|zjhm'],
  ['phone', '手机|电话|联系方式', 'phone|mobile|telephone|tel|cellphone|sjh|sjhm|lxdh'],
  ['email', '邮箱|电子邮件|邮件地址', 'email|e mail|mail|email address'],
  ['address', '地址|住址|住所|居住地', 'address|addr|residence|=dz'],
  ['bank-card', '银行卡|卡号', 'bank card|bankcard|card no|card number|cardno|yhkh'],
  ['financial-account', '银行账号|银行账户|开户账号', 'bank account|account no|account number|iban'],
  ['birth-date', '出生|生日', 'birth|birthday|birthdate|dob|csrq'],
  ['biometric', '指纹|人脸|面部|虹膜|声纹|掌纹|基因', 'fingerprint|face image|face feature|facial|iris|voiceprint|biometric|biometrics'],
  ['health', '病历|病史|诊断|体检|病情|疾病|健康状况|健康档案', 'medical record|medical history|diagnosis|disease|illness|health record|health status'],
  ['location', '轨迹|行踪|行程', 'trajectory|whereabouts|location history|gps track|track point'],
  ['minor', '未成年|儿童', 'minor|juvenile'],
  ['other', 'ip地址|mac地址', 'ip address|mac address|imei'],
];

const tokensOf = (name: string) =>
  name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/**
 * What a field's name says it holds, if anything. In Chinese and English compounds the head noun
 * comes last (联系人电话 is a phone, phone_owner_name a name), so the match ending last wins, and
 * of two ending together the longer one.
 */
export function fieldNameHint(name: string): PiiKind | undefined {
  const lower = name.toLowerCase();
  const tokens = tokensOf(name);
  type Hit = { kind: PiiKind; end: number; length: number };
  const later = (a: Hit | undefined, b: Hit) => (!a || b.end > a.end || (b.end === a.end && b.length > a.length) ? b : a);
  let zhHit: Hit | undefined;
  let enHit: Hit | undefined;
  for (const [kind, zh, en] of hints) {
    for (const word of zh.split('|')) {
      const at = lower.lastIndexOf(word);
      if (at >= 0) zhHit = later(zhHit, { kind, end: at + word.length, length: word.length });
    }
    for (const pattern of en.split('|')) {
      const whole = pattern.startsWith('=');
      const seq = (whole ? pattern.slice(1) : pattern).split(' ');
      if (whole && tokens.join(' ') !== seq.join(' ')) continue;
      for (let i = tokens.length - seq.length; i >= 0; i--) {
        if (seq.every((t, j) => tokens[i + j] === t)) {
          enHit = later(enHit, { kind, end: i + seq.length, length: seq.length });
          break;
        }
      }
    }
  }
  // Characters and tokens do not compare; a name with Chinese in it is read as Chinese.
  return (zhHit ?? enHit)?.kind;
}

export interface PiiScanOptions {
  /** Today, for identity numbers' birth dates: core has no clock. */
  today: Date;
  /** Share of non-null values that must match for values alone to detect a kind; 0.6 by default. */
  threshold?: number;
  /** Values examined per field, the first ones in order; 1000 by default. */
  sampleLimit?: number;
}

export interface PiiEvidence {
  rule: PiiRule;
  /** Values that matched a value rule; absent for a name rule. */
  matches?: number;
}

export interface FieldPiiScan {
  field: string;
  /** Non-null values examined. */
  scanned: number;
  /** The personal information found, if any. */
  pii?: { kind: PiiKind; sensitive: boolean };
  /** Share of the examined values matching the detected kind (or the best candidate); 0 for kinds no value rule knows. */
  matchRatio: number;
  /** Value rules that matched (most matches first), then the name hint. */
  evidence: PiiEvidence[];
}

export interface PiiScan {
  threshold: number;
  fields: FieldPiiScan[];
}

// Null-like values are skipped; booleans, objects and arrays count as examined values that match nothing.
const textOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return value === null || value === undefined ? undefined : '';
};

/**
 * Scans one field. Values alone detect a kind when at least `threshold` of them match its rule
 * (a person-name column must also be mostly distinct, since many words begin with a surname
 * character). A name hint detects its kind when the values do not contradict it: no values, a
 * kind no value rule checks (health, biometric, …), or at least half the threshold matching.
 * Dates count as birth dates only under a birth-date hint.
 */
export function scanField(field: string, values: Iterable<unknown>, options: PiiScanOptions): FieldPiiScan {
  const threshold = options.threshold ?? 0.6;
  const limit = options.sampleLimit ?? 1000;
  const hint = fieldNameHint(field);
  const counts = new Map<ValueRule, number>();
  const names = new Set<string>();
  let scanned = 0;
  for (const value of values) {
    if (scanned >= limit) break;
    const text = textOf(value);
    if (text === undefined) continue;
    scanned++;
    const match = matchers.find((m) => (m.kind !== 'birth-date' || hint === 'birth-date') && m.test(text, options.today));
    if (!match) continue;
    counts.set(match.rule, (counts.get(match.rule) ?? 0) + 1);
    if (match.kind === 'name') names.add(text);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || valueRules.indexOf(a[0]) - valueRules.indexOf(b[0]));
  const evidence: PiiEvidence[] = ranked.map(([rule, matches]) => ({ rule, matches }));
  if (hint) evidence.push({ rule: `pii.name.${hint}` });
  const kindOf = (rule: ValueRule) => matchers.find((m) => m.rule === rule)?.kind;
  const ratioOf = (kind: PiiKind) => (scanned === 0 ? 0 : ranked.filter(([rule]) => kindOf(rule) === kind).reduce((n, [, c]) => n + c, 0) / scanned);
  const detected = (kind: PiiKind, matchRatio: number): FieldPiiScan => ({ field, scanned, pii: { kind, sensitive: isSensitivePiiKind(kind) }, matchRatio, evidence });

  const [top] = ranked;
  const topKind = top && kindOf(top[0]);
  if (top && topKind && top[1] / scanned >= threshold && (topKind !== 'name' || hint === 'name' || names.size / top[1] >= 0.5)) {
    return detected(topKind, top[1] / scanned);
  }
  if (hint) {
    // Card-number values support an account hint: a bank account is often a card number.
    const checked = hint === 'financial-account' ? 'bank-card' : hint;
    const ratio = ratioOf(checked);
    if (scanned === 0 || !matchers.some((m) => m.kind === checked) || ratio >= threshold / 2) return detected(hint, ratio);
  }
  return { field, scanned, matchRatio: topKind ? top[1] / scanned : 0, evidence };
}

/** Scans every column of sample rows; columns default to the keys in order of first appearance. */
export function scanSamples(rows: readonly Record<string, unknown>[], options: PiiScanOptions & { columns?: readonly string[] }): PiiScan {
  const columns = options.columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return { threshold: options.threshold ?? 0.6, fields: columns.map((column) => scanField(column, rows.map((row) => row[column]), options)) };
}

export const piiFindingRules = ['pii.undeclared', 'pii.sensitivity-understated', 'pii.kind-mismatch'] as const;
export type PiiFindingRule = (typeof piiFindingRules)[number];

export interface PiiFinding {
  rule: PiiFindingRule;
  /** `error` blocks the automatic review; `warning` is shown to the provider and the reviewer. */
  severity: 'error' | 'warning';
  field: string;
  /** JSON Pointer into the dictionary: the field's `pii`, or `/fields` for a field it lacks. */
  pointer: string;
  /** The kind the scan found, or the sensitive kind that calls for `sensitive: true`. */
  expected: string;
  /** The kind declared, where one is. */
  actual?: string;
}

/**
 * Declared against detected: personal information found but not declared, sensitivity declared
 * lower than the detected kind (or the declared kind itself, GB/T 35273 Annex B) calls for, and
 * a declared kind other than the detected one. A declared field the scan finds nothing in is
 * fine: samples may simply not show it.
 */
export function piiConsistency(dictionary: DataDictionary, scan: PiiScan): PiiFinding[] {
  const findings: PiiFinding[] = [];
  const detectedBy = new Map(scan.fields.flatMap((f) => (f.pii ? [[f.field, f.pii] as const] : [])));
  dictionary.fields.forEach((field, i) => {
    const pointer = `/fields/${i}/pii`;
    const detected = detectedBy.get(field.name);
    detectedBy.delete(field.name);
    const declared = field.pii;
    if (!declared) {
      if (detected) findings.push({ rule: 'pii.undeclared', severity: 'error', field: field.name, pointer, expected: detected.kind });
      return;
    }
    if (!declared.sensitive && (isSensitivePiiKind(declared.kind) || detected?.sensitive)) {
      const kind = isSensitivePiiKind(declared.kind) ? declared.kind : (detected?.kind ?? declared.kind);
      findings.push({ rule: 'pii.sensitivity-understated', severity: 'error', field: field.name, pointer, expected: kind, actual: declared.kind });
    }
    if (detected && detected.kind !== declared.kind) {
      findings.push({ rule: 'pii.kind-mismatch', severity: 'warning', field: field.name, pointer, expected: detected.kind, actual: declared.kind });
    }
  });
  for (const [name, detected] of detectedBy) findings.push({ rule: 'pii.undeclared', severity: 'error', field: name, pointer: '/fields', expected: detected.kind });
  return findings;
}

export const piiFindingMessages: Readonly<Record<PiiFindingRule, Localized>> = {
  'pii.undeclared': {
    'zh-CN': '字段 {field} 的样本中检出个人信息（{expected}），但数据字典未声明',
    en: 'Field {field}: the sample holds personal information ({expected}) that the dictionary does not declare',
  },
  'pii.sensitivity-understated': {
    'zh-CN': '字段 {field} 未声明为敏感个人信息，但{expected}属于敏感个人信息（GB/T 35273 附录 B）',
    en: 'Field {field} is not declared sensitive, but {expected} is sensitive personal information (GB/T 35273 Annex B)',
  },
  'pii.kind-mismatch': {
    'zh-CN': '字段 {field} 声明的个人信息类别为{actual}，样本检出为{expected}',
    en: 'Field {field} is declared as {actual}, but the sample looks like {expected}',
  },
};

const kindName = (kind: string, locale: Locale) => ((piiKinds as readonly string[]).includes(kind) ? piiKindNames[kind as PiiKind][locale] : kind);

/** The finding as one sentence in the given locale, with kinds named in that locale. */
export function describePiiFinding(finding: PiiFinding, locale: Locale): string {
  const values: Record<string, string> = { field: finding.field, expected: kindName(finding.expected, locale) };
  if (finding.actual !== undefined) values.actual = kindName(finding.actual, locale);
  return format(piiFindingMessages[finding.rule][locale], values);
}
