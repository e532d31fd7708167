// The vendored conformance material (test/conformance) must stay a byte-for-byte copy of the
// team's master copy in shared/conformance, which is beside the repository on the team's machines
// and CI but not in a bare clone. Where the master is absent there is nothing to compare with.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const vendored = fileURLToPath(new URL('./conformance/', import.meta.url));
const master = fileURLToPath(new URL('../../shared/conformance/', import.meta.url));

function digests(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(root, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(root);
  return out;
}

describe('vendored conformance material', () => {
  it('holds the DSP schemas, the Merkle vectors and the identity-code answers with their licences', () => {
    const files = [...digests(vendored).keys()];
    expect(files).toContain('dsp-2025-1/LICENSE');
    expect(files).toContain('rfc6962-merkle/LICENSE');
    expect(files).toContain('identity-codes.json');
    expect(files.filter((f) => f.endsWith('-schema.json')).length).toBeGreaterThan(25);
  });

  it.runIf(existsSync(master))('is a byte-for-byte copy of shared/conformance (README aside)', () => {
    const ours = digests(vendored);
    const theirs = digests(master);
    ours.delete('README.md');
    theirs.delete('README.md');
    expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(theirs));
  });
});
