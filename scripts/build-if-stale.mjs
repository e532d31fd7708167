// Builds dist/ with tsc when a source file is newer than the built CLI (or it is missing).
// Used by `npm run tds` and by the test setup, so both always run the current source.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliEntry = path.join(repoRoot, 'dist/cli/main.js');

function newestSource(dir) {
  let newest = 0;
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.tsx?$/.test(item.name) && !item.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Returns tsc's exit status (0 when nothing needed building). */
export function buildIfStale() {
  const stale = !fs.existsSync(cliEntry) || newestSource(path.join(repoRoot, 'src')) > fs.statSync(cliEntry).mtimeMs;
  if (!stale) return 0;
  const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
  const built = spawnSync(process.execPath, [tsc, '-p', path.join(repoRoot, 'tsconfig.build.json')], { cwd: repoRoot, stdio: 'inherit' });
  // tsc leaves older outputs untouched when unchanged; touch the entry so staleness is judged once.
  if (built.status === 0) fs.utimesSync(cliEntry, new Date(), new Date());
  return built.status ?? 1;
}
