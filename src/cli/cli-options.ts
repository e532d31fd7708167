import { isHashAlgorithmName, type HashAlgorithmName } from '../core/crypto/hash-algorithm.js';

/** A usage mistake: the CLI prints it with the command's help and exits with status 2. */
export class UsageError extends Error {
  constructor(readonly detail: string, readonly option?: string) {
    super(detail);
    this.name = 'UsageError';
  }
}

export function parsePort(value: string | undefined, fallback: number, option = '--port'): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`${option} ${value}: not a port number 1-65535`);
  return port;
}

export function parseHashAlgorithm(value: string | undefined): HashAlgorithmName {
  if (value === undefined) return 'sha256';
  if (!isHashAlgorithmName(value)) throw new UsageError(`--hash ${value}: use sha256 or sm3`);
  return value;
}

export function required(value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing ${option}`, option);
  return value;
}
