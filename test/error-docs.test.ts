import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalog, errorCodes } from '../src/core/errors/index.js';
import { productVersion } from '../src/core/version.js';

const statusByKind = { invalid: 400, unauthorized: 401, forbidden: 403, not_found: 404, not_acceptable: 406, conflict: 409, unavailable: 503, unexpected: 500 };

describe('docs/errors.md', () => {
  const rows = [...fs.readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8').matchAll(/^\| `([a-z.-]+)` \| (\d{3}) \|/gm)];
  const documented = new Map(rows.map((m) => [m[1]!, Number(m[2])]));

  it('lists exactly the codes the code defines', () => {
    expect([...documented.keys()].sort()).toEqual([...errorCodes].sort());
  });
  it('states each code with a status of its kind', () => {
    for (const code of errorCodes) {
      const status = documented.get(code);
      const definition: { kind: keyof typeof statusByKind; status?: number } = errorCatalog[code];
      expect(status).toBe(definition.status ?? statusByKind[definition.kind]);
    }
  });
});

describe('product version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(productVersion).toBe(pkg.version);
  });
});
