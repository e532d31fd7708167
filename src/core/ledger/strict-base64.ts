// Standard alphabet, padded, nothing else: signed text must have exactly one encoding.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Decodes canonical standard base64 (RFC 4648 §4, padded, zero pad bits) or returns undefined.
 * Node's own decoder is lenient, so the result is re-encoded and compared.
 */
export function decodeBase64Strict(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  // Copy out of Node's shared pool so the result owns its ArrayBuffer.
  return new Uint8Array(bytes);
}
