import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function violations(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the dependency direction of DESIGN.md is enforced by lint', () => {
  const cases: Array<[string, string, boolean]> = [
    ['src/core/ledger/x.ts', "import { openDatabase } from '../../store/database.js';", true],
    ['src/core/ledger/x.ts', "import fs from 'node:fs';", true],
    ['src/core/ledger/x.ts', "import { createHash } from 'node:crypto';", true],
    ['src/core/crypto/x.ts', "import { createHash } from 'node:crypto';", false],
    ['src/core/ledger/x.ts', "import { leafHash } from './merkle-hash.js';", false],
    ['src/store/x.ts', "import { createOperatorNode } from '../operator/operator-node.js';", true],
    ['src/store/x.ts', "import { DomainError } from '../core/errors/index.js';", false],
    ['src/operator/ledger/x.ts', "import { createConnectorNode } from '../../connector/connector-node.js';", true],
    ['src/operator/ledger/x.ts', "import { Kysely } from 'kysely';", true],
    ['src/operator/ledger/x.ts', "import { LedgerStore } from '../../store/ledger/ledger-store.js';", false],
    ['src/connector/x.ts', "import { createOperatorNode } from '../operator/operator-node.js';", true],
    ['src/connector/x.ts', "import { DuckDBInstance } from '@duckdb/node-api';", true],
    ['src/connector/sandbox/x.ts', "import { DuckDBInstance } from '@duckdb/node-api';", false],
    ['src/server/x.ts', "import { registerLedgerRoutes } from '../operator/ledger/ledger-routes.js';", true],
    ['src/cli/x.ts', "import { createOperatorNode } from '../operator/operator-node.js';", false],
  ];
  it.each(cases)('%s: %s → refused=%s', async (file, source, refused) => {
    const found = await violations(file, source);
    expect(found.length > 0).toBe(refused);
  });

  it('refuses committed .only in tests', async () => {
    const [result] = await eslint.lintText("import { it } from 'vitest';\nit.only('x', () => {});\n", { filePath: 'test/x.test.ts' });
    expect(result?.messages.some((m) => m.ruleId === 'no-restricted-syntax')).toBe(true);
  });
});
