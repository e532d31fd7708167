import { describe, expect, it } from 'vitest';
import { DEFAULT_EARLIEST_BIRTH_DATE, residentIdCheckCharacter, validateResidentId } from './resident-id.js';

const today = new Date('2025-06-01T04:00:00Z'); // 12:00 in Beijing

/** A valid number: region, birth date, sequence, and the computed check character. */
function aResidentId({ region = '350203', birth = '19850620', sequence = '123' } = {}): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}

const failureOf = (input: string, at = today) => {
  const result = validateResidentId(input, at);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.failure;
};

describe('validateResidentId', () => {
  it('accepts a valid number and reads region, birth date and sex from it', () => {
    const code = aResidentId({ sequence: '123' });
    expect(validateResidentId(code, today)).toEqual({
      ok: true,
      value: { code, regionCode: '350203', birthDate: '1985-06-20', sex: 'male' },
    });
  });

  it('reads sex from position 17: odd for men, even for women', () => {
    expect(validateResidentId(aResidentId({ sequence: '017' }), today)).toMatchObject({ ok: true, value: { sex: 'male' } });
    expect(validateResidentId(aResidentId({ sequence: '010' }), today)).toMatchObject({ ok: true, value: { sex: 'female' } });
  });

  it('accepts a lower-case x check character and returns it upper-cased', () => {
    expect(validateResidentId('11010519491231002x', today)).toMatchObject({ ok: true, value: { code: '11010519491231002X' } });
  });

  it.each([0, 15, 17, 19])('rejects a number of %i characters with resident-id.length', (length) => {
    expect(failureOf('1'.repeat(length))).toEqual({ rule: 'resident-id.length', expected: '18', actual: String(length) });
  });

  it('allows only digits in positions 1–17 and a digit or X in position 18', () => {
    const code = aResidentId();
    for (let position = 1; position <= 18; position++) {
      for (const bad of ['A', 'X', 'x', ' ', '中']) {
        if (position === 18 && (bad === 'X' || bad === 'x')) continue;
        const mutated = `${code.slice(0, position - 1)}${bad}${code.slice(position)}`;
        expect(failureOf(mutated)).toMatchObject({ rule: 'resident-id.charset', position, actual: bad });
      }
    }
  });

  it('rejects an address code whose province does not exist', () => {
    for (const region of ['000000', '190101', '990105', '840000']) {
      expect(failureOf(aResidentId({ region }))).toEqual({ rule: 'resident-id.region', position: 1, actual: region });
    }
  });

  it('accepts address codes of counties since abolished, and the residence-permit codes 810000–830000', () => {
    for (const region of ['440524', '371202', '810000', '820000', '830000']) {
      expect(validateResidentId(aResidentId({ region }), today).ok).toBe(true);
    }
  });

  it.each(['19000229', '19490230', '19491301', '19490001', '19491200', '19490431', '20230229'])(
    'rejects %s, which is not a calendar date',
    (birth) => {
      expect(failureOf(aResidentId({ birth }))).toEqual({ rule: 'resident-id.birth-date', position: 7, actual: birth });
    },
  );

  it.each(['20000229', '20240229', '19491231', '19000101', '19000228'])('accepts the real date %s', (birth) => {
    expect(validateResidentId(aResidentId({ birth }), today).ok).toBe(true);
  });

  it('rejects a birth date after today and says what today is', () => {
    expect(failureOf(aResidentId({ birth: '20250602' }))).toEqual({
      rule: 'resident-id.birth-date-future',
      position: 7,
      expected: '2025-06-01',
      actual: '2025-06-02',
    });
    expect(validateResidentId(aResidentId({ birth: '20250601' }), today).ok).toBe(true);
  });

  it('takes today as the calendar day in China, not in UTC', () => {
    // 2025-06-01T17:00Z is already 2 June in Beijing.
    expect(validateResidentId(aResidentId({ birth: '20250602' }), new Date('2025-06-01T17:00:00Z')).ok).toBe(true);
    expect(failureOf(aResidentId({ birth: '20250602' }), new Date('2025-06-01T15:59:59Z')).rule).toBe('resident-id.birth-date-future');
  });

  it('rejects birth dates before the earliest date, by default and when configured', () => {
    expect(DEFAULT_EARLIEST_BIRTH_DATE).toBe('1800-01-01');
    expect(failureOf(aResidentId({ birth: '17991231' }))).toEqual({
      rule: 'resident-id.birth-date-too-early',
      position: 7,
      expected: '1800-01-01',
      actual: '1799-12-31',
    });
    const born1899 = aResidentId({ birth: '18991231' });
    expect(validateResidentId(born1899, today).ok).toBe(true);
    expect(validateResidentId(born1899, today, { earliestBirthDate: '1900-01-01' })).toMatchObject({
      ok: false,
      failure: { rule: 'resident-id.birth-date-too-early', expected: '1900-01-01' },
    });
  });

  it('detects every single-digit substitution and names the right check character', () => {
    const code = aResidentId();
    for (let position = 1; position <= 17; position++) {
      for (const digit of '0123456789') {
        if (digit === code.charAt(position - 1)) continue;
        const mutated = `${code.slice(0, position - 1)}${digit}${code.slice(position)}`;
        const result = validateResidentId(mutated, today);
        expect(result.ok).toBe(false);
        if (!result.ok && result.failure.rule === 'resident-id.check-character') {
          expect(result.failure).toEqual({
            rule: 'resident-id.check-character',
            position: 18,
            expected: residentIdCheckCharacter(mutated.slice(0, 17)),
            actual: code.charAt(17),
          });
        }
      }
    }
  });

  it('rejects every wrong check character', () => {
    const code = aResidentId();
    for (const char of '0123456789X') {
      if (char === code.charAt(17)) continue;
      expect(failureOf(`${code.slice(0, 17)}${char}`)).toEqual({
        rule: 'resident-id.check-character',
        position: 18,
        expected: code.charAt(17),
        actual: char,
      });
    }
  });
});

describe('residentIdCheckCharacter', () => {
  it('computes the ISO 7064 MOD 11-2 check character, X standing for 10', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
  });

  it('refuses input that is not 17 digits, since it only builds numbers', () => {
    expect(() => residentIdCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckCharacter('1101051949123100A')).toThrow(RangeError);
  });
});
