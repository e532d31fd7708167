/**
 * The deepest nesting of arrays and objects any JSON document may have in Trustspace: request
 * bodies on both nodes, evidence leaves and their payloads. Legitimate documents (ODRL policies,
 * DCAT descriptions, evidence payloads) nest a dozen levels at most; a document thousands deep
 * exists only to exhaust a recursive walker's stack (a 4,000-deep relayed leaf once threw
 * RangeError in canonical JSON).
 */
export const MAX_JSON_DEPTH = 64;

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Where a parsed JSON value nests deeper than `limit` containers (`{}` and `[]` count one
 * each): the JSON Pointer of the first container beyond the limit, or undefined when the value
 * is within it. Walks without recursion, so measuring a hostile document cannot itself overflow
 * the stack, and stops at the first violation.
 */
export function tooDeepAt(value: unknown, limit = MAX_JSON_DEPTH): string | undefined {
  const stack: Array<[unknown, string, number]> = [[value, '', 1]];
  while (stack.length > 0) {
    const [item, pointer, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limit) return pointer || '/';
    if (Array.isArray(item)) {
      item.forEach((child, i) => stack.push([child, `${pointer}/${i}`, depth + 1]));
    } else {
      for (const [key, child] of Object.entries(item)) stack.push([child, `${pointer}/${escape(key)}`, depth + 1]);
    }
  }
  return undefined;
}
