import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes } from './bytes';
import { parseCheckpointNote } from './checkpoint-note';
import { verifyNoteSignature } from './note-signature';

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

async function signedCheckpoint(origin: string, size: number, root: Uint8Array) {
  const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
  const encoded = concatBytes(Uint8Array.of(1), publicKey);
  const keyId = new Uint8Array(await crypto.subtle.digest('SHA-256', concatBytes(new TextEncoder().encode(`${origin}\n`), encoded))).subarray(0, 4);
  const text = `${origin}\n${size}\n${b64(root)}\n`;
  const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', keys.privateKey, new TextEncoder().encode(text)));
  const note = `${text}\n\u2014 ${origin} ${b64(concatBytes(keyId, signature))}\n`;
  return { note, verifierKey: `${origin}+${bytesToHex(keyId)}+${b64(encoded)}` };
}

describe('checkpoint notes', () => {
  it('parse into origin, size, root and signature line, and verify against the verifier key', async () => {
    const root = new Uint8Array(32).map((_, i) => i);
    const { note, verifierKey } = await signedCheckpoint('tds.test/space', 42, root);
    const parsed = parseCheckpointNote(note);
    expect(parsed).toMatchObject({ origin: 'tds.test/space', size: 42, rootBase64: b64(root), extensions: [] });
    expect(parsed.signatures[0]?.name).toBe('tds.test/space');
    expect(await verifyNoteSignature(parsed, verifierKey)).toBe('valid');
    const forged = parseCheckpointNote(note.replace('\n42\n', '\n43\n'));
    expect(await verifyNoteSignature(forged, verifierKey)).toBe('invalid');
  });

  it('refuses notes without a signature or with a malformed root', () => {
    expect(() => parseCheckpointNote('o\n1\nAAAA\n')).toThrow();
    expect(() => parseCheckpointNote('o\n1\nAAAA\n\n\u2014 o AAAAAAAA\n')).toThrow(/root/);
  });
});
