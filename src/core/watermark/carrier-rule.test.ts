import { describe, expect, it } from 'vitest';
import { carrierScore } from './carrier-rule.js';
import { aUscc } from './fixtures/tabular-fixtures.js';

const score = (text: string, json = false): number => {
  const bytes = new TextEncoder().encode(text);
  return carrierScore(bytes, 0, bytes.length, json);
};

describe('carrier rule', () => {
  it('lets Chinese and multi-word text carry, longer text scoring higher', () => {
    expect(score('河南电力有限公司')).toBeGreaterThan(0);
    expect(score('New York office')).toBeGreaterThan(0);
    expect(score('河南省郑州市金水区花园路 88 号')).toBeGreaterThan(score('河南电力'));
  });

  it('keeps numbers, dates, codes and identifiers untouched', () => {
    for (const value of ['12345.5', '-3', '2024-03', '2024-03-01 12:00:00', '12:00 PM', '12.5万元', '2024年3月', aUscc(3), '41010519900307123X', '6f1c2a9e-3b47-4d0a-9c15-8e2f7a60b3d4', 'ops@example.cn', 'https://example.cn/power/data', 'ACTIVE', 'Smith-Jones', '是', '男', '', '  '])
      expect(score(value), value).toBe(0);
  });

  it('reads JSON escapes as the characters they stand for', () => {
    expect(score('\\u6cb3\\u5357\\u7535\\u529b', true)).toBeGreaterThan(0);
    expect(score('\\u6cb3', true)).toBe(0);
  });
});
