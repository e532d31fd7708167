import fs from 'node:fs';
import path from 'node:path';
import { generateEd25519KeyPair, importEd25519PrivatePem, type Ed25519KeyPair } from '../core/crypto/ed25519-key.js';
import { generateSecretToken } from '../core/crypto/secret-token.js';

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
