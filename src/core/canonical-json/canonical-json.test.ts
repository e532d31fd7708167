import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from './json-depth.js';
import { CanonicalJsonError, canonicalJson, canonicalJsonBytes } from './canonical-json.js';

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

function failure(value: unknown): CanonicalJsonError {
  try {
    canonicalJson(value);
  } catch (error) {
    if (error instanceof CanonicalJsonError) return error;
    throw error;
  }
  throw new Error('expected canonicalJson to throw');
}

describe('canonicalJson (RFC 8785)', () => {
  it('canonicalises the RFC 8785 §3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units as in the RFC 8785 §3.2.3 example', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('serialises the IEEE 754 value %s as %s (RFC 8785 Appendix B)', (bits, expected) => {
    expect(canonicalJson(fromBits(bits))).toBe(expected);
  });

  it('serialises 1e21, 1e-7 and -0 like ECMAScript', () => {
    expect(canonicalJson([1e21, 1e-7, -0, 1e20, 1e-6])).toBe('[1e+21,1e-7,0,100000000000000000000,0.000001]');
  });

  it('escapes only what RFC 8785 requires, with lowercase hex', () => {
    expect(canonicalJson('\b\t\n\f\r"\\\u0001\u001f\u007f\u2028/é😀')).toBe(
      '"\\b\\t\\n\\f\\r\\"\\\\\\u0001\\u001f\u007f\u2028/é😀"',
    );
  });

  it('encodes the canonical text as UTF-8', () => {
    expect(Buffer.from(canonicalJsonBytes({ b: '€', a: [1, 2] })).toString('hex')).toBe(
      Buffer.from('{"a":[1,2],"b":"€"}', 'utf8').toString('hex'),
    );
  });

  it('omits undefined properties and honours toJSON', () => {
    expect(canonicalJson({ b: undefined, a: new Date(0) })).toBe('{"a":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { z: 1 }))).toBe('{"z":1}');
  });

  it('canonicalises nested structures independently of key insertion order', () => {
    expect(canonicalJson({ b: { d: [true, null], c: 'x' }, a: {} })).toBe(canonicalJson({ a: {}, b: { c: 'x', d: [true, null] } }));
    expect(canonicalJson({ b: { d: [true, null], c: 'x' }, a: {} })).toBe('{"a":{},"b":{"c":"x","d":[true,null]}}');
  });

  it.each([
    ['undefined at the top', undefined, 'not-json', ''],
    ['NaN', { a: [NaN] }, 'non-finite-number', '/a/0'],
    ['Infinity', { a: Infinity }, 'non-finite-number', '/a'],
    ['-Infinity', -Infinity, 'non-finite-number', ''],
    ['a bigint', { 'x/y': 1n }, 'not-json', '/x~1y'],
    ['a function', { f: () => 1 }, 'not-json', '/f'],
    ['a symbol', [Symbol('s')], 'not-json', '/0'],
    ['undefined in an array', [1, undefined], 'not-json', '/1'],
    ['a lone surrogate in a value', { s: '\ud800' }, 'lone-surrogate', '/s'],
    ['a lone surrogate in a key', { '\udc00': 1 }, 'lone-surrogate', '/\udc00'],
    ['a Map', { m: new Map() }, 'not-json', '/m'],
    ['a typed array', new Uint8Array(2), 'not-json', ''],
  ])('rejects %s with a typed error', (_name, value, reason, pointer) => {
    const error = failure(value);
    expect(error.reason).toBe(reason);
    expect(error.pointer).toBe(pointer);
  });

  it('rejects cycles but accepts repeated shared values', () => {
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(failure(cyclic).reason).toBe('cycle');
  });

  it('refuses a value nested deeper than MAX_JSON_DEPTH with a typed error, not a RangeError, even 4,000 deep', () => {
    const nest = (depth: number) => {
      let value: unknown = 1;
      for (let i = 0; i < depth; i++) value = [value];
      return value;
    };
    expect(canonicalJson(nest(MAX_JSON_DEPTH))).toBe(`${'['.repeat(MAX_JSON_DEPTH)}1${']'.repeat(MAX_JSON_DEPTH)}`);
    const error = failure(nest(4000));
    expect(error.reason).toBe('too-deep');
    expect(error.pointer).toBe('/0'.repeat(MAX_JSON_DEPTH));
  });
});

