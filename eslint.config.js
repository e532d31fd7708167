// Architecture rules (DESIGN.md "Layout and dependency direction"). Do not relax these rules:
// core → nothing; store → core; server → core, store (ADR 0001); operator, connector → core,
// store, server; cli → everything but web.
// Risky libraries are wrapped: kysely and database drivers only in src/store, DuckDB only in
// src/connector/sandbox, key material only in src/core/crypto.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (name, message) => ({ regex: `(^|/)${name}/`, message });
const lib = (name, message) => ({ regex: `^${name}($|/)`, message });

const dbLibs = ['kysely', 'better-sqlite3', 'pg'].map((n) =>
  lib(n, 'Database access goes through src/store repositories.'),
);
const duckdb = lib('@duckdb/node-api', 'DuckDB is wrapped by src/connector/sandbox.');
const webOnly = layer('web', 'Node code never imports the web console.');

// Pure core: no I/O libraries, no other layer.
const coreForbidden = [
  layer('store', 'core is pure: it imports nothing from store.'),
  layer('operator', 'core is pure: it imports nothing from operator.'),
  layer('connector', 'core is pure: it imports nothing from connector.'),
  layer('cli', 'core is pure: it imports nothing from cli.'),
  webOnly,
  ...dbLibs,
  duckdb,
  lib('fastify', 'core knows nothing of HTTP.'),
  lib('(node:)?(fs|net|http|https|child_process|dgram|worker_threads)', 'core does no I/O.'),
];

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-check/**', 'node_modules/**', 'coverage/**', '.tds-demo/**', 'src/web/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: '.only must not be committed.',
        },
      ],
    },
  },
  { files: ['src/core/**/*.ts'], ignores: ['src/core/**/*.test.ts'], rules: { 'no-restricted-imports': restrict(coreForbidden) } },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/crypto/**', 'src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        ...coreForbidden,
        lib('(node:)?crypto', 'Key material and signing live in src/core/crypto; hash via core/crypto/hash-algorithm.'),
      ]),
    },
  },
  {
    // Tests of core may read their fixture files; they still import no other layer.
    files: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(coreForbidden.filter((p) => !p.message.startsWith('core does no I/O'))) },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        layer('operator', 'store depends only on core.'),
        layer('connector', 'store depends only on core.'),
        layer('cli', 'store depends only on core.'),
        webOnly,
        duckdb,
      ]),
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        layer('operator', 'server is the shared kernel (ADR 0001): it knows no node.'),
        layer('connector', 'server is the shared kernel (ADR 0001): it knows no node.'),
        layer('cli', 'server does not import cli.'),
        webOnly,
        ...dbLibs,
        duckdb,
      ]),
    },
  },
  {
    files: ['src/operator/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        layer('connector', 'operator and connector meet only over HTTP; share code through core.'),
        layer('cli', 'operator does not import cli.'),
        webOnly,
        ...dbLibs,
        duckdb,
      ]),
    },
  },
  {
    files: ['src/connector/**/*.ts'],
    ignores: ['src/connector/sandbox/**'],
    rules: {
      'no-restricted-imports': restrict([
        layer('operator', 'operator and connector meet only over HTTP; share code through core.'),
        layer('cli', 'connector does not import cli.'),
        webOnly,
        ...dbLibs,
        duckdb,
      ]),
    },
  },
  {
    files: ['src/connector/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        layer('operator', 'operator and connector meet only over HTTP; share code through core.'),
        layer('cli', 'connector does not import cli.'),
        webOnly,
        ...dbLibs,
      ]),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([webOnly, ...dbLibs, duckdb]) },
  },
);
