import { DomainError } from '../../core/errors/index.js';

/**
 * The `TDS-Purpose` request header of the data plane: the purpose the consumer declares for one
 * access. HTTP header values are bytes, and fetch refuses any character above U+00FF, so a purpose
 * typed in Chinese (信用评估) would fail the request before it left the consumer. The value is
 * therefore always written as an RFC 8187 ext-value, `UTF-8''` followed by the percent-encoded
 * UTF-8 bytes; a bare value (an older consumer, or curl) is still read as it is.
 */
export const purposeHeader = 'tds-purpose';

const extValuePrefix = "UTF-8''";

/** The header value for a purpose. */
export function encodePurposeHeader(purpose: string): string {
  return extValuePrefix + encodeURIComponent(purpose);
}

/**
 * The purpose a header value states, or undefined when there is none.
 * @throws DomainError `dataplane.purpose-invalid` when the ext-value is not valid percent-encoded UTF-8.
 */
export function decodePurposeHeader(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (!value.toUpperCase().startsWith(extValuePrefix.toUpperCase())) return value;
  try {
    return decodeURIComponent(value.slice(extValuePrefix.length));
  } catch {
    throw new DomainError('dataplane.purpose-invalid', "The TDS-Purpose header is not an RFC 8187 value (UTF-8'' and percent-encoded UTF-8).");
  }
}
