// Architecture rules (DESIGN.md "Layout and dependency direction"). Do not relax these rules:
// core → nothing; store → core; server → core, store (ADR 0001); operator, connector → core,
// store, server; cli → everything but web.
// Risky libraries are wrapped: kysely and database drivers only in src/store, DuckDB only in
// src/connector/sandbox (and the Parquet reader of connector/assets/readers), key material only
// in src/core/crypto. Drivers also read providers' own sources in connector/assets/readers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (name, message) => ({ regex: `(^|/)${name}/`, message });
const lib = (name, message) => ({ regex: `^${name}($|/)`, message });

const dbLibs = ['kysely', 'better-sqlite3', 'pg'].map((n) =>
  lib(n, 'Database access goes through src/store repositories.'),
);
const duckdb = lib('@duckdb/node-api', 'DuckDB is wrapped by src/connector/sandbox.');
const webOnly = layer('web', 'Node code never imports the web console.');
// 国密 primitives are wrapped (and checked against GB/T 32918 / RFC 8998 vectors) in core/crypto.
const smCrypto = lib('sm-crypto-v2', 'SM2/SM3/SM4 go through src/core/crypto (sm2.ts, sm4-gcm.ts), checked against the standards’ vectors.');

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
  { ignores: ['dist/**', 'dist-check/**', 'node_modules/**', 'coverage/**', '.tds-demo/**', 'test-results/**'] },
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
        smCrypto,
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
        smCrypto,
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
        smCrypto,
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
        smCrypto,
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
        smCrypto,
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
        smCrypto,
      ]),
    },
  },
  {
    // The asset readers read the provider's own data sources (its PostgreSQL or SQLite tables,
    // its Parquet files through DuckDB), never our database: drivers are allowed here, and only
    // here outside store and sandbox. Our own database still goes through src/store (kysely).
    files: ['src/connector/assets/readers/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        layer('operator', 'operator and connector meet only over HTTP; share code through core.'),
        layer('cli', 'connector does not import cli.'),
        webOnly,
        lib('kysely', 'Our own database goes through src/store repositories.'),
        smCrypto,
      ]),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([webOnly, ...dbLibs, duckdb, smCrypto]) },
  },  {
    // The web console runs in the browser: it talks to the nodes over HTTP only, like any client,
    // and imports no Node code or node builtin.
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', fetch: 'readonly', crypto: 'readonly' } },
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^(\\.\\./)+(core|store|server|operator|connector|cli)/', message: 'The web console reaches the nodes over HTTP only; it imports no Node code.' },
        lib('node:.*', 'The web console runs in the browser.'),
        ...dbLibs,
        duckdb,
        lib('fastify', 'The web console runs in the browser.'),
      ]),
    },
  },
);
