// Tests may read fixtures; core code itself stays free of I/O (the lint rule guards the rest).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FailureRule } from './code-result.js';
import { residentIdCheckCharacter, validateResidentId } from './resident-id.js';
import { usccCharset, usccCheckCharacter, validateUscc } from './uscc.js';

// Resolved from this file, so the suite runs from any working directory.
const VECTORS = fileURLToPath(new URL('../../../test/conformance/identity-codes.json', import.meta.url));

interface InvalidVector {
  code: string;
  why: string;
  rule?: string;
}

interface Vectors {
  uscc: { charset: string; weights: number[]; valid: string[]; invalid: InvalidVector[] };
  residentId: { weights: number[]; checkChars: string; valid: string[]; invalid: InvalidVector[] };
}

const vectors = JSON.parse(readFileSync(VECTORS, 'utf8')) as Vectors;
const today = new Date('2025-06-01T00:00:00Z');

/**
 * The shared vectors say in words which rule a code breaks; this maps the words to our rule
 * ids. An explicit `rule` field wins, and a reason we cannot map fails loudly, so a vector
 * added later is never silently skipped.
 */
function expectedRule(prefix: 'uscc' | 'resident-id', vector: InvalidVector): FailureRule {
  if (vector.rule) return vector.rule as FailureRule;
  // "(check character correct)" marks a code whose only fault is elsewhere.
  const why = vector.why.toLowerCase().replace('(check character correct)', '');
  if (why.includes('check character')) return `${prefix}.check-character`;
  if (why.startsWith('length')) return `${prefix}.length`;
  if (why.includes('charset')) return `${prefix}.charset`;
  if (why.includes('region') || why.includes('province')) return `${prefix}.region`;
  if (prefix === 'resident-id' && why.includes('birth')) return 'resident-id.birth-date';
  throw new Error(`no rule mapped for the vector reason "${vector.why}"`);
}

describe('shared identity-code conformance vectors', () => {
  it('uses the same USCC charset and weights as the vectors', () => {
    expect(vectors.uscc.charset).toBe(usccCharset);
    // The weights are 3^i mod 31; the check of every valid vector below confirms the rest.
    expect(vectors.uscc.weights).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31));
  });

  it.each(vectors.uscc.valid)('accepts the valid USCC %s', (code) => {
    expect(validateUscc(code)).toMatchObject({ ok: true, value: { code } });
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it.each(vectors.uscc.invalid)('rejects the USCC $code for its $why', (vector) => {
    const result = validateUscc(vector.code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.rule).toBe(expectedRule('uscc', vector));
  });

  it.each(vectors.residentId.valid)('accepts the valid resident ID %s', (code) => {
    expect(validateResidentId(code, today)).toMatchObject({ ok: true, value: { code } });
    expect(residentIdCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it.each(vectors.residentId.invalid)('rejects the resident ID $code for its $why', (vector) => {
    const result = validateResidentId(vector.code, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.rule).toBe(expectedRule('resident-id', vector));
  });
});
