// `npm test`: build, typecheck, lint, then Vitest against a provisioned PostgreSQL.
//
//   npm test                        everything, as CI runs it (.ci/run)
//   npm test -- src/core            extra arguments go to `vitest run`
//   TDS_TEST_SKIP_BUILD=1 npm test  skip build, typecheck and lint for a quick local run
//
// PostgreSQL comes from scripts/test-postgres.mjs (TDS_TEST_PG_URL, a local server, or a private
// one) and is stopped afterwards, also on Ctrl-C / SIGTERM.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { provisionPostgres } from './test-postgres.mjs';

const vitestArgs = process.argv.slice(2);
let child; // the running step, to forward signals to
let interrupted; // the signal that asked us to stop

function header(title) {
  console.log(`\n=== ${title} ===`);
  return performance.now();
}

function done(started) {
  console.log(`--- ${((performance.now() - started) / 1000).toFixed(1)}s`);
}

/** Runs a command with inherited stdio; resolves to its exit code (128 + n when killed by signal n). */
function run(cmd, args, env = process.env) {
  return new Promise((resolve, reject) => {
    // Own process group, so a signal reaches the whole tree: vitest's main process exits on
    // SIGINT/SIGTERM but leaves its fork workers running, and npx does not forward SIGTERM.
    child = spawn(cmd, args, { stdio: 'inherit', env, detached: true });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      child = undefined;
      resolve(code ?? 128 + (constants.signals[signal] ?? 1));
    });
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) process.exit(128 + constants.signals[signal]); // second signal: give up now
    interrupted = signal;
    console.log(`\n${signal}: stopping (again to force)`);
    try {
      if (child?.pid) process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  });
}

const checkInterrupted = () => {
  if (interrupted) throw Object.assign(new Error(interrupted), { exitCode: 128 + constants.signals[interrupted] });
};

async function step(title, cmd, args) {
  const started = header(title);
  const code = await run(cmd, args);
  done(started);
  checkInterrupted();
  if (code !== 0) throw Object.assign(new Error(`${title} failed`), { exitCode: code });
}

async function main() {
  if (process.env.TDS_TEST_SKIP_BUILD === '1') {
    console.log('TDS_TEST_SKIP_BUILD=1: skipping build, typecheck and lint');
  } else {
    await step('build (npm run build)', 'npm', ['run', 'build']);
    // The build covers src only; this also checks tests, bench and scripts.
    await step('typecheck (npm run typecheck)', 'npm', ['run', 'typecheck']);
    await step('lint (npm run lint)', 'npm', ['run', 'lint']);
  }

  let started = header('PostgreSQL');
  const postgres = await provisionPostgres({ log: (line) => console.log(line) });
  done(started);
  try {
    checkInterrupted();
    started = header(`vitest run ${vitestArgs.join(' ')}`.trim());
    const code = await run('npx', ['vitest', 'run', ...vitestArgs], { ...process.env, TDS_TEST_PG_URL: postgres.url });
    done(started);
    return interrupted ? 128 + constants.signals[interrupted] : code;
  } finally {
    started = header('stop PostgreSQL');
    await postgres.stop();
    done(started);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!error.exitCode) console.error(error);
  else if (!interrupted) console.error(`\n${error.message} (exit ${error.exitCode})`);
  process.exitCode = error.exitCode ?? 1;
}
