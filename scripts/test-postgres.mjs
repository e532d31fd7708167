// Provides a PostgreSQL server for the test suite (scripts/test.mjs, test/support/global-setup.ts).
//
// Order of preference:
//   1. TDS_TEST_PG_URL is set: use it as is; stop() does nothing.
//   2. A server answers on localhost (TCP 127.0.0.1, then the socket dir /var/run/postgresql):
//      create a throwaway database tds_test_<timestamp>_<random>; stop() drops it, together with
//      any database the tests created on it and did not drop (see TEST_DATABASE_COMMENT).
//   3. Otherwise start a private server from the system's binaries (installing the Debian
//      package first when none are found and we are root) in a temp dir on a free port;
//      stop() shuts it down and removes the dir.
//
// Environment:
//   TDS_TEST_PG_URL         use this server/database, provision nothing
//   TDS_TEST_PG_PROBE_PORT  port probed in step 2 (default 5432); point it at a closed port to
//                           force step 3, e.g. TDS_TEST_PG_PROBE_PORT=1 node scripts/test-postgres.mjs
//
// Run directly to try it: `node scripts/test-postgres.mjs` provisions, prints the URL and
// version, and stops; add `--hold` to keep the server until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

/** Comment put on every database created by test/support/test-databases.ts, naming its parent. */
export const testDatabaseComment = (parentDatabase) => `tds-test-parent:${parentDatabase}`;

/** `url` with its database name replaced (query parameters such as ?host= are kept). */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.href;
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;
const randomSuffix = () => randomBytes(4).toString('hex');

/** @param {{ log?: (line: string) => void }} [options] */
export async function provisionPostgres({ log = (line) => console.log(line) } = {}) {
  const say = (line) => log(`[postgres] ${line}`);
  if (process.env.TDS_TEST_PG_URL) {
    say('using TDS_TEST_PG_URL');
    return { url: process.env.TDS_TEST_PG_URL, stop: async () => {} };
  }
  const port = Number(process.env.TDS_TEST_PG_PROBE_PORT ?? 5432);
  const existing = await useRunningServer(port, say);
  if (existing) return existing;
  return startPrivateServer(say);
}

// ---------- 2. a server that is already running ----------

async function useRunningServer(port, say) {
  const user = userInfo().username;
  const candidates = [
    `postgres://postgres@127.0.0.1:${port}/postgres`,
    `postgres://postgres@localhost:${port}/postgres?host=${encodeURIComponent('/var/run/postgresql')}`,
    // Peer authentication on the socket maps the OS user to the role of the same name.
    `postgres://${encodeURIComponent(user)}@localhost:${port}/postgres?host=${encodeURIComponent('/var/run/postgresql')}`,
  ];
  for (const adminUrl of [...new Set(candidates)]) {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
    } catch (error) {
      say(`no usable server at ${redact(adminUrl)} (${error.code ?? error.message})`);
      await client.end().catch(() => {});
      continue;
    }
    const name = `tds_test_${Date.now()}_${randomSuffix()}`;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      say(`server at ${redact(adminUrl)} refused CREATE DATABASE (${error.message})`);
      continue;
    } finally {
      await client.end().catch(() => {});
    }
    say(`created database ${name} on ${redact(adminUrl)}`);
    return { url: withDatabase(adminUrl, name), stop: once(() => dropRunDatabase(adminUrl, name, say)) };
  }
  return undefined;
}

async function dropRunDatabase(adminUrl, name, say) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const leftovers = await client.query(
      `SELECT d.datname FROM pg_database d
         JOIN pg_shdescription s ON s.objoid = d.oid AND s.classoid = 'pg_database'::regclass
        WHERE s.description = $1`,
      [testDatabaseComment(name)],
    );
    for (const { datname } of leftovers.rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    const extra = leftovers.rowCount ? ` and ${leftovers.rowCount} leftover test database(s)` : '';
    say(`dropped database ${name}${extra}`);
  } finally {
    await client.end();
  }
}

// ---------- 3. a private server ----------

