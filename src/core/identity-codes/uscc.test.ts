import { describe, expect, it } from 'vitest';
import { usccAuthorities, usccCharset, usccCheckCharacter, validateUscc } from './uscc.js';

/** A valid code: the given first 17 characters and their computed check character. */
const aUscc = (first17 = '91350200MA2Y0B1C3') => `${first17}${usccCheckCharacter(first17)}`;

/** The code with one position (1-based) replaced; the check character is recomputed when asked. */
function withChar(code: string, position: number, char: string, recomputeCheck = false): string {
  const changed = `${code.slice(0, position - 1)}${char}${code.slice(position)}`;
  return recomputeCheck && position <= 17 ? aUscc(changed.slice(0, 17)) : changed;
}

const failureOf = (input: string) => {
  const result = validateUscc(input);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.failure;
};

describe('validateUscc', () => {
  it('accepts a well-formed code and splits it into its parts', () => {
    const code = aUscc('91350200MA2Y0B1C3');
    expect(validateUscc(code)).toEqual({ ok: true, value: { code, authority: '9', category: '1', regionCode: '350200' } });
  });

  it('accepts real codes registered by a national authority under region 100000', () => {
    for (const code of ['51100000500002862F', '51100000500012681T', '51100000500009247D']) {
      expect(validateUscc(code)).toMatchObject({ ok: true, value: { authority: '5', regionCode: '100000' } });
    }
  });

  it('accepts lower case and returns the code upper-cased', () => {
    const code = aUscc('91440101MA5CJQ4N5');
    expect(validateUscc(code.toLowerCase())).toMatchObject({ ok: true, value: { code } });
  });

  it.each([0, 1, 17, 19, 36])('rejects a code of %i characters with uscc.length', (length) => {
    expect(failureOf('9'.repeat(length))).toEqual({ rule: 'uscc.length', expected: '18', actual: String(length) });
  });

  it('reports the 1-based position of a character outside the charset, at every position', () => {
    const code = aUscc();
    for (let position = 1; position <= 18; position++) {
      for (const bad of ['I', 'O', 'Z', 'S', 'V', ' ', '-', '中']) {
        expect(failureOf(withChar(code, position, bad))).toEqual({ rule: 'uscc.charset', position, actual: bad });
      }
    }
  });

  it('treats surrounding whitespace as a charset failure rather than trimming it', () => {
    expect(failureOf(` ${aUscc().slice(1)}`)).toMatchObject({ rule: 'uscc.charset', position: 1 });
    expect(failureOf(`${aUscc().slice(0, 17)}\t`)).toMatchObject({ rule: 'uscc.charset', position: 18, actual: '\t' });
  });

  it('accepts exactly the GB 32100 registration authorities at position 1', () => {
    expect(Object.keys(usccAuthorities).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N', 'Y']);
    for (const char of usccCharset) {
      const code = withChar(aUscc('11350200MA2Y0B1C3'), 1, char, true);
      if (Object.hasOwn(usccAuthorities, char)) expect(validateUscc(code).ok).toBe(true);
      else expect(failureOf(code)).toMatchObject({ rule: 'uscc.authority', position: 1, actual: char });
    }
  });

  it('accepts at position 2 only the categories of the authority at position 1', () => {
    for (const [authority, { categories }] of Object.entries(usccAuthorities)) {
      for (const char of usccCharset) {
        const code = aUscc(`${authority}${char}350200MA2Y0B1C3`);
        if (Object.hasOwn(categories, char)) expect(validateUscc(code).ok).toBe(true);
        else expect(failureOf(code)).toEqual({ rule: 'uscc.category', position: 2, expected: Object.keys(categories).join(','), actual: char });
      }
    }
  });

  it('knows the categories of the common authorities', () => {
    expect(Object.keys(usccAuthorities['9']?.categories ?? {})).toEqual(['1', '2', '3']);
    expect(Object.keys(usccAuthorities['1']?.categories ?? {})).toEqual(['1', '2', '3', '9']);
    expect(Object.keys(usccAuthorities['5']?.categories ?? {})).toEqual(['1', '2', '3', '9']);
    expect(Object.keys(usccAuthorities.Y?.categories ?? {})).toEqual(['1']);
  });

  it('reports a letter in the region code at its own position', () => {
    for (let position = 3; position <= 8; position++) {
      expect(failureOf(withChar(aUscc(), position, 'A', true))).toMatchObject({ rule: 'uscc.region', position });
    }
  });

  it('rejects a region whose province does not exist, at position 3', () => {
    for (const province of ['00', '19', '39', '99', '83']) {
      expect(failureOf(aUscc(`91${province}0200MA2Y0B1C3`))).toEqual({ rule: 'uscc.region', position: 3, actual: `${province}0200` });
    }
    expect(failureOf(aUscc('91100100MA2Y0B1C3'))).toMatchObject({ rule: 'uscc.region', position: 3 });
  });

  it('keeps region codes of abolished prefectures, since a code never changes', () => {
    expect(validateUscc(aUscc('91371200MA2Y0B1C3')).ok).toBe(true); // 莱芜市, merged into 济南 in 2019
  });

  it('accepts any charset character in the organisation code without enforcing its GB 11714 check digit', () => {
    for (let position = 9; position <= 17; position++) {
      for (const char of usccCharset) expect(validateUscc(withChar(aUscc(), position, char, true)).ok).toBe(true);
    }
  });

  it('detects every single-character substitution in positions 1–17 through the check character', () => {
    const code = aUscc('Y1350200MA2Y0B1C3');
    let checked = 0;
    for (let position = 1; position <= 17; position++) {
      for (const char of usccCharset) {
        if (char === code.charAt(position - 1)) continue;
        // Substitutions that break the structure are reported by their own rule (tests above).
        if (!validateUscc(withChar(code, position, char, true)).ok) continue;
        const mutated = withChar(code, position, char);
        expect(failureOf(mutated)).toEqual({
          rule: 'uscc.check-character',
          position: 18,
          expected: usccCheckCharacter(mutated.slice(0, 17)),
          actual: code.charAt(17),
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('rejects every wrong check character and names the right one', () => {
    const code = aUscc();
    for (const char of usccCharset) {
      if (char === code.charAt(17)) continue;
      expect(failureOf(withChar(code, 18, char))).toEqual({ rule: 'uscc.check-character', position: 18, expected: code.charAt(17), actual: char });
    }
  });

  it('reports the first broken rule in reading order', () => {
    // Bad authority and bad check character: the authority is reported.
    expect(failureOf('B1350200MA2Y0B1C30').rule).toBe('uscc.authority');
    // Bad region and bad check character: the region is reported.
    expect(failureOf('9199A200MA2Y0B1C30').rule).toBe('uscc.region');
  });
});

describe('usccCheckCharacter', () => {
  it('computes the character that makes the weighted sum divisible by 31', () => {
    const weights = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
    for (const code of ['91350200776049653A', '91440101MA5CJQ4N59', '913502000728319549']) {
      const sum = [...code].reduce((s, c, i) => s + usccCharset.indexOf(c) * (i < 17 ? (weights[i] ?? 0) : 1), 0);
      expect(sum % 31).toBe(0);
      expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
    }
  });

  it('refuses input that is not 17 charset characters, since it only builds codes', () => {
    expect(() => usccCheckCharacter('9135020077604965')).toThrow(RangeError);
    expect(() => usccCheckCharacter('91350200776O49653')).toThrow(RangeError);
  });
});
