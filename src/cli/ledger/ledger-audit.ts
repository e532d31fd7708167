import { hashAlgorithm, isHashAlgorithmName, type HashAlgorithm, type HashAlgorithmName } from '../../core/crypto/hash-algorithm.js';
import { canonicalJson } from '../../core/canonical-json/canonical-json.js';
import { parseCheckpoint, type Checkpoint } from '../../core/ledger/checkpoint.js';
import { CompactRange } from '../../core/ledger/compact-range.js';
import { decodeEvidenceLeaf, payloadMatchesHash } from '../../core/ledger/evidence-entry.js';
import { emptyRoot, leafHash } from '../../core/ledger/merkle-hash.js';
import { verifyConsistency } from '../../core/ledger/proof-verify.js';
import { openNote } from '../../core/ledger/signed-note.js';
import { locateTamperedLeaves } from '../../core/ledger/tamper-locator.js';
import type { LedgerClient } from './ledger-client.js';

export type AuditFinding =
  | { kind: 'entry-tampered'; index: number }
  | { kind: 'entry-malformed'; index: number; reason: string }
  | { kind: 'log-inconsistent'; reason: string };

export interface AuditReport {
  checkpoint: Checkpoint;
  note: string;
  algorithm: HashAlgorithmName;
  /** Size of the saved checkpoint proven consistent with this one, when one was given. */
  consistentWith?: number;
  findings: AuditFinding[];
}

export interface AuditOptions {
  client: LedgerClient;
  verifierKey: string;
  /** A signed note saved by an earlier run. */
  previousCheckpoint?: string;
  algorithm?: HashAlgorithmName;
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Opens a signed checkpoint with the verifier key; throws NoteVerificationError or CheckpointFormatError. */
export function openCheckpoint(note: string, verifierKey: string): Checkpoint {
  const checkpoint = parseCheckpoint(openNote(note, verifierKey).text);
  const keyName = verifierKey.split('+')[0];
  if (checkpoint.origin !== keyName) throw new Error(`checkpoint origin "${checkpoint.origin}" is not the key's log "${keyName}"`);
  return checkpoint;
}

/**
 * Verifies an operator's ledger as an outsider: the checkpoint's signature, every served entry
 * (well-formed, payload hash, recomputed into the signed root), and consistency with an earlier
 * checkpoint. Nothing served is trusted unless it hashes to the signed root.
 */
export async function auditLedger(options: AuditOptions): Promise<AuditReport> {
  const { client, verifierKey } = options;
  const note = await client.checkpoint();
  const checkpoint = openCheckpoint(note, verifierKey);
  const findings: AuditFinding[] = [];
  const { size, rootHash } = checkpoint;

  const leafBytes: Uint8Array[] = [];
  const prefixes = new Set<string>();
  for (let from = 0; from < size; ) {
    const page = await client.entries(from, size);
    if (page.entries.length === 0 || page.to <= from) {
      findings.push({ kind: 'log-inconsistent', reason: `the log serves no entries from ${from} although the checkpoint has ${size}` });
      break;
    }
    for (const served of page.entries) {
      const index = leafBytes.length;
      if (served.index !== index) {
        findings.push({ kind: 'log-inconsistent', reason: `expected entry ${index}, the log served ${served.index}` });
        break;
      }
      const leaf = new Uint8Array(Buffer.from(served.leaf, 'base64'));
      leafBytes.push(leaf);
      try {
        const entry = decodeEvidenceLeaf(leaf);
        prefixes.add(entry.payloadHash.split(':')[0] ?? '');
        if (!payloadMatchesHash(entry)) findings.push({ kind: 'entry-malformed', index, reason: 'payload does not match payloadHash' });
        if (canonicalJson(served.entry) !== canonicalJson(entry)) findings.push({ kind: 'entry-malformed', index, reason: 'the decoded entry shown differs from the leaf' });
      } catch (error) {
        findings.push({ kind: 'entry-malformed', index, reason: (error as Error).message });
      }
    }
    if (findings.some((f) => f.kind === 'log-inconsistent')) break;
    from = leafBytes.length;
  }

  const algorithm = chooseAlgorithm(options.algorithm, prefixes, size, rootHash);
  const alg = hashAlgorithm(algorithm);
  if (leafBytes.length === size) {
    const hashes = leafBytes.map((leaf) => leafHash(alg, leaf));
    const range = new CompactRange(alg, 0, []);
    for (const h of hashes) range.append(h);
    if (!equal(range.root(), rootHash)) {
      const located = await locateTamperedLeaves(alg, rootHash, hashes, (i, n) => client.inclusionProof(i, n));
      for (const index of located.indexes) findings.push({ kind: 'entry-tampered', index });
      if (located.inconsistency) findings.push({ kind: 'log-inconsistent', reason: located.inconsistency });
      if (located.indexes.length === 0 && !located.inconsistency) {
        findings.push({ kind: 'log-inconsistent', reason: 'the recomputed root differs from the signed root' });
      }
    }
  }

  let consistentWith: number | undefined;
  if (options.previousCheckpoint) {
    const previous = openCheckpoint(options.previousCheckpoint, verifierKey);
    const reason = await checkConsistency(client, alg, previous, checkpoint);
    if (reason) findings.push({ kind: 'log-inconsistent', reason });
    else consistentWith = previous.size;
  }
  return { checkpoint, note, algorithm, consistentWith, findings };
}

function chooseAlgorithm(given: HashAlgorithmName | undefined, prefixes: Set<string>, size: number, root: Uint8Array): HashAlgorithmName {
  if (given) return given;
  if (size === 0) return equal(emptyRoot(hashAlgorithm('sm3')), root) ? 'sm3' : 'sha256';
  const [only] = prefixes;
  return prefixes.size === 1 && isHashAlgorithmName(only) ? only : 'sha256';
}

async function checkConsistency(client: LedgerClient, alg: HashAlgorithm, previous: Checkpoint, current: Checkpoint): Promise<string | undefined> {
  if (previous.size > current.size) return `the saved checkpoint has ${previous.size} entries, the current one only ${current.size}: the log was truncated`;
  if (previous.size === 0) return undefined;
  try {
    const proof = await client.consistencyProof(previous.size, current.size);
    verifyConsistency(alg, previous.size, current.size, proof, previous.rootHash, current.rootHash);
    return undefined;
  } catch (error) {
    return `not consistent with the saved checkpoint of size ${previous.size}: ${(error as Error).message}`;
  }
}
