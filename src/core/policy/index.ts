// Public API of the ODRL policy core. Readers, term spelling and value coercion are internal.
export * from './odrl-policy.js';
export { parsePolicy, type ParseResult } from './odrl-parse.js';
export { policyToJson } from './odrl-serialize.js';
export { compactTerm, odrlNamespace, tdsNamespace } from './odrl-terms.js';
export { controlFactors, leftOperand, leftOperands, leftOperandsOf, type ControlFactor, type LeftOperandDefinition } from './left-operands.js';
export { valueTypes, type ValueType } from './typed-values.js';
export { allowedOperators } from './operator-semantics.js';
export { actionAncestry, actionCovers, actionTitle } from './policy-actions.js';
export { stages, type PolicyContext, type PolicyRequest, type PolicySubject, type Stage } from './policy-request.js';
export { evaluate } from './policy-evaluator.js';
export * from './policy-decision.js';
export { describeDecision, type DecisionDescription } from './decision-messages.js';
export { describePolicy, type PolicyDescription, type RuleDescription } from './policy-description.js';
export { DEFAULT_ON_USE_WINDOW, dutyStatus, scheduleAgreementDuties, scheduleDuty, type DutyEvent, type DutyStatus, type DutyTask, type DutyTrigger } from './duty-schedule.js';
export { addDuration, parseDuration, type Duration } from './iso-duration.js';
export * from './policy-templates.js';
export { withTypedLiterals } from './typed-literals.js';
export { purposeLabel, purposeNamespace, purposeTerm, purposeVocabulary, type PurposeTerm } from './purpose-vocabulary.js';
