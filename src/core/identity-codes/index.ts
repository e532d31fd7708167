export { failureRules, type CodeFailure, type CodeResult, type FailureRule } from './code-result.js';
export { usccAuthorities, usccCharset, usccCheckCharacter, validateUscc, type Uscc } from './uscc.js';
export {
  DEFAULT_EARLIEST_BIRTH_DATE,
  residentIdCheckCharacter,
  validateResidentId,
  type ResidentId,
  type ResidentIdOptions,
  type Sex,
} from './resident-id.js';
export { inSameProvince, isProvinceCode, regionName, validateRegionCode, type RegionCode, type RegionLevel } from './region-code.js';
export { municipalities, prefectures, provinces, type ProvinceName } from './region-table.js';
export {
  industryName,
  industrySection,
  industrySectionOfDivision,
  industrySections,
  parseIndustry,
  type Industry,
  type IndustryInput,
  type IndustrySection,
} from './industry-code.js';
export { parsePhone, validateEmail, validatePhone, type Phone, type PhoneKind } from './contact-format.js';
export { maskIdNumber, maskName, maskPhone } from './masking.js';
export { describeFailure, identityMessages } from './identity-messages.js';
export { industryDivisions, type IndustryDivision } from './industry-divisions.js';
export { regionChoices, type RegionChoice } from './region-choices.js';
