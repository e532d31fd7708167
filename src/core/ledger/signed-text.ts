const LONE_SURROGATE = /\p{Surrogate}/u;
const NEWLINE = 0x0a;

/**
 * Whether text may appear in a signed note: well-formed (so it has one UTF-8 encoding) and free
 * of ASCII control characters, except newlines when `allowNewline`. This matches the rule the
 * Go note package applies when opening notes.
 */
export function isSignableText(text: string, allowNewline: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && !(allowNewline && c === NEWLINE)) return false;
  }
  return !LONE_SURROGATE.test(text);
}
