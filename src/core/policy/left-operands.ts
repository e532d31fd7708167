import type { Localized } from '../i18n/locale.js';
import { classificationCode } from '../metadata/classification.js';
import type { AtomicConstraint } from './odrl-policy.js';
import type { OperandShape } from './operator-semantics.js';
import type { PolicyContext, PolicyRequest, Stage } from './policy-request.js';
import type { ResolvedValue } from './typed-values.js';

/**
 * The left operands we evaluate, grouped by the five control factors of usage control (time,
 * place, subject, behaviour, object) plus payment. ODRL 2.2's own names where they exist
 * (`dateTime`, `elapsedTime`, `spatial`, `recipient`, `industry`, `purpose`, `count`,
 * `deliveryChannel`, `payAmount`, …); ours in the tds namespace (https://w3id.org/trustspace/ns#).
 * Any other left operand parses (a profile may define it) but never holds: it is `unsupported`.
 */
export const controlFactors = ['time', 'place', 'subject', 'behaviour', 'object', 'payment'] as const;
export type ControlFactor = (typeof controlFactors)[number];

export interface LeftOperandDefinition extends OperandShape {
  /** Compact name: `dateTime`, `tds:region`. */
  name: string;
  factor: ControlFactor;
  /** The earliest stage at which the value is known; before it, constraints on it are deferred. */
  stage: Stage;
  title: Localized;
  /** The value in this request and context; undefined when unknown (the constraint then fails closed). */
  resolve: (request: PolicyRequest, context: PolicyContext, constraint: AtomicConstraint) => ResolvedValue | undefined;
}

type Def = Omit<LeftOperandDefinition, 'name'>;
const one = (factor: ControlFactor, valueType: OperandShape['valueType'], stage: Stage, title: Localized, resolve: Def['resolve']): Def => ({
  factor, valueType, cardinality: 'one', stage, title, resolve,
});
const set = (factor: ControlFactor, valueType: OperandShape['valueType'], stage: Stage, title: Localized, resolve: Def['resolve']): Def => ({
  factor, valueType, cardinality: 'set', stage, title, resolve,
});

const sinceSigning = (_: PolicyRequest, c: PolicyContext) => (c.agreement ? { from: c.agreement.signedAt, to: c.now } : undefined);

function claimValues(context: PolicyContext, constraint: AtomicConstraint): string[] | undefined {
  const claims = context.subject.claims;
  if (!constraint.claim || !claims || !Object.hasOwn(claims, constraint.claim)) return undefined;
  const value = claims[constraint.claim];
  const values = Array.isArray(value) ? value : [value];
  return values.every((v) => ['string', 'number', 'boolean'].includes(typeof v)) ? values.map(String) : undefined;
}

