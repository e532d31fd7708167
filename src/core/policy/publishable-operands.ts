import type { Localized } from '../i18n/locale.js';
import { leftOperand } from './left-operands.js';
import type { ConstraintNode, Policy, Rule } from './odrl-policy.js';
import { compactTerm, joinPointer } from './odrl-terms.js';

/**
 * Left operands the parser reads but no decision point of this space supplies a value for: a
 * constraint on one of them could never hold, so a published offer with it would refuse every
 * access after the consumer signed. They are refused when the offer is written instead (ADR 0010).
 * Unknown left operands (DSP's `partner`) are refused the same way. A later issue that supplies a
 * value removes the operand from this list, and the test in `publishable-operands.test.ts` holds
 * the two sets equal.
 */
export const operandsWithoutValue: Readonly<Record<string, Localized>> = {
  payAmount: { 'zh-CN': '本空间尚未接入支付结算，无法得知已支付金额；请用要约的计价模式和价格表达费用', en: 'The space has no payment layer yet, so the amount paid is never known; state the price in the offer\'s price model and price' },
  meteredTime: { 'zh-CN': '本空间尚未计量使用时长', en: 'The space does not meter time of use yet' },
  unitOfCount: { 'zh-CN': '本空间按每次访问计数，不支持其他计数单位', en: 'The space counts each access; no other unit of count is supplied' },
  'tds:priceModel': { 'zh-CN': '计价模式是要约自身的字段，不作为约束条件', en: 'The price model is a field of the offer, not a condition' },
  'tds:credentialClaim': { 'zh-CN': '连接器的访问决策尚不读取任意凭证声明', en: "The connector's decisions do not read arbitrary credential claims yet" },
};

export interface UnsupportedOperand {
  /** JSON Pointer into the policy as `policyToJson` writes it. */
  pointer: string;
  operand: string;
  reason: Localized;
}

const unknownOperand: Localized = { 'zh-CN': '不是本空间可评估的左操作数', en: 'not a left operand this space evaluates' };

function walk(nodes: readonly ConstraintNode[], base: string, found: UnsupportedOperand[]): void {
  nodes.forEach((node, i) => {
    const pointer = joinPointer(base, i);
    if (node.kind === 'logical') return walk(node.constraints, joinPointer(pointer, node.op), found);
    const operand = compactTerm(node.leftOperand);
    const reason = Object.hasOwn(operandsWithoutValue, operand) ? operandsWithoutValue[operand] : leftOperand(operand) ? undefined : unknownOperand;
    if (reason) found.push({ pointer: joinPointer(pointer, 'leftOperand'), operand, reason });
  });
}

/** Every constraint of the policy (rules and their duties) whose left operand never has a value here. */
export function unsupportedOperands(policy: Policy): UnsupportedOperand[] {
  const found: UnsupportedOperand[] = [];
  const rules = (kind: string, list: readonly Rule[]) =>
    list.forEach((rule, i) => {
      const pointer = joinPointer('', kind, i);
      walk(rule.constraints, joinPointer(pointer, 'constraint'), found);
      if ('duties' in rule) (rule as { duties: Rule[] }).duties.forEach((d, j) => walk(d.constraints, joinPointer(pointer, 'duty', j, 'constraint'), found));
    });
  rules('permission', policy.permissions);
  rules('prohibition', policy.prohibitions);
  rules('obligation', policy.obligations);
  return found;
}
