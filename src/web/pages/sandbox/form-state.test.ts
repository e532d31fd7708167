import { describe, expect, it } from 'vitest';
import { authorizationList, parameterValues } from './algorithm-form-state';
import { privacyOf } from './privacy-form-state';
import type { SandboxAlgorithm } from '../../api/sandbox-types';

const algorithm: SandboxAlgorithm = {
  name: 'credit-score',
  version: 1,
  title: { 'zh-CN': '评分', en: 'Score' },
  parameters: [
    { name: 'uscc', type: 'string', pattern: '[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}', title: { 'zh-CN': '统一社会信用代码', en: 'USCC' } },
    { name: 'months', type: 'integer', title: { 'zh-CN': '月数', en: 'Months' } },
    { name: 'strict', type: 'boolean', title: { 'zh-CN': '严格', en: 'Strict' } },
  ],
  release: 'auto',
  quasiIdentifiers: [],
  status: 'approved',
};

describe('algorithm parameters', () => {
  it('turns typed values into what the API takes', () => {
    expect(parameterValues(algorithm, { uscc: '91350200MA2XY81234', months: '12', strict: true })).toEqual({ parameters: { uscc: '91350200MA2XY81234', months: 12, strict: true } });
  });

  it('takes a list typed as `A, B` (or with Chinese commas) and sends it as the pattern wants, `A,B`', () => {
    const list: SandboxAlgorithm = { ...algorithm, parameters: [{ name: 'applicants', type: 'string', pattern: '[A-Z]{2}(,[A-Z]{2}){0,4}', title: { 'zh-CN': '申请企业', en: 'Applicants' } }] };
    expect(parameterValues(list, { applicants: 'AB, CD' })).toEqual({ parameters: { applicants: 'AB,CD' } });
    expect(parameterValues(list, { applicants: 'AB，CD、EF' })).toEqual({ parameters: { applicants: 'AB,CD,EF' } });
    expect(parameterValues(list, { applicants: 'AB, C' })).toEqual({ problems: { applicants: 'pattern' } });
  });

  it('says which are missing, malformed or not whole numbers', () => {
    expect(parameterValues(algorithm, { uscc: '123', months: '1.5' })).toEqual({ problems: { uscc: 'pattern', months: 'integer' } });
    expect(parameterValues(algorithm, {})).toEqual({ problems: { uscc: 'required', months: 'required' } });
  });
});

describe('differential privacy of a SQL job', () => {
  it('sends nothing when nothing is given, ε and bounds when they are', () => {
    expect(privacyOf({ epsilon: '', bounds: [] }, 3)).toEqual({});
    expect(privacyOf({ epsilon: '0.5', bounds: [{ column: '用电量', lo: '0', hi: '1000' }, { column: '电费', lo: '', hi: '' }] }, 3)).toEqual({ privacy: { epsilon: 0.5, bounds: { 用电量: [0, 1000] } } });
  });

  it('refuses ε beyond what is left, bounds upside down, or bounds without ε', () => {
    expect(privacyOf({ epsilon: '4', bounds: [] }, 3)).toEqual({ problem: 'epsilon' });
    expect(privacyOf({ epsilon: '0', bounds: [] }, 3)).toEqual({ problem: 'epsilon' });
    expect(privacyOf({ epsilon: '1', bounds: [{ column: 'x', lo: '5', hi: '1' }] }, 3)).toEqual({ problem: 'bounds' });
    expect(privacyOf({ epsilon: '', bounds: [{ column: 'x', lo: '0', hi: '1' }] }, 3)).toEqual({ problem: 'epsilon' });
  });

  it('takes a per-entity job’s authorizations as a JSON array, none when left empty', () => {
    expect(authorizationList('  ')).toEqual({ authorizations: [] });
    expect(authorizationList('[{"entityId":"x"}]')).toEqual({ authorizations: [{ entityId: 'x' }] });
    expect(authorizationList('{"entityId":"x"}')).toEqual({ problem: 'authorizations' });
    expect(authorizationList('[{')).toEqual({ problem: 'authorizations' });
  });
});
