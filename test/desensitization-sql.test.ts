// DuckDB is wrapped by src/connector/sandbox (the lint rule covers src/ only), but this test
// needs a DuckDB of its own: it checks core/desensitization's SQL against its TypeScript twin,
// apart from the sandbox's wiring.
import { DuckDBInstance, DuckDBScalarFunction, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey, hmacSm3Hex } from '../src/core/crypto/keyed-hash.js';
import { desensitizationSql, desensitizeValue, hmacSm3Function, type DesensitizationKeys, type DesensitizationRule } from '../src/core/desensitization/index.js';
import { addresses, ages, bankCards, dates, emails, names, numbers, phones, regionCodes, residentIds, texts } from './support/desensitization-samples.js';

const master = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
const keys: DesensitizationKeys = { hashKey: deriveKey(master, 'hash:p_grid01'), tokenKey: deriveKey(master, 'token:agreement-1') };
const noRandom = () => {
  throw new Error('a deterministic rule drew a random number');
};

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  // As the sandbox engine registers it: HMAC-SM3 is not built into DuckDB.
  connection.registerScalarFunction(
    DuckDBScalarFunction.create({
      name: hmacSm3Function,
      returnType: VARCHAR,
      parameterTypes: [VARCHAR, VARCHAR],
      mainFunction: (_info, input, output) => {
        for (let i = 0; i < input.rowCount; i++) {
          const value = input.getColumnVector(0).getItem(i);
          const key = input.getColumnVector(1).getItem(i);
          output.setItem(i, value === null || key === null ? null : hmacSm3Hex(Buffer.from(String(key), 'hex'), String(value)));
        }
        output.flush();
      },
    }),
  );
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

/** The SQL expression's output over `values` (as a VARCHAR column), in order. */
async function throughSql(rule: DesensitizationRule, values: readonly (string | null)[]): Promise<(string | null)[]> {
  await connection.run('CREATE OR REPLACE TABLE cells (i INTEGER, "cell value" VARCHAR)');
  const appender = await connection.createAppender('cells');
  values.forEach((value, i) => {
    appender.appendInteger(i);
    if (value === null) appender.appendNull();
    else appender.appendVarchar(value);
    appender.endRow();
  });
  appender.closeSync();
  const reader = await connection.runAndReadAll(`SELECT ${desensitizationSql(rule, '"cell value"', keys)} FROM cells ORDER BY i`);
  return reader.getRows().map(([v]) => (v === null ? null : String(v)));
}

const withBlanks = (values: string[]) => [...values, '', null];

const cases: Array<[string, DesensitizationRule, (string | null)[]]> = [
  ['mask id-number', { method: 'mask', format: 'id-number' }, withBlanks(residentIds(300))],
  ['mask id-number keeping 3 and 2', { method: 'mask', format: 'id-number', keepStart: 3, keepEnd: 2 }, withBlanks(residentIds(100, 21))],
  ['mask phone', { method: 'mask', format: 'phone' }, withBlanks(phones(300))],
  ['mask name', { method: 'mask', format: 'name' }, withBlanks(names(300))],
  ['mask name keeping 1 and 1', { method: 'mask', format: 'name', keepStart: 1, keepEnd: 1 }, withBlanks(names(100, 22))],
  ['mask address', { method: 'mask', format: 'address' }, withBlanks(addresses(300))],
  ['mask bank-card', { method: 'mask', format: 'bank-card' }, withBlanks(bankCards(300))],
  ['mask email', { method: 'mask', format: 'email' }, withBlanks(emails(300))],
  ['mask email keeping 2', { method: 'mask', format: 'email', keepStart: 2 }, withBlanks(emails(100, 23))],
  ['mask generic', { method: 'mask', format: 'generic' }, withBlanks(texts(200))],
  ['mask generic keeping 2 and 3', { method: 'mask', format: 'generic', keepStart: 2, keepEnd: 3 }, withBlanks(texts(200, 24))],
  ['generalize year', { method: 'generalize', to: 'year' }, withBlanks(dates(400))],
  ['generalize month', { method: 'generalize', to: 'month' }, withBlanks(dates(400, 25))],
  ['generalize age-band', { method: 'generalize', to: 'age-band' }, withBlanks(ages(300))],
  ['generalize age-band of 5', { method: 'generalize', to: 'age-band', width: 5 }, withBlanks(ages(300, 26))],
  ['generalize region-city', { method: 'generalize', to: 'region-city' }, withBlanks(regionCodes(300))],
  ['generalize region-province', { method: 'generalize', to: 'region-province' }, withBlanks(regionCodes(300, 27))],
  ...[undefined, 1, 7, 1000, 1e12, 0.1, 0.25, 2.5, 0.000001].map(
    (width): [string, DesensitizationRule, (string | null)[]] => [`generalize number-band of ${width ?? 'default'}`, { method: 'generalize', to: 'number-band', ...(width === undefined ? {} : { width }) }, withBlanks(numbers(300, 28))],
  ),
  ['hash hmac-sha256', { method: 'hash', algorithm: 'hmac-sha256' }, withBlanks(texts(300))],
  ['hash hmac-sm3', { method: 'hash', algorithm: 'hmac-sm3' }, withBlanks(texts(300, 29))],
  ['tokenize', { method: 'tokenize' }, withBlanks(texts(300, 30))],
  ['suppress', { method: 'suppress' }, withBlanks(texts(50))],
];

