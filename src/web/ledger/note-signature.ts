import { base64ToBytes, bytesToHex, concatBytes } from './bytes';
import type { CheckpointNote } from './checkpoint-note';

export type SignatureOutcome = 'valid' | 'invalid' | 'no-matching-key' | 'unsupported';

/**
 * Checks the checkpoint's Ed25519 signature against the published verifier key
 * (`<name>+<key id hex>+<base64(0x01 || public key)>`, C2SP signed-note). Browsers without
 * Ed25519 in WebCrypto get `unsupported` rather than a false verdict.
 */
export async function verifyNoteSignature(note: CheckpointNote, verifierKey: string): Promise<SignatureOutcome> {
  const first = verifierKey.indexOf('+');
  const second = verifierKey.indexOf('+', first + 1);
  if (first < 0 || second < 0) return 'invalid';
  const name = verifierKey.slice(0, first);
  const keyIdHex = verifierKey.slice(first + 1, second).toLowerCase();
  const encoded = base64ToBytes(verifierKey.slice(second + 1).trim());
  if (!encoded || encoded.length !== 33 || encoded[0] !== 0x01) return 'invalid';

  // The key id commits to name and key: SHA-256(name || "\n" || 0x01 || key)[0:4].
  const idInput = concatBytes(new TextEncoder().encode(`${name}\n`), encoded);
  const expectedId = bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', idInput)).subarray(0, 4));
  if (expectedId !== keyIdHex) return 'invalid';

  const signature = note.signatures.find((s) => s.name === name && s.keyIdHex === keyIdHex);
  if (!signature) return 'no-matching-key';
  try {
    const key = await crypto.subtle.importKey('raw', encoded.slice(1), { name: 'Ed25519' }, false, ['verify']);
    const ok = await crypto.subtle.verify('Ed25519', key, concatBytes(signature.signature), new TextEncoder().encode(note.text));
    return ok ? 'valid' : 'invalid';
  } catch {
    return 'unsupported';
  }
}
