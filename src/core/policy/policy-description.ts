import { format, type Locale } from '../i18n/locale.js';
import { industryName } from '../identity-codes/industry-code.js';
import { purposeLabel, purposeTerm } from './purpose-vocabulary.js';
import { classificationName, type GeneralGrade } from '../metadata/classification.js';
import { DEFAULT_ON_USE_WINDOW, scheduleDuty } from './duty-schedule.js';
import { parseDuration } from './iso-duration.js';
import { leftOperand, type LeftOperandDefinition } from './left-operands.js';
import { rightValues, type AtomicConstraint, type ConstraintNode, type Duty, type Operator, type Policy, type Rule, type RightOperandValue } from './odrl-policy.js';
import { actionTitle } from './policy-actions.js';
import { counted, durationUnits, dutyWords, logicalWords, operatorPhrase, policyKinds, punctuation, ruleWords, valueNames } from './policy-words.js';

/**
 * An ODRL offer or agreement in plain words, zh-CN or English, for the consumer who reads what it
 * signs: a summary line, then one entry per permission, prohibition and obligation. Each entry
 * has its whole sentence (`text`) and, apart, its conditions and duties for a console to list.
 * Nothing is evaluated and nothing is left out: a left operand we do not evaluate is shown as
 * written and marked as never holding, as the evaluator treats it.
 */
export interface PolicyDescription {
  /** `本合约包含 2 项许可、1 项禁止、1 项义务` / `This agreement grants 2 permissions, with 1 prohibition and 1 obligation`. */
  summary: string;
  permissions: RuleDescription[];
  prohibitions: RuleDescription[];
  obligations: RuleDescription[];
}

export interface RuleDescription {
  /** The rule as one sentence, its conditions and duties included. */
  text: string;
  /** One line per top-level constraint; a logical constraint is one line with its members nested in brackets. */
  conditions: string[];
  /** A permission's duties as sentences: `每次使用后 1 天内通知（inform）` / `delete within 30 days of the agreement`. */
  duties: string[];
}

const quote = (text: string, locale: Locale): string => (locale === 'zh-CN' ? `“${text}”` : `'${text}'`);

/** `2026-12-31T23:59:00Z` → `2026-12-31 23:59 (UTC)`; the zone as written, a date as its day. */
function dateText(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!match) return text;
  const [, day, time, seconds, zone] = match;
  const clock = time ? ` ${time}${seconds && seconds !== '00' ? `:${seconds}` : ''}` : '';
  return `${day}${clock} (${!zone || zone === 'Z' ? 'UTC' : `UTC${zone}`})`;
}

/** `P30D` → `30 天` / `30 days`; `P1Y2M` → `1 年 2 个月`. */
function durationText(text: string, locale: Locale): string {
  const duration = parseDuration(text);
  if (!duration) return text;
  const parts = (Object.keys(durationUnits) as Array<keyof typeof durationUnits>)
    .filter((unit) => duration[unit] !== 0)
    .map((unit) => {
      const n = duration[unit];
      const words = durationUnits[unit];
      return locale === 'zh-CN' ? `${n} ${words['zh-CN']}` : `${n} ${words.en[n === 1 ? 0 : 1]}`;
    });
  return parts.length ? parts.join(' ') : locale === 'zh-CN' ? '0 秒' : '0 seconds';
}

function numberText(def: LeftOperandDefinition, value: string, unit: string | undefined, locale: Locale): string {
  if (def.name === 'count' && locale === 'zh-CN') return `${value} 次`;
  if (!unit) return value;
  return unit === 'CNY' && locale === 'zh-CN' ? `${value} 元` : `${value} ${unit}`;
}

