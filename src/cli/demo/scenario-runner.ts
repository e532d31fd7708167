import type { Locale, Localized } from '../../core/i18n/locale.js';
import { ScenarioCheckError } from './scenario-check.js';

/** One step of a scenario: what it shows, and the check that shows it. */
export interface ScenarioStep<Context> {
  key: string;
  title: Localized;
  /** Throws when the step fails; returns what it found, in both languages. */
  run(context: Context): Promise<Localized>;
}

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface StepOutcome {
  key: string;
  title: Localized;
  status: StepStatus;
  /** What the step found, or why it failed. */
  detail?: Localized;
  ms: number;
}

export interface ScenarioReport {
  ok: boolean;
  steps: StepOutcome[];
  ms: number;
}

/**
 * Runs the steps in order. Each builds on the one before, so after a failure the rest are
 * skipped rather than run against a space that is not in the state they expect.
 */
export async function runScenario<Context>(steps: ReadonlyArray<ScenarioStep<Context>>, context: Context, now: () => number = performance.now.bind(performance)): Promise<ScenarioReport> {
  const outcomes: StepOutcome[] = [];
  const began = now();
  let failed = false;
  for (const step of steps) {
    if (failed) {
      outcomes.push({ key: step.key, title: step.title, status: 'skipped', ms: 0 });
      continue;
    }
    const started = now();
    try {
      const detail = await step.run(context);
      outcomes.push({ key: step.key, title: step.title, status: 'passed', detail, ms: now() - started });
    } catch (error) {
      failed = true;
      outcomes.push({ key: step.key, title: step.title, status: 'failed', detail: failure(error), ms: now() - started });
    }
  }
  return { ok: !failed, steps: outcomes, ms: now() - began };
}

/** A check's own words, or an unexpected error (an API call refused, a proof that does not verify) named as such. */
function failure(error: unknown): Localized {
  if (error instanceof ScenarioCheckError) return error.localized;
  const text = error instanceof Error ? error.message : String(error);
  return { 'zh-CN': `意外错误：${text}`, en: `Unexpected error: ${text}` };
}

const marks: Record<StepStatus, string> = { passed: '✓', failed: '✗', skipped: '-' };

const texts = {
  heading: { 'zh-CN': '演示场景：公共数据赋能普惠金融', en: 'Demo scenario: public data for inclusive finance' },
  passed: { 'zh-CN': '{n}/{total} 步通过，用时 {s} 秒', en: '{n}/{total} steps passed in {s} s' },
  failedAt: { 'zh-CN': '第 {i} 步“{title}”失败，其后各步未运行', en: 'Step {i} "{title}" failed; the steps after it did not run' },
  skipped: { 'zh-CN': '未运行', en: 'not run' },
} satisfies Record<string, Localized>;

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** The report as a person reads it in a terminal: one line a step, then the outcome. */
export function formatScenarioReport(report: ScenarioReport, locale: Locale): string {
  const lines = [texts.heading[locale], ''];
  report.steps.forEach((step, i) => {
    const seconds = step.status === 'skipped' ? '' : ` (${(step.ms / 1000).toFixed(1)} s)`;
    lines.push(`${marks[step.status]} ${i + 1}. ${step.title[locale]}${seconds}`);
    const detail = step.status === 'skipped' ? texts.skipped[locale] : step.detail?.[locale];
    if (detail) for (const line of detail.split('\n')) lines.push(`     ${line}`);
  });
  lines.push('');
  const passed = report.steps.filter((s) => s.status === 'passed').length;
  const failedAt = report.steps.findIndex((s) => s.status === 'failed');
  lines.push(
    failedAt < 0
      ? fill(texts.passed[locale], { n: passed, total: report.steps.length, s: (report.ms / 1000).toFixed(1) })
      : fill(texts.failedAt[locale], { i: failedAt + 1, title: report.steps[failedAt]!.title[locale] }),
  );
  return lines.join('\n');
}
