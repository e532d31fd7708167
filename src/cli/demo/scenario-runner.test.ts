import { describe, expect, it } from 'vitest';
import { check } from './scenario-check.js';
import { formatScenarioReport, runScenario, type ScenarioStep } from './scenario-runner.js';

const aStep = (key: string, run: () => Promise<string> = async () => `${key} done`): ScenarioStep<unknown> => ({
  key,
  title: { 'zh-CN': `步骤${key}`, en: `step ${key}` },
  run: async () => {
    const text = await run();
    return { 'zh-CN': text, en: text };
  },
});

describe('the scenario runner', () => {
  it('passes when every step passes, and says so in both languages', async () => {
    const report = await runScenario([aStep('a'), aStep('b')], {});
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(formatScenarioReport(report, 'en')).toMatch(/✓ 1\. step a[\s\S]*a done[\s\S]*2\/2 steps passed/);
    expect(formatScenarioReport(report, 'zh-CN')).toMatch(/2\/2 步通过/);
  });

  it('stops at the first failing step, names it and its reason, and skips the rest', async () => {
    let ranAfter = false;
    const report = await runScenario(
      [
        aStep('a'),
        aStep('b', async () => {
          check(false, { 'zh-CN': '合约已终止', en: 'the agreement is terminated' });
          return 'unreachable';
        }),
        aStep('c', async () => {
          ranAfter = true;
          return 'c';
        }),
      ],
      {},
    );
    expect(report.ok).toBe(false);
    expect(ranAfter).toBe(false);
    expect(report.steps.map((s) => s.status)).toEqual(['passed', 'failed', 'skipped']);
    const text = formatScenarioReport(report, 'en');
    expect(text).toContain('✗ 2. step b');
    expect(text).toContain('the agreement is terminated');
    expect(text).toContain('- 3. step c');
    expect(text).toContain('Step 2 "step b" failed');
    expect(formatScenarioReport(report, 'zh-CN')).toContain('合约已终止');
  });

  it('names an error no check expected as unexpected, in both languages', async () => {
    const report = await runScenario([aStep('a', async () => Promise.reject(new Error('GET /x: 500')))], {});
    expect(report.steps[0]!.detail).toEqual({ 'zh-CN': '意外错误：GET /x: 500', en: 'Unexpected error: GET /x: 500' });
  });

  it('times each step with the clock it is given', async () => {
    let t = 0;
    const report = await runScenario([aStep('a'), aStep('b')], {}, () => (t += 500));
    expect(report.steps.map((s) => s.ms)).toEqual([500, 500]);
  });
});
