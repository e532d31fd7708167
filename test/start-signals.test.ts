// `npm start` (scripts/run-tds.mjs) under a supervisor: one SIGTERM or SIGINT to the process the
// user started (not to its process group, as `docker stop`, systemd or `kill PID` send it) stops
// the whole space cleanly: every port is freed and the launcher exits with the CLI's status.
import { execFileSync, execSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../scripts/build-if-stale.mjs';
import { freePortRange } from './support/free-port.js';
import { waitFor } from './support/wait-for.js';

const portTaken = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** The processes started under `pid`, at any depth (the CLI runs in a process group of its own). */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map((l) => Number(l.trim())).filter(Boolean);
  } catch {
    // none
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

const launchers: Array<[string, (args: string[]) => [string, string[]]]> = [
  ['node scripts/run-tds.mjs', (args) => [process.execPath, ['scripts/run-tds.mjs', ...args]]],
  // `npm start` is `run-tds.mjs demo`: it takes the demo's options only.
  ['npm start', (args) => ['npm', ['start', '--silent', '--', ...args.slice(1)]]],
];

describe('npm start under a supervisor', () => {
  let launcher: ChildProcess | undefined;
  // One data directory for all: the scenario runs at the first start only, the others are quick.
  let dir: string;
  let base = 0;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-signal-'));
    base = await freePortRange(3);
  });
  afterEach(async () => {
    // Whatever the outcome, leave no space running: the launcher and everything it started.
    if (launcher?.pid) {
      for (const pid of [launcher.pid, ...descendants(launcher.pid)]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    await waitFor(async () => !(await Promise.all([0, 1, 2].map((i) => portTaken(base + i)))).some(Boolean), 10_000, 'the ports to close').catch(() => {});
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(launchers.flatMap(([name, command]) => (['SIGTERM', 'SIGINT'] as const).map((signal) => ({ name, command, signal }))))(
    '$name stops the whole space on one $signal to its own pid, freeing every port',
    async ({ command, signal }) => {
      const [file, args] = command(['demo', '--dir', dir, '--port', String(base), '--lang', 'en']);
      // Its own process group, as under a supervisor: only what we send reaches it.
      launcher = spawn(file, args, { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TDS_LANG: 'en' } });
      let output = '';
      launcher.stdout!.on('data', (d) => (output += d));
      launcher.stderr!.on('data', (d) => (output += d));
      await waitFor(() => output.includes('Ctrl+C') || launcher!.exitCode !== null, 240_000, 'the demo to start');
      expect(launcher.exitCode, output).toBeNull();
      expect(await portTaken(base + 2)).toBe(true);
      // The ledger check it prints runs as printed, from the checkout (no `tds` on the PATH).
      const verify = /Verify:\s+(.+)$/m.exec(output)?.[1];
      expect(verify).toMatch(/^npm run tds -- ledger verify --url /);
      expect(execSync(verify!, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TDS_LANG: 'en' } })).toContain('Ledger verified.');

      const exited = new Promise<number | string | null>((resolve) => launcher!.once('exit', (code, killed) => resolve(code ?? killed)));
      const sent = Date.now();
      process.kill(launcher.pid!, signal);
      const code = await Promise.race([exited, new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 10_000))]);
      // run-tds.mjs exits with the CLI's status; npm re-raises the signal it forwarded on itself.
      expect([0, signal], output).toContain(code);
      expect(Date.now() - sent).toBeLessThan(10_000);
      expect(await Promise.all([0, 1, 2].map((i) => portTaken(base + i)))).toEqual([false, false, false]);
    },
    300_000,
  );
});