describe('desensitizationSql agrees with desensitizeValue in DuckDB', () => {
  it.each(cases)('%s gives the same text for every generated value', async (_name, rule, values) => {
    const expected = values.map((v) => desensitizeValue(rule, v, keys, noRandom));
    const actual = await throughSql(rule, values);
    const differences = values.flatMap((v, i) => (actual[i] === expected[i] ? [] : [{ value: v, sql: actual[i], ts: expected[i] }]));
    expect(differences).toEqual([]);
  });

  it('computes a real HMAC-SHA256 in SQL, keys longer than a block included', async () => {
    const long = Uint8Array.from({ length: 131 }, () => 0xaa);
    const sql = desensitizationSql({ method: 'hash', algorithm: 'hmac-sha256' }, `'Test Using Larger Than Block-Size Key - Hash Key First'`, { ...keys, hashKey: long });
    const [[digest]] = (await connection.runAndReadAll(`SELECT ${sql}`)).getRows() as [[string]];
    // RFC 4231 test case 6.
    expect(digest).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
  });

  it('reads typed columns (as the sandbox loads CSV by the dictionary) through their text', async () => {
    const sql = (rule: DesensitizationRule, c: string) => desensitizationSql(rule, c, keys);
    const reader = await connection.runAndReadAll(
      `SELECT ${sql({ method: 'generalize', to: 'month' }, 'd')}, ${sql({ method: 'generalize', to: 'age-band' }, 'a')}, ${sql({ method: 'generalize', to: 'number-band', width: 1000 }, 'x')}, ${sql({ method: 'mask', format: 'generic', keepEnd: 1 }, 'a')}
       FROM (SELECT DATE '2024-03-15' AS d, CAST(34 AS BIGINT) AS a, CAST(12345.5 AS DOUBLE) AS x)`,
    );
    expect(reader.getRows()).toEqual([['2024-03', '30-39', '12000', '*4']]);
  });

  it('adds noise around the value, keeping its decimals, and nulls what is not a number', async () => {
    for (const mechanism of ['laplace', 'gaussian'] as const) {
      const out = await throughSql({ method: 'noise', mechanism, scale: 2 }, [...Array.from({ length: 2000 }, () => '100'), '12.50', 'abc']);
      const noisy = out.slice(0, 2000).map(Number);
      const mean = noisy.reduce((a, b) => a + b, 0) / noisy.length;
      const sd = Math.sqrt(noisy.reduce((a, b) => a + (b - mean) ** 2, 0) / noisy.length);
      expect(noisy.every(Number.isInteger)).toBe(true);
      expect(Math.abs(mean - 100)).toBeLessThan(0.5);
      // Laplace b = 2 has σ = 2√2 ≈ 2.83; Gaussian σ = 2.
      expect(sd).toBeGreaterThan(mechanism === 'laplace' ? 2.4 : 1.7);
      expect(sd).toBeLessThan(mechanism === 'laplace' ? 3.3 : 2.3);
      expect(out[2000]).toMatch(/^\d+\.\d{1,2}$/);
      expect(out[2001]).toBeNull();
    }
  });
});
