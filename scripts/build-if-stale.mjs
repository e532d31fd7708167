// Builds dist/ with tsc when a source file is newer than the built CLI (or it is missing), and
// dist/web with Vite when a console source is newer than its built index.html.
// Used by `npm run tds` and by the test setup, so both always run the current source.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliEntry = path.join(repoRoot, 'dist/cli/main.js');
export const webEntry = path.join(repoRoot, 'dist/web/index.html');
const webSources = path.join(repoRoot, 'src/web');

/** Newest mtime of the files under `dir` whose name matches `pattern` (tests excluded), skipping `skip`. */
function newestSource(dir, pattern = /\.tsx?$/, skip = webSources) {
  let newest = 0;
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) newest = full === skip ? newest : Math.max(newest, newestSource(full, pattern, skip));
    else if (pattern.test(item.name) && !item.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web console with Vite when src/web or vite.config.ts is newer than dist/web. */
function buildWebIfStale() {
  if (!fs.existsSync(webSources)) return 0;
  const newest = Math.max(newestSource(webSources, /\.(tsx?|css|html|svg|png|ico|json)$/, null), fs.statSync(path.join(repoRoot, 'vite.config.ts')).mtimeMs);
  if (fs.existsSync(webEntry) && newest <= fs.statSync(webEntry).mtimeMs) return 0;
  const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
  return built.status ?? 1;
}

/** Returns the first failing build's exit status (0 when nothing needed building or all built). */
export function buildIfStale() {
  const server = buildServerIfStale();
  const web = buildWebIfStale();
  return server !== 0 ? server : web;
}

function buildServerIfStale() {
  const stale = !fs.existsSync(cliEntry) || newestSource(path.join(repoRoot, 'src')) > fs.statSync(cliEntry).mtimeMs;
  if (!stale) return 0;
  const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
  const built = spawnSync(process.execPath, [tsc, '-p', path.join(repoRoot, 'tsconfig.build.json')], { cwd: repoRoot, stdio: 'inherit' });
  // tsc leaves older outputs untouched when unchanged; touch the entry so staleness is judged once.
  if (built.status === 0) fs.utimesSync(cliEntry, new Date(), new Date());
  return built.status ?? 1;
}
