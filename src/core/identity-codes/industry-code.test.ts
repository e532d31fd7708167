import { describe, expect, it } from 'vitest';
import { industryName, industrySections, parseIndustry } from './industry-code.js';

describe('the GB/T 4754-2017 sections', () => {
  it('has sections A–T whose division ranges cover 01–97 without gaps or overlaps', () => {
    expect(industrySections.map((s) => s.section).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    let next = 1;
    for (const s of industrySections) {
      expect(s.first).toBe(next);
      expect(s.last).toBeGreaterThanOrEqual(s.first);
      next = s.last + 1;
    }
    expect(next).toBe(98);
  });

  it('names every section in both locales', () => {
    for (const s of industrySections) {
      expect(s.name['zh-CN']).not.toBe('');
      expect(s.name.en).not.toBe('');
    }
    expect(industryName('D', 'zh-CN')).toBe('电力、热力、燃气及水生产和供应业');
    expect(industryName('J', 'en')).toBe('Finance');
    expect(industryName('U', 'en')).toBeUndefined();
  });
});

describe('parseIndustry', () => {
  it.each([
    ['D', { section: 'D' }],
    ['d', { section: 'D' }],
    ['D44', { section: 'D', division: '44' }],
    ['D442', { section: 'D', division: '44' }],
    ['D4420', { section: 'D', division: '44' }],
    ['44', { section: 'D', division: '44' }],
    ['4420', { section: 'D', division: '44' }],
    ['01', { section: 'A', division: '01' }],
    ['T97', { section: 'T', division: '97' }],
    ['K70', { section: 'K', division: '70' }],
  ])('parses %j', (input, value) => {
    expect(parseIndustry(input)).toEqual({ ok: true, value });
  });

  it('parses the object form, with and without a division', () => {
    expect(parseIndustry({ section: 'J' })).toEqual({ ok: true, value: { section: 'J' } });
    expect(parseIndustry({ section: 'j', division: '66' })).toEqual({ ok: true, value: { section: 'J', division: '66' } });
    expect(parseIndustry({ section: 'J', division: '6620' })).toEqual({ ok: true, value: { section: 'J', division: '66' } });
  });

  it('infers the section of every division from 01 to 97', () => {
    for (const s of industrySections) {
      for (let d = s.first; d <= s.last; d++) {
        const division = String(d).padStart(2, '0');
        expect(parseIndustry(division)).toEqual({ ok: true, value: { section: s.section, division } });
      }
    }
  });

  it.each(['U', 'Z44', '', '*'])('rejects %j with industry.section', (input) => {
    expect(parseIndustry(input)).toMatchObject({ ok: false, failure: { rule: 'industry.section' } });
  });

  it('rejects an object without a usable section', () => {
    expect(parseIndustry({ section: '' })).toMatchObject({ ok: false, failure: { rule: 'industry.section' } });
    expect(parseIndustry({ section: 'U', division: '44' })).toMatchObject({ ok: false, failure: { rule: 'industry.section', actual: 'U' } });
    expect(parseIndustry(null as never)).toMatchObject({ ok: false, failure: { rule: 'industry.section' } });
  });

  it.each(['00', '98', '99', 'D4', 'D44201', 'D44a', 'D 44', '4'])('rejects %j with industry.division', (input) => {
    expect(parseIndustry(input)).toMatchObject({ ok: false, failure: { rule: 'industry.division', expected: '01–97' } });
  });

  it('rejects a division outside its section and says which divisions the section has', () => {
    expect(parseIndustry('D13')).toEqual({ ok: false, failure: { rule: 'industry.mismatch', expected: '44–46', actual: '13' } });
    expect(parseIndustry({ section: 'K', division: '71' })).toEqual({
      ok: false,
      failure: { rule: 'industry.mismatch', expected: '70', actual: '71' },
    });
  });
});
