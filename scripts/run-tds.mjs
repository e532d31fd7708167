#!/usr/bin/env node
// `npm run tds -- ARGS` from a checkout: builds when the source is newer than the build, then runs.
// The CLI runs as a child process. A supervisor (or `docker stop`, or kill PID) signals only this
// process, not its group, so SIGINT, SIGTERM and SIGHUP are forwarded to the child; this process
// waits for it to shut down cleanly and exits with its status. The child has its own process
// group, so a Ctrl-C in the terminal reaches it once (forwarded), not twice (which the CLI reads
// as "exit now, do not close cleanly").
import { spawn } from 'node:child_process';
import { buildIfStale, cliEntry } from './build-if-stale.mjs';

const status = buildIfStale(process.argv.slice(2));
if (status !== 0) process.exit(status);
// In a checkout `tds` is not on the PATH: commands the CLI prints for the user to run say `npm run tds --`.
const env = { ...process.env, TDS_COMMAND: process.env.TDS_COMMAND ?? 'npm run tds --' };
const child = spawn(process.execPath, [cliEntry, ...process.argv.slice(2)], { stdio: 'inherit', detached: true, env });
const signals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
for (const signal of Object.keys(signals)) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(error.message);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (signals[signal] ?? 0) : 1)));
