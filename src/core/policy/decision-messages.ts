import { format, type Locale, type Localized } from '../i18n/locale.js';
import { leftOperand } from './left-operands.js';
import { actionTitle } from './policy-actions.js';
import { deferredConstraints, failedConstraints, type AtomicOutcome, type Decision, type DecisionCode, type LeafReason, type RuleRef } from './policy-decision.js';
import type { Stage } from './policy-request.js';
import { operatorWord } from './policy-words.js';

/** A decision in words, zh-CN and English: one summary, then one line per constraint that decided, deferred constraint and duty. */
export interface DecisionDescription {
  summary: string;
  details: string[];
}

const summaries: Readonly<Record<DecisionCode, Localized>> = {
  permitted: { 'zh-CN': '允许：{rule} 适用，其条件均满足', en: 'Permitted: {rule} applies and its constraints hold' },
  prohibited: { 'zh-CN': '拒绝：{rule} 适用（禁止优先）', en: 'Denied: {rule} applies (prohibitions win)' },
  'no-permission-for-action': { 'zh-CN': '拒绝：没有许可覆盖动作“{action}”', en: "Denied: no permission covers the action '{action}'" },
  'constraints-not-satisfied': { 'zh-CN': '拒绝：覆盖动作“{action}”的许可均有条件不满足', en: "Denied: every permission covering '{action}' has a constraint that does not hold" },
};

const ruleNames: Readonly<Record<RuleRef['kind'], Localized>> = {
  permission: { 'zh-CN': '许可 {pointer}', en: 'permission {pointer}' },
  prohibition: { 'zh-CN': '禁止 {pointer}', en: 'prohibition {pointer}' },
};

const leafMessages: Readonly<Record<LeafReason | 'holds', Localized>> = {
  holds: { 'zh-CN': '{pointer}：{operand} 须{op} {expected}，成立（实际为 {actual}）', en: '{pointer}: the {operand} must {op} {expected}, and does ({actual})' },
  'not-satisfied': { 'zh-CN': '{pointer}：{operand} 须{op} {expected}，实际为 {actual}', en: '{pointer}: the {operand} must {op} {expected}; it is {actual}' },
  'unknown-left-operand-value': {
    'zh-CN': '{pointer}：{operand} 的取值未知，按不利于请求方处理',
    en: '{pointer}: the {operand} is not known, so it counts against the request (fail closed)',
  },
  'unsupported-left-operand': {
    'zh-CN': '{pointer}：不支持的左操作数 {operand}，按不利于请求方处理',
    en: '{pointer}: the left operand {operand} is not supported, so it counts against the request',
  },
  'type-mismatch': { 'zh-CN': '{pointer}：{operand} 的取值 {actual} 无法与 {expected} 比较', en: '{pointer}: the {operand} {actual} cannot be compared with {expected}' },
  'unit-mismatch': { 'zh-CN': '{pointer}：金额单位不符，要求 {unit}，实际为 {actual}', en: '{pointer}: the amount must be in {unit}, not {actual}' },
  deferred: { 'zh-CN': '{pointer}：{operand} 将在{stage}时检查', en: '{pointer}: the {operand} is checked at {stage}' },
};

const stageNames: Readonly<Record<Stage, Localized>> = {
  catalog: { 'zh-CN': '资源目录查询', en: 'catalog search' },
  negotiation: { 'zh-CN': '合约协商', en: 'contract negotiation' },
  access: { 'zh-CN': '数据访问', en: 'data access' },
};

const notApplicable: Readonly<Record<'target' | 'assignee', Localized>> = {
  target: { 'zh-CN': '{rule} 不适用：目标资源不符', en: '{rule} does not apply: it is for another target' },
  assignee: { 'zh-CN': '{rule} 不适用：受让方不是请求方', en: '{rule} does not apply: its assignee is another party' },
};

const dutyLine: Localized = { 'zh-CN': '须履行义务：{detail}', en: 'Duty: {detail}' };

/** A right operand or a value as people read it: `research`, `10` (not its JSON-LD literal), `[CN, SG]`. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(shown).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>;
    if ('@value' in node) return String(node['@value']);
    if ('@id' in node) return String(node['@id']);
  }
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

function describeLeaf(leaf: AtomicOutcome, locale: Locale): string {
  const key = leaf.result === 'true' ? 'holds' : (leaf.reason ?? 'not-satisfied');
  const def = leftOperand(leaf.leftOperand);
  return format(leafMessages[key][locale], {
    pointer: leaf.pointer,
    operand: def ? `${def.title[locale]} (${leaf.leftOperand})` : leaf.leftOperand,
    op: operatorWord(leaf.operator, def?.valueType)[locale],
    expected: shown(leaf.expected),
    actual: leaf.actual === undefined ? '?' : shown(leaf.actual),
    unit: leaf.unit ?? '',
    stage: leaf.checkedAt ? stageNames[leaf.checkedAt][locale] : '',
  });
}

const ruleName = (rule: RuleRef, locale: Locale): string =>
  format(ruleNames[rule.kind][locale], { pointer: rule.uid ? `${rule.pointer} (${rule.uid})` : rule.pointer });

export function describeDecision(decision: Decision, locale: Locale): DecisionDescription {
  const { reason } = decision;
  const summary = format(summaries[reason.code][locale], {
    rule: reason.rule ? ruleName(reason.rule, locale) : '',
    action: actionTitle(reason.action)[locale],
  });
  const details = [...failedConstraints(decision), ...deferredConstraints(decision)].map((leaf) => describeLeaf(leaf, locale));
  if (reason.code === 'no-permission-for-action') {
    for (const rule of reason.rules) {
      if (rule.notApplicable === 'target' || rule.notApplicable === 'assignee') details.push(format(notApplicable[rule.notApplicable][locale], { rule: ruleName(rule, locale) }));
    }
  }
  for (const duty of decision.duties) details.push(format(dutyLine[locale], { detail: duty.detail[locale] }));
  return { summary, details };
}
