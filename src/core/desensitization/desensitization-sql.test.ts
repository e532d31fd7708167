import { describe, expect, it } from 'vitest';
import type { DesensitizationRule } from './desensitization-rule.js';
import { desensitizationSql, hmacSm3Function } from './desensitization-sql.js';

// What the SQL text is made of; that it computes what desensitizeValue does is checked in a real
// DuckDB by test/desensitization-sql.test.ts.
const keys = { hashKey: new Uint8Array(32).fill(0xab), tokenKey: new Uint8Array(32).fill(0xcd) };
const column = '"phone"';

describe('desensitizationSql', () => {
  it('reads the column as text and leaves null and empty values alone', () => {
    const sql = desensitizationSql({ method: 'mask', format: 'phone' }, column, keys);
    expect(sql).toMatch(/^\(CASE WHEN CAST\("phone" AS VARCHAR\) IS NULL OR CAST\("phone" AS VARCHAR\) = '' THEN CAST\("phone" AS VARCHAR\) ELSE /);
  });

  it('calls the registered HMAC-SM3 function with the hash key in hex', () => {
    const sql = desensitizationSql({ method: 'hash', algorithm: 'hmac-sm3' }, column, keys);
    expect(hmacSm3Function).toBe('tds_hmac_sm3');
    expect(sql).toContain(`tds_hmac_sm3(CAST("phone" AS VARCHAR), '${'ab'.repeat(32)}')`);
  });

  it('computes HMAC-SHA256 from sha256 over padded key blocks written as blob literals', () => {
    const sql = desensitizationSql({ method: 'hash', algorithm: 'hmac-sha256' }, column, keys);
    // 0xab ^ 0x5c = 0xf7 (opad), 0xab ^ 0x36 = 0x9d (ipad); zero padding gives 0x5c and 0x36.
    expect(sql).toContain(`sha256('${'\\xf7'.repeat(32)}${'\\x5c'.repeat(32)}'::BLOB || unhex(sha256('${'\\x9d'.repeat(32)}${'\\x36'.repeat(32)}'::BLOB || encode(`);
    expect(sql).not.toContain('cdcd');
  });

  it('uses the token key, not the hash key, for tokens', () => {
    const sql = desensitizationSql({ method: 'tokenize' }, column, keys);
    expect(sql).toContain('\\x91'); // 0xcd ^ 0x5c
    expect(sql).not.toContain('\\xf7');
  });

  it('writes only quoted literals and checked numbers: quotes in the patterns are doubled, bad rules refused', () => {
    const sql = desensitizationSql({ method: 'mask', format: 'generic', keepStart: 2, keepEnd: 1 }, column, keys);
    expect(sql).toContain('left(CAST("phone" AS VARCHAR), 2)');
    const injected = [
      { method: 'mask', format: 'phone', keepStart: '1); DROP TABLE t; --' },
      { method: 'noise', mechanism: 'laplace', scale: Number.POSITIVE_INFINITY },
      { method: 'generalize', to: "year' OR '1'='1" },
      { method: 'generalize', to: 'number-band', width: 1e-9 },
    ];
    for (const rule of injected) expect(() => desensitizationSql(rule as unknown as DesensitizationRule, column, keys)).toThrow(RangeError);
  });

  it('draws noise from random(), a uniform each time', () => {
    const sql = desensitizationSql({ method: 'noise', mechanism: 'laplace', scale: 2 }, column, keys);
    expect(sql.match(/random\(\)/g)).toHaveLength(4);
    expect(sql).toContain(`CAST('2' AS DOUBLE)`);
  });

  it('refuses keys shorter than 16 bytes', () => {
    expect(() => desensitizationSql({ method: 'tokenize' }, column, { ...keys, tokenKey: new Uint8Array(4) })).toThrow(RangeError);
  });
});
