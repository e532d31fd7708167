// package.json's `engines` must be true: every package the lock file installs (optional platform
// binaries aside) has to support every Node version that range admits, or `npm ci` warns with
// EBADENGINE and a user on the lowest admitted Node gets a dependency that may not run.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../scripts/build-if-stale.mjs';

const semver = createRequire(import.meta.url)('semver') as { subset(sub: string, sup: string): boolean; satisfies(version: string, range: string): boolean };
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));

describe('Node.js version', () => {
  const ours: string = read('package.json').engines.node;
  const lock: { packages: Record<string, { version?: string; optional?: boolean; engines?: { node?: string } }> } = read('package-lock.json');

  it('admits only Node versions that every installed package supports', () => {
    const unsupported = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && !p.optional && p.engines?.node && !semver.subset(ours, p.engines.node))
      .map(([name, p]) => `${name.replace(/^.*node_modules\//, '')}@${p.version} needs ${p.engines!.node}`);
    expect(unsupported).toEqual([]);
  });

  it('admits Node 20, the runtime the design names, and the one running this test', () => {
    expect(semver.satisfies('20.19.0', ours)).toBe(true);
    expect(semver.satisfies(process.versions.node, ours)).toBe(true);
  });
});
