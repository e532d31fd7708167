import { describe, expect, it } from 'vitest';
import { industrySections } from './industry-code.js';
import { industryDivisions } from './industry-divisions.js';
import { validateRegionCode } from './region-code.js';
import { regionChoices } from './region-choices.js';

describe('the region and industry choices a picker offers', () => {
  it('lists all 97 GB/T 4754 divisions once each, in their sections, named in zh-CN and English', () => {
    expect(industryDivisions.map((d) => Number(d.division))).toEqual(Array.from({ length: 97 }, (_, i) => i + 1));
    for (const d of industryDivisions) {
      const section = industrySections.find((s) => s.section === d.section);
      expect(section, d.code).toBeDefined();
      expect(Number(d.division)).toBeGreaterThanOrEqual(section?.first ?? 99);
      expect(d.name['zh-CN'] && d.name.en, d.code).toBeTruthy();
    }
    expect(industryDivisions.find((d) => d.code === 'J66')?.name['zh-CN']).toBe('货币金融服务');
    expect(industryDivisions.find((d) => d.code === 'D44')?.name.en).toBe('Production and supply of electricity and heat');
  });

  it('offers every province and the demo region by name, each a valid GB/T 2260 code under its parent', () => {
    expect(regionChoices.filter((r) => !r.parent)).toHaveLength(34);
    for (const r of regionChoices) {
      expect(validateRegionCode(r.code).ok, r.code).toBe(true);
      if (r.parent) expect(regionChoices.some((p) => p.code === r.parent), r.code).toBe(true);
      expect(r.name.en, r.code).toMatch(/^[A-Z]/);
    }
    expect(regionChoices.find((r) => r.code === '410105')).toMatchObject({ name: { 'zh-CN': '金水区' }, parent: '410100' });
  });
});