const table: Readonly<Record<string, Def>> = {
  // Time: when the action happens, how long since the agreement, how much time was used.
  dateTime: one('time', 'dateTime', 'catalog', { 'zh-CN': '使用时间', en: 'date and time' }, (_, c) => c.now),
  elapsedTime: one('time', 'duration', 'access', { 'zh-CN': '合约生效后经过的时间', en: 'time elapsed since the agreement' }, sinceSigning),
  delayPeriod: one('time', 'duration', 'access', { 'zh-CN': '合约生效后的等待期', en: 'delay since the agreement' }, sinceSigning),
  meteredTime: one('time', 'duration', 'access', { 'zh-CN': '累计使用时长', en: 'metered usage time' }, (_, c) =>
    c.usage?.meteredSeconds === undefined ? undefined : { from: c.now, to: new Date(c.now.getTime() + c.usage.meteredSeconds * 1000) },
  ),
  // Place: where the action is exercised, in which environment.
  spatial: one('place', 'region', 'access', { 'zh-CN': '使用地域', en: 'place of use' }, (r) => r.location),
  'tds:deploymentEnvironment': one('place', 'string', 'access', { 'zh-CN': '运行环境', en: 'deployment environment' }, (r) => r.environment),
  // Subject: who asks, as its credentials and the registry say.
  recipient: set('subject', 'string', 'catalog', { 'zh-CN': '接收方', en: 'recipient' }, (_, c) =>
    [c.subject.participantId, ...(c.subject.did ? [c.subject.did] : [])],
  ),
  'tds:membership': one('subject', 'string', 'catalog', { 'zh-CN': '成员资格', en: 'membership' }, (_, c) =>
    c.subject.admitted === undefined ? undefined : c.subject.admitted ? 'member' : 'applicant',
  ),
  'tds:role': set('subject', 'string', 'catalog', { 'zh-CN': '参与方角色', en: 'participant role' }, (_, c) => c.subject.roles),
  industry: set('subject', 'industry', 'catalog', { 'zh-CN': '所属行业', en: 'industry' }, (_, c) => c.subject.industries),
  'tds:region': one('subject', 'region', 'catalog', { 'zh-CN': '所在地区', en: 'region' }, (_, c) => c.subject.region),
  'tds:credentialClaim': set('subject', 'string', 'catalog', { 'zh-CN': '凭证声明', en: 'credential claim' }, (_, c, k) => claimValues(c, k)),
  // Behaviour: why, how often, through which channel.
  purpose: one('behaviour', 'string', 'negotiation', { 'zh-CN': '使用目的', en: 'purpose' }, (r) => r.purpose),
  count: one('behaviour', 'number', 'access', { 'zh-CN': '使用次数', en: 'number of uses' }, (_, c) =>
    c.usage?.count === undefined ? undefined : c.usage.count + 1,
  ),
  deliveryChannel: one('behaviour', 'string', 'access', { 'zh-CN': '交付方式', en: 'delivery channel' }, (r) => r.channel),
  unitOfCount: one('behaviour', 'string', 'access', { 'zh-CN': '计数单位', en: 'unit of count' }, (_, c) => c.usage?.unitOfCount),
  // Object: which asset, which fields, how sensitive, how anonymous the result.
  'tds:asset': one('object', 'string', 'negotiation', { 'zh-CN': '数据资源', en: 'asset' }, (r) => r.target),
  'tds:fields': set('object', 'string', 'access', { 'zh-CN': '访问字段', en: 'fields' }, (r) => r.fields),
  'tds:classification': one('object', 'classification', 'catalog', { 'zh-CN': '分类分级', en: 'classification' }, (_, c) =>
    c.asset?.classification ? classificationCode(c.asset.classification) : undefined,
  ),
  'tds:kAnonymity': one('object', 'number', 'access', { 'zh-CN': '结果的 k 匿名度', en: 'k-anonymity of the result' }, (r) => r.kAnonymity),
  'tds:privacyBudget': one('object', 'number', 'access', { 'zh-CN': '差分隐私预算 ε', en: 'differential-privacy budget ε' }, (r) => r.privacySpent),
  'tds:privacyMechanism': one('object', 'string', 'access', { 'zh-CN': '差分隐私机制', en: 'differential-privacy mechanism' }, (r) => r.privacyMechanism),
  'tds:rowFilter': set('object', 'string', 'access', { 'zh-CN': '可见数据行', en: 'visible rows' }, (r) => r.rowFilter),
  'tds:resultReview': one('behaviour', 'string', 'access', { 'zh-CN': '结果发布审核', en: 'review of results' }, (r) => r.review),
  // Payment.
  payAmount: one('payment', 'number', 'access', { 'zh-CN': '已支付金额', en: 'amount paid' }, (_, c) => c.payment?.paidAmount),
  'tds:priceModel': one('payment', 'string', 'negotiation', { 'zh-CN': '计价模式', en: 'price model' }, (_, c) => c.payment?.priceModel),
};

export const leftOperands: readonly LeftOperandDefinition[] = Object.entries(table).map(([name, def]) => ({ name, ...def }));

/** The definition of a compact left operand name, or undefined for one we do not evaluate. */
export const leftOperand = (name: string): LeftOperandDefinition | undefined => {
  const def = Object.hasOwn(table, name) ? table[name] : undefined;
  return def && { name, ...def };
};

export const leftOperandsOf = (factor: ControlFactor): LeftOperandDefinition[] => leftOperands.filter((d) => d.factor === factor);