async function startPrivateServer(say) {
  let bin = findBinaries();
  if (!bin && isRoot()) {
    say('no PostgreSQL server binaries found; installing the Debian package postgresql');
    await run('sh', ['-c', 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    bin = findBinaries();
  }
  if (!bin) {
    throw new Error(
      'No PostgreSQL available: set TDS_TEST_PG_URL, run a server on localhost:5432, or install the server binaries (Debian: apt-get install postgresql).',
    );
  }
  // The server refuses to run as root, so as root everything runs as an unprivileged user.
  const runAs = isRoot() ? pickServiceUser() : undefined;
  const dir = await mkdtemp(join(tmpdir(), 'tds-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const as = (cmd, args) => run(...asUser(runAs, join(bin, cmd), args), { cwd: dir });
  const kill = () =>
    spawnSync(...asUser(runAs, join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate']), { cwd: dir, stdio: 'ignore' });
  const stopSync = () => {
    kill();
    rmSync(dir, { recursive: true, force: true });
  };
  // Safety net: pg_ctl detaches the server (setsid), so it would outlive a crashed test run.
  process.once('exit', stopSync);
  try {
    if (runAs) await run('chown', [`${runAs}:`, dir]);
    say(`initdb in ${data}${runAs ? ` as ${runAs}` : ''} (${bin})`);
    await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', `--locale=${pickLocale()}`, '--no-sync']);
    // Throwaway data: durability off for speed. Later lines win, so each attempt appends its port.
    await appendFile(
      join(data, 'postgresql.auto.conf'),
      `listen_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\n` +
        'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 200\n',
    );
    const port = await startOnFreePort({ as, kill, data, logFile, say });
    say(`ready; database tds_test on 127.0.0.1:${port}`);
    const stop = once(async () => {
      process.removeListener('exit', stopSync);
      await as('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']).catch((error) => say(`pg_ctl stop: ${error.message}`));
      await rm(dir, { recursive: true, force: true });
      say('private server stopped');
    });
    return { url: `postgres://postgres@127.0.0.1:${port}/tds_test`, stop };
  } catch (error) {
    process.removeListener('exit', stopSync);
    stopSync();
    throw error;
  }
}

async function startOnFreePort({ as, kill, data, logFile, say }) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    await appendFile(join(data, 'postgresql.auto.conf'), `port = ${port}\n`);
    say(`starting on 127.0.0.1:${port}`);
    try {
      await as('pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '60']);
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      await waitUntilReady(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('CREATE DATABASE tds_test').finally(() => client.end());
      return port;
    } catch (error) {
      const log = readTail(logFile);
      kill();
      // Another process may grab the port between freePort() and the server binding it.
      if (attempt < 3 && /already in use|could not (bind|create listen)/i.test(log)) {
        say(`port ${port} was taken; retrying`);
        continue;
      }
      throw new Error(`PostgreSQL did not start: ${error.message}\n${log}`, { cause: error });
    }
  }
}

/** Directory holding initdb, pg_ctl and postgres: PATH first, else the newest /usr/lib/postgresql/N/bin. */
function findBinaries() {
  const has = (dir) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)));
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).find(has);
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find(has);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function pickServiceUser() {
  for (const user of ['postgres', 'nobody']) {
    if (spawnSync('id', ['-u', user], { stdio: 'ignore' }).status === 0) return user;
  }
  throw new Error('Running as root and neither user postgres nor nobody exists to run the server.');
}

function asUser(user, cmd, args) {
  if (!user) return [cmd, args];
  // Absolute paths: /usr/sbin is often not on a non-login PATH.
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p));
  if (runuser) return [runuser, ['-u', user, '--', cmd, ...args]];
  const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;
  return ['su', ['-s', '/bin/sh', user, '-c', [cmd, ...args].map(quote).join(' ')]];
}

function pickLocale() {
  const locales = spawnSync('locale', ['-a'], { encoding: 'utf8' }).stdout ?? '';
  return /^C\.utf-?8$/im.test(locales) ? 'C.UTF-8' : 'C';
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url) {
  for (let i = 0; ; i++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (i >= 50) throw error;
      await delay(200);
    }
  }
}

/** Runs a command; output is captured (and shown on failure) unless stdio says otherwise. */
function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.once('error', reject);
    // 'exit', not 'close': pg_ctl's detached server may hold inherited pipes open.
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code})\n${output.trim()}`));
    });
  });
}

function readTail(file) {
  if (!existsSync(file)) return '';
  const result = spawnSync('tail', ['-n', '20', file], { encoding: 'utf8' });
  return result.stdout ?? '';
}

function once(fn) {
  let promise;
  return () => (promise ??= fn());
}

const redact = (url) => url.replace(/\/\/[^@/]*:[^@/]*@/, '//***@');

// ---------- manual check ----------

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url, stop } = await provisionPostgres();
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT current_database() AS db, version() AS version');
    await client.end();
    console.log(`url: ${url}\ndatabase: ${rows[0].db}\n${rows[0].version}`);
    if (process.argv.includes('--hold')) {
      console.log('holding; Ctrl-C to stop');
      await new Promise((resolve) => process.once('SIGINT', resolve));
    }
  } finally {
    await stop();
  }
}
