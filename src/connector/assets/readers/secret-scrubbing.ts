/** What stands for a secret in a message. */
export const REDACTED = '***';

/**
 * `message` with every secret replaced by `***`, longest first (so a secret containing another
 * is not half-replaced). Errors from drivers and `fetch` quote what they were given; anything we
 * pass on to a client goes through this first.
 */
export function scrubbed(message: string, secrets: readonly string[]): string {
  let result = message;
  for (const secret of [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) {
    result = result.replaceAll(secret, REDACTED);
  }
  return result;
}

/**
 * The secrets inside a database URL: the password (as written and percent-decoded) and any
 * `password` query parameter, found even when the URL does not parse.
 */
export function urlSecrets(url: string): string[] {
  const found: string[] = [];
  const add = (value: string | null | undefined) => {
    if (!value) return;
    found.push(value);
    try {
      found.push(decodeURIComponent(value));
    } catch {
      // not percent-encoded: the raw form is enough
    }
  };
  try {
    const parsed = new URL(url);
    add(parsed.password);
    add(parsed.searchParams.get('password'));
  } catch {
    // fall through to the textual search below
  }
  add(/^[^:/?#]+:\/\/[^:/?#@]*:([^@/?#]*)@/.exec(url)?.[1]);
  add(/[?&]password=([^&#]*)/.exec(url)?.[1]);
  return found;
}
