import { describe, expect, it } from 'vitest';
import { generateEd25519KeyPair, importEd25519Seed } from '../crypto/ed25519-key.js';
import { NoteVerificationError, noteVerifierKey, openNote, parseVerifierKey, signNote, type NoteFailure } from './signed-note.js';

// The example from golang.org/x/mod/sumdb/note (also in C2SP signed-note).
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const SIGNATURE_LINE =
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const NOTE = `${TEXT}\n${SIGNATURE_LINE}`;

function peterNeumann() {
  const encoded = Buffer.from(SKEY.slice('PRIVATE+KEY+PeterNeumann+c74f20a3+'.length), 'base64');
  expect(encoded[0]).toBe(0x01);
  return importEd25519Seed(Uint8Array.from(encoded.subarray(1)));
}

function failure(note: string, key = VKEY): NoteFailure {
  try {
    openNote(note, key);
  } catch (error) {
    if (error instanceof NoteVerificationError) return error.reason;
    throw error;
  }
  throw new Error('expected openNote to throw');
}

describe('C2SP signed notes', () => {
  it('derives the known verifier key from the known signer seed', () => {
    expect(noteVerifierKey('PeterNeumann', peterNeumann().publicKey)).toBe(VKEY);
  });

  it('signs the known text to exactly the known signature line', () => {
    const key = peterNeumann();
    const { keyId } = parseVerifierKey(VKEY);
    expect(signNote(TEXT, 'PeterNeumann', (m) => key.sign(m), keyId)).toBe(NOTE);
  });

  it('opens the known note and returns its text', () => {
    expect(openNote(NOTE, VKEY)).toEqual({ text: TEXT });
  });

  it('parses a verifier key into name, key id and raw public key', () => {
    const parsed = parseVerifierKey(VKEY);
    expect(parsed.name).toBe('PeterNeumann');
    expect(Buffer.from(parsed.keyId).toString('hex')).toBe('c74f20a3');
    expect(parsed.publicKey).toEqual(peterNeumann().publicKey);
  });

  it('rejects a note whose text changed by one character as a bad signature', () => {
    expect(failure(NOTE.replace('cryptography', 'cryptographY'))).toBe('bad-signature');
  });

  it('rejects a note whose signature changed as a bad signature', () => {
    expect(failure(NOTE.replace('x08go/ZJ', 'x08go/ZK'))).toBe('bad-signature');
  });

  it('rejects a note signed by another key as unknown', () => {
    const other = generateEd25519KeyPair();
    const otherKey = noteVerifierKey('PeterNeumann', other.publicKey);
    expect(failure(NOTE, otherKey)).toBe('unknown-key');
    expect(failure(NOTE, noteVerifierKey('Someone', peterNeumann().publicKey))).toBe('unknown-key');
  });

  it('ignores signatures by other keys and accepts the note when ours verifies', () => {
    const other = generateEd25519KeyPair();
    const otherId = parseVerifierKey(noteVerifierKey('other.example', other.publicKey)).keyId;
    const foreign = signNote(TEXT, 'other.example', (m) => other.sign(m), otherId).slice(TEXT.length + 1);
    expect(openNote(`${NOTE}${foreign}`, VKEY).text).toBe(TEXT);
    expect(openNote(`${TEXT}\n${foreign}${SIGNATURE_LINE}`, VKEY).text).toBe(TEXT);
    expect(failure(`${TEXT}\n${foreign}`)).toBe('unknown-key');
  });

  it('round-trips freshly generated keys, including ones whose base64 contains a plus sign', () => {
    for (let i = 0; i < 20; i++) {
      const key = generateEd25519KeyPair();
      expect(parseVerifierKey(noteVerifierKey('n', key.publicKey)).publicKey).toEqual(key.publicKey);
    }
    const key = generateEd25519KeyPair();
    const vkey = noteVerifierKey('log.example/ledger', key.publicKey);
    const text = 'log.example/ledger\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';
    const note = signNote(text, 'log.example/ledger', (m) => key.sign(m), parseVerifierKey(vkey).keyId);
    expect(openNote(note, vkey).text).toBe(text);
  });

  it.each([
    ['no blank line before the signatures', `${TEXT}${SIGNATURE_LINE}`],
    ['a signature block without a final newline', NOTE.slice(0, -1)],
    ['an empty signature block', `${TEXT}\n`],
    ['a signature line without the em dash', `${TEXT}\n- PeterNeumann x08go\n`],
    ['a signature line without a space', `${TEXT}\n\u2014 PeterNeumann\n`],
    ['a signature that is not base64', NOTE.replace('AM=\n', 'A*=\n')],
    ['a signature too short for a key id', `${TEXT}\n\u2014 PeterNeumann AAAA\n`],
    ['a control character in the text', `\t${NOTE}`],
    ['more than 100 signatures', `${TEXT}\n${SIGNATURE_LINE.repeat(101)}`],
  ])('rejects a malformed note: %s', (_name, note) => {
    expect(failure(note)).toBe('malformed');
  });

  it.each([
    ['two parts', 'PeterNeumann+c74f20a3'],
    ['a wrong key id', VKEY.replace('c74f20a3', 'c74f20a4')],
    ['a short key id', VKEY.replace('c74f20a3', 'c74f20a')],
    ['a key of another algorithm', VKEY.replace('+ARpc', '+AhpC')],
    ['an empty name', VKEY.replace('PeterNeumann', '')],
    ['a name with a space', `Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW`],
  ])('rejects a verifier key with %s', (_name, key) => {
    expect(() => parseVerifierKey(key)).toThrow(NoteVerificationError);
    expect(failure(NOTE, key)).toBe('malformed-key');
  });

  it('refuses to sign text that does not end in a newline or a name that cannot be parsed back', () => {
    const key = peterNeumann();
    const { keyId } = parseVerifierKey(VKEY);
    expect(() => signNote('no newline', 'PeterNeumann', (m) => key.sign(m), keyId)).toThrow(RangeError);
    expect(() => signNote(TEXT, 'Peter+Neumann', (m) => key.sign(m), keyId)).toThrow(RangeError);
    expect(() => noteVerifierKey('a b', key.publicKey)).toThrow(RangeError);
  });
});
