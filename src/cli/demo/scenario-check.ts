/** A scenario step's check that did not hold; its message says what was found instead. */
export class ScenarioCheckError extends Error {}

/** Fails the step with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ScenarioCheckError(message);
}

/** Polls `read` every `everyMs` until `done` holds for its value; fails the step after `timeoutMs`. */
export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new ScenarioCheckError(`${what}: not done after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
