import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors/index.js';
import { decodePurposeHeader, encodePurposeHeader } from './purpose-header.js';

describe('TDS-Purpose header', () => {
  it('carries a Chinese purpose as an RFC 8187 value that fetch accepts and the provider reads back', () => {
    const value = encodePurposeHeader('普惠金融信用评估');
    expect(value).toMatch(/^UTF-8''[\x21-\x7e]+$/);
    expect(() => new Headers({ 'tds-purpose': value })).not.toThrow();
    expect(decodePurposeHeader(value)).toBe('普惠金融信用评估');
    expect(decodePurposeHeader(encodePurposeHeader("a b'c%"))).toBe("a b'c%");
  });

  it('reads a bare ASCII value as it is, and no header as no purpose', () => {
    expect(decodePurposeHeader('credit-risk-assessment')).toBe('credit-risk-assessment');
    expect(decodePurposeHeader(undefined)).toBeUndefined();
    expect(decodePurposeHeader('')).toBeUndefined();
  });

  it('refuses an ext-value that is not percent-encoded UTF-8', () => {
    expect(() => decodePurposeHeader("UTF-8''%E6%99")).toThrow(DomainError);
    expect(() => decodePurposeHeader("UTF-8''%E6%99")).toThrow(/RFC 8187/);
  });
});