function classificationText(code: string, locale: Locale): string {
  const match = /^general-([1-4])$/.exec(code);
  const name =
    code === 'core' || code === 'important'
      ? classificationName({ level: code }, locale)
      : match
        ? classificationName({ level: 'general', grade: Number(match[1]) as GeneralGrade }, locale)
        : locale === 'zh-CN' ? '一般数据' : 'General data';
  return locale === 'zh-CN' ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** A value known by name as `沙箱（sandbox）`; any other string quoted. */
function namedText(value: string, locale: Locale): string {
  const name = Object.hasOwn(valueNames, value) ? valueNames[value]?.[locale] : undefined;
  if (!name) return quote(value, locale);
  if (name === value) return locale === 'zh-CN' ? name : quote(value, locale);
  return locale === 'zh-CN' ? `${name}（${value}）` : `${name} (${quote(value, locale)})`;
}

function valueText(def: LeftOperandDefinition | undefined, c: AtomicConstraint, v: RightOperandValue, locale: Locale): string {
  const raw = String(v.value);
  switch (def?.valueType) {
    case 'dateTime':
      return dateText(raw);
    case 'duration':
      return durationText(raw, locale);
    case 'number':
      return numberText(def, raw, c.unit, locale);
    case 'region':
      return raw;
    case 'industry':
      return withName(raw, /^[A-T]$/.test(raw) ? industryName(raw, locale) : undefined, locale);
    case 'classification':
      return classificationText(raw, locale);
    default:
      // A purpose of the vocabulary by its label; a free-text purpose quoted as written.
      if (def?.name === 'purpose' && purposeTerm(raw)) return withName(raw, purposeLabel(raw, locale), locale, true);
      return namedText(raw, locale);
  }
}

/** `J66（货币金融服务）`, or for a purpose `信用风险评估（credit-risk-assessment）`: the name first. */
function withName(code: string, name: string | undefined, locale: Locale, nameFirst = false): string {
  if (!name) return code;
  const [a, b] = nameFirst ? [name, code] : [code, name];
  return locale === 'zh-CN' ? `${a}（${b}）` : `${a} (${b})`;
}

/** A list of one says the same as eq / neq (operator-semantics.ts), and reads better so: `包含 “consumer”`. */
const singleWord: Partial<Record<Operator, Operator>> = { isAnyOf: 'eq', isAllOf: 'eq', isNoneOf: 'neq' };

/** `使用次数 不超过 100 次` / `the number of uses is at most 100`. */
function atomText(c: AtomicConstraint, locale: Locale): string {
  const def = leftOperand(c.leftOperand);
  const rights = rightValues(c);
  const values = rights.map((v) => valueText(def, c, v, locale)).join(punctuation.value[locale]);
  const operator = (rights.length === 1 ? singleWord[c.operator] : undefined) ?? c.operator;
  const title = def?.title[locale] ?? c.leftOperand;
  const claim = c.claim ? ` ${locale === 'zh-CN' ? c.claim : quote(c.claim, locale)}` : '';
  const subject = def && locale === 'en' ? `the ${title}${claim}` : `${title}${claim}`;
  const plural = locale === 'en' && title.endsWith('s');
  const phrase = format(operatorPhrase(operator, def, locale), { values, s: plural ? '' : 's', es: plural ? '' : 'es' });
  return `${subject} ${phrase}${def ? '' : ruleWords.unsupported[locale]}`;
}

const wrapped = (text: string, locale: Locale): string => `${punctuation.open[locale]}${text}${punctuation.close[locale]}`;

/** One constraint in words; a logical one as `满足其一：A；（以下全部满足：B；C）`. */
function conditionText(node: ConstraintNode, locale: Locale): string {
  if (node.kind === 'atomic') return atomText(node, locale);
  return logicalWords[node.op][locale] + node.constraints.map((c) => inline(c, locale)).join(punctuation.item[locale]);
}

/** A condition inside a list: a logical one is bracketed so where it ends stays clear. */
const inline = (node: ConstraintNode, locale: Locale): string =>
  node.kind === 'logical' ? wrapped(conditionText(node, locale), locale) : conditionText(node, locale);

/** `使用（use）`, `通知（inform）` / `use`, `notify (inform)`. */
function actionText(action: string, locale: Locale): string {
  const title = actionTitle(action)[locale];
  if (title === action) return title;
  return locale === 'zh-CN' ? `${title}（${action}）` : `${title} (${action})`;
}

const isDeadline = (c: ConstraintNode): c is AtomicConstraint =>
  c.kind === 'atomic' && (c.leftOperand === 'elapsedTime' || c.leftOperand === 'dateTime') && ['lt', 'lteq', 'eq'].includes(c.operator);

/**
 * A duty as a sentence, read as the duty schedule reads it: `inform`, `attribute`, `watermark`
 * after each use (within the `elapsedTime` bound, else {@link DEFAULT_ON_USE_WINDOW}); other
 * actions by their time bounds; other constraints after it, in brackets.
 */
function dutyText(duty: Duty, locale: Locale): string {
  const action = actionText(duty.action, locale);
  const task = scheduleDuty(duty, '');
  const bounds = duty.constraints.filter(isDeadline);
  let used: AtomicConstraint[] = [];
  let sentence: string;
  if (task.trigger === 'on-use') {
    used = bounds.filter((c) => c.leftOperand === 'elapsedTime' && String(rightValues(c)[0]?.value) === task.window);
    sentence = format(dutyWords.onUse[locale], { action, window: durationText(task.window ?? DEFAULT_ON_USE_WINDOW, locale) });
  } else if (bounds.length) {
    used = bounds;
    const deadline = bounds
      .map((c) => {
        const words = c.leftOperand === 'elapsedTime' ? dutyWords.afterSigning : c.operator === 'lt' ? dutyWords.before : dutyWords.by;
        return format(words[locale], { value: rightValues(c).map((v) => valueText(leftOperand(c.leftOperand), c, v, locale)).join('') });
      })
      .join(punctuation.and[locale]);
    sentence = format(dutyWords.dueBy[locale], { action, deadline });
  } else {
    sentence = format(dutyWords.noDeadline[locale], { action });
  }
  const rest = duty.constraints.filter((c) => !used.includes(c as AtomicConstraint)).map((c) => inline(c, locale));
  return rest.length ? format(dutyWords.withConditions[locale], { sentence, list: rest.join(punctuation.item[locale]) }) : sentence;
}

function describeRule(kind: 'permission' | 'prohibition', rule: Rule, duties: readonly Duty[], policy: Policy, locale: Locale): RuleDescription {
  const conditions = rule.constraints.map((c) => conditionText(c, locale));
  const dutyTexts = duties.map((d) => dutyText(d, locale));
  const target = rule.target && rule.target !== policy.target ? format(ruleWords.asset[locale], { target: rule.target }) : ruleWords.data[locale];
  const party = rule.assignee && rule.assignee !== policy.assignee ? format(ruleWords.party[locale], { assignee: rule.assignee }) : '';
  let text = format(ruleWords[kind][locale], { action: actionText(rule.action, locale), object: target, party });
  if (conditions.length) {
    const list = rule.constraints.map((c) => inline(c, locale)).join(punctuation.item[locale]);
    text += format(ruleWords[kind === 'permission' ? 'permissionIf' : 'prohibitionIf'][locale], { list });
  }
  if (dutyTexts.length) text += format(ruleWords.duties[locale], { list: dutyTexts.join(punctuation.item[locale]) });
  return { text, conditions, duties: dutyTexts };
}

function describeObligation(duty: Duty, locale: Locale): RuleDescription {
  return {
    text: format(ruleWords.obligation[locale], { duty: dutyText(duty, locale) }),
    conditions: duty.constraints.map((c) => conditionText(c, locale)),
    duties: [],
  };
}

function summaryOf(policy: Policy, locale: Locale): string {
  const kind = policyKinds[policy.type][locale];
  const [p, pr, o] = [policy.permissions.length, policy.prohibitions.length, policy.obligations.length];
  if (locale === 'zh-CN') {
    const parts = [counted(p, 'permission', locale), ...(pr ? [counted(pr, 'prohibition', locale)] : []), ...(o ? [counted(o, 'obligation', locale)] : [])];
    return `本${kind}包含 ${parts.join('、')}`;
  }
  const extra = [...(pr ? [counted(pr, 'prohibition', locale)] : []), ...(o ? [counted(o, 'obligation', locale)] : [])];
  return `This ${kind} grants ${counted(p, 'permission', locale)}${extra.length ? `, with ${extra.join(' and ')}` : ''}`;
}

/** The policy in words. Pure: never throws for a parsed policy, whatever its terms. */
export function describePolicy(policy: Policy, locale: Locale): PolicyDescription {
  return {
    summary: summaryOf(policy, locale),
    permissions: policy.permissions.map((rule) => describeRule('permission', rule, rule.duties, policy, locale)),
    prohibitions: policy.prohibitions.map((rule) => describeRule('prohibition', rule, [], policy, locale)),
    obligations: policy.obligations.map((duty) => describeObligation(duty, locale)),
  };
}
