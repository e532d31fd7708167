import type { Localized } from '../../core/i18n/locale.js';

/** A scenario step's check that did not hold; its message says, in both languages, what was found instead. */
export class ScenarioCheckError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
    this.name = 'ScenarioCheckError';
  }
}

/** Fails the step with `message` unless `condition` holds. */
export function check(condition: unknown, message: Localized): asserts condition {
  if (!condition) throw new ScenarioCheckError(message);
}

/** Polls `read` every `everyMs` until `done` holds for its value; fails the step after `timeoutMs`. */
export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: Localized, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) {
      const seconds = timeoutMs / 1000;
      throw new ScenarioCheckError({ 'zh-CN': `${what['zh-CN']}：${seconds} 秒后仍未完成`, en: `${what.en}: not done after ${seconds} s` });
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
