import fs from 'node:fs';
import path from 'node:path';
import { importSigningKeyPem, type SigningKey } from '../../core/crypto/signing-key.js';

/** Where the connector keeps its private key: never in the database, never sent anywhere. */
export interface ConnectorKeyStore {
  load(): SigningKey | undefined;
  save(key: SigningKey): void;
}

/** The key as a PKCS#8 PEM file readable only by its owner (0600), next to the connector's data. */
export class FileKeyStore implements ConnectorKeyStore {
  constructor(private readonly file: string) {}

  load(): SigningKey | undefined {
    if (!fs.existsSync(this.file)) return undefined;
    return importSigningKeyPem(fs.readFileSync(this.file, 'utf8'));
  }

  save(key: SigningKey): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, key.exportPrivatePkcs8Pem(), { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }
}
