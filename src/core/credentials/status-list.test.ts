import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { STATUS_LIST_BITS, StatusList, statusListCredential } from './status-list.js';

describe('Bitstring Status List', () => {
  it('starts with the minimum 131,072 bits, all clear', () => {
    const list = new StatusList();
    expect(list.length).toBe(STATUS_LIST_BITS);
    expect(list.toBytes().every((b) => b === 0)).toBe(true);
  });

  it('numbers bits from the left-most bit of the first byte, as the specification does', () => {
    const list = new StatusList();
    list.set(0, true);
    list.set(7, true);
    list.set(8, true);
    const bytes = list.toBytes();
    expect([bytes[0], bytes[1]]).toEqual([0x81, 0x80]);
    list.set(0, false);
    expect(list.toBytes()[0]).toBe(0x01);
  });

  it('encodes as multibase base64url of GZIP and decodes back to the same bits', () => {
    const list = new StatusList();
    for (const i of [3, 4096, 131_071]) list.set(i, true);
    const encoded = list.encode();
    expect(encoded.startsWith('u')).toBe(true);
    const back = StatusList.decode(encoded);
    expect([3, 4096, 131_071, 5].map((i) => back.get(i))).toEqual([true, true, true, false]);
  });

  it('refuses lists that are not lists: no prefix, bad base64url, not gzip, too short, or a decompression bomb', () => {
    const good = new StatusList().encode();
    const u = (bytes: Uint8Array) => `u${Buffer.from(bytes).toString('base64url')}`;
    for (const bad of [good.slice(1), 'u***', u(new TextEncoder().encode('plain')), u(gzipSync(new Uint8Array(1000))), u(gzipSync(new Uint8Array(17 * 1024 * 1024)))]) {
      expect(() => StatusList.decode(bad)).toThrow(TypeError);
    }
  });

  it('refuses indexes outside the list', () => {
    const list = new StatusList();
    expect(() => list.get(STATUS_LIST_BITS)).toThrow(RangeError);
    expect(() => list.set(-1, true)).toThrow(RangeError);
    expect(() => list.get(1.5)).toThrow(RangeError);
  });

  it('publishes the list in a BitstringStatusListCredential', () => {
    const vc = statusListCredential({ id: 'https://op.example/status/revocation', issuer: 'did:web:op.example', purpose: 'revocation', encodedList: 'uAA', validFrom: '2026-11-23T00:00:00.000Z' });
    expect(vc.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(vc.credentialSubject).toEqual({ id: 'https://op.example/status/revocation#list', type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: 'uAA' });
  });
});

describe('status list sizes', () => {
  it('refuses a size that is not a positive whole number of bits, and rounds up to whole bytes', () => {
    for (const bits of [0, -8, 1.5, Number.NaN]) expect(() => new StatusList(bits), String(bits)).toThrow(RangeError);
    expect(new StatusList(9).length).toBe(16);
  });
});
