import fs from 'node:fs';
import path from 'node:path';
import { generateEd25519KeyPair, importEd25519PrivatePem, type Ed25519KeyPair } from '../core/crypto/ed25519-key.js';
import { generateSecretToken } from '../core/crypto/secret-token.js';
import { generateFieldKey } from '../core/crypto/field-cipher.js';
import { generateSigningKey, importSigningKeyPem, type SigningAlgorithm, type SigningKey } from '../core/crypto/signing-key.js';

function writeSecret(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // 'wx' refuses to overwrite: two processes starting at once keep one secret, not two.
  fs.writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
}

/** Loads the Ed25519 key in `file`, creating it (mode 0600) on first use. */
export function loadOrCreateKey(file: string): { key: Ed25519KeyPair; created: boolean } {
  if (!fs.existsSync(file)) {
    try {
      writeSecret(file, generateEd25519KeyPair().exportPrivatePkcs8Pem());
      return { key: importEd25519PrivatePem(fs.readFileSync(file, 'utf8')), created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { key: importEd25519PrivatePem(fs.readFileSync(file, 'utf8')), created: false };
}

/** Returns the token in `file`, generating one with `prefix` on first use. */
export function loadOrCreateToken(file: string, prefix: string): { token: string; created: boolean } {
  if (!fs.existsSync(file)) {
    try {
      const token = generateSecretToken(prefix);
      writeSecret(file, `${token}\n`);
      return { token, created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { token: fs.readFileSync(file, 'utf8').trim(), created: false };
}

/** Loads the JOSE signing key in `file` (PKCS#8 PEM), creating one of `algorithm` on first use. */
export function loadOrCreateSigningKey(file: string, algorithm: SigningAlgorithm): SigningKey {
  if (!fs.existsSync(file)) {
    try {
      writeSecret(file, generateSigningKey(algorithm).exportPrivatePkcs8Pem());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return importSigningKeyPem(fs.readFileSync(file, 'utf8'));
}

/**
 * The key that encrypts personal data at rest: `TDS_PII_KEY` (base64, 32 bytes) when set, so
 * it can live in a secret manager apart from the database; otherwise a 0600 file in the node's dir.
 */
export function loadOrCreateFieldKey(file: string): Uint8Array {
  const fromEnv = process.env.TDS_PII_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new Error('TDS_PII_KEY must be 32 bytes, base64-encoded');
    return new Uint8Array(key);
  }
  if (!fs.existsSync(file)) {
    try {
      writeSecret(file, `${Buffer.from(generateFieldKey()).toString('base64')}\n`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return new Uint8Array(key);
}
