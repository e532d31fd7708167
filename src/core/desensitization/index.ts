export {
  assertDesensitizationRule,
  DesensitizationRuleSchema,
  desensitizationMethods,
  generalizeTargets,
  keyedHashAlgorithms,
  maskFormats,
  noiseMechanisms,
  validateDesensitizationRule,
  type DesensitizationMethod,
  type DesensitizationRule,
  type GeneralizeRule,
  type GeneralizeTarget,
  type HashRule,
  type KeyedHashAlgorithm,
  type MaskFormat,
  type MaskRule,
  type NoiseMechanism,
  type NoiseRule,
  type RuleProblem,
  type RuleValidation,
  type SuppressRule,
  type TokenizeRule,
} from './desensitization-rule.js';
export { desensitizeValue, TOKEN_LENGTH, type DesensitizationKeys } from './desensitize-value.js';
export { desensitizationSql, hmacSm3Function } from './desensitization-sql.js';
export { DEFAULT_K, kAnonymityMessages, kAnonymityReport, type KAnonymityReport } from './k-anonymity.js';
export { desensitizationKeys } from './desensitization-keys.js';
