// Tests may read fixtures; core code itself stays free of I/O (the lint rule guards the rest).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashAlgorithm } from '../crypto/hash-algorithm.js';
import { ProofVerificationError, verifyConsistency, verifyInclusion } from './proof-verify.js';

// Resolved from this file, so the suite runs from any working directory.
const VECTORS = new URL('../../../test/conformance/rfc6962-merkle/', import.meta.url);

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

function load<T>(dir: string): Array<[string, T]> {
  const root = fileURLToPath(new URL(`${dir}/`, VECTORS));
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => [`${dir}/${f}`, JSON.parse(readFileSync(`${root}/${f}`, 'utf8')) as T]);
}

const b64 = (s: string) => Uint8Array.from(Buffer.from(s, 'base64'));
const sha256 = hashAlgorithm('sha256');

function outcome(check: () => void): 'accepted' | 'rejected' {
  try {
    check();
    return 'accepted';
  } catch (error) {
    if (error instanceof ProofVerificationError) return 'rejected';
    throw error;
  }
}

const inclusion = load<InclusionVector>('inclusion');
const consistency = load<ConsistencyVector>('consistency');

describe('RFC 6962 conformance vectors', () => {
  it('finds the vector files', () => {
    expect(inclusion.length).toBeGreaterThan(50);
    expect(consistency.length).toBeGreaterThan(50);
  });

  it.each(inclusion)('inclusion %s is judged as the vector expects', (_file, v) => {
    const result = outcome(() =>
      verifyInclusion(sha256, v.leafIdx, v.treeSize, b64(v.leafHash), (v.proof ?? []).map(b64), b64(v.root)),
    );
    expect(result, v.desc).toBe(v.wantErr ? 'rejected' : 'accepted');
  });

  it.each(consistency)('consistency %s is judged as the vector expects', (_file, v) => {
    const result = outcome(() =>
      verifyConsistency(sha256, v.size1, v.size2, (v.proof ?? []).map(b64), b64(v.root1), b64(v.root2)),
    );
    expect(result, v.desc).toBe(v.wantErr ? 'rejected' : 'accepted');
  });
});
