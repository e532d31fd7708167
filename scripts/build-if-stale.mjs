// Builds dist/ with tsc when a source file is newer than the built CLI (or it is missing), and
// dist/web with Vite when a console source is newer than its built index.html.
// Used by `npm run tds` and by the test setup, so both always run the current source; `npm run
// build` (scripts/build.mjs) runs both steps unconditionally. Each step says what it is doing
// and how long it took: a first build takes a minute or two and would otherwise print nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliEntry = path.join(repoRoot, 'dist/cli/main.js');
export const webEntry = path.join(repoRoot, 'dist/web/index.html');
const webSources = path.join(repoRoot, 'src/web');

const steps = {
  server: { 'zh-CN': '正在编译服务端与命令行（TypeScript → dist/，首次约 1 分钟）…', en: 'Compiling the server and CLI (TypeScript → dist/, about a minute the first time)…' },
  web: { 'zh-CN': '正在打包控制台（Vite → dist/web/，约 30 秒）…', en: 'Bundling the console (Vite → dist/web/, about 30 s)…' },
  done: { 'zh-CN': '  完成，用时 {s} 秒', en: '  done in {s} s' },
  failed: { 'zh-CN': '  失败（退出码 {status}），见上方输出', en: '  failed (exit status {status}), see the output above' },
};

/** zh-CN unless `--lang en` (or `--lang=en`) is among `argv` or TDS_LANG says en, as the CLI decides. */
function localeOf(argv) {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? process.env.TDS_LANG : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'zh-CN';
}

/** Runs one build step, saying what it does on stderr (stdout stays the CLI's). */
function step(name, locale, args) {
  console.error(steps[name][locale]);
  const began = Date.now();
  const built = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  const status = built.status ?? 1;
  console.error(status === 0 ? steps.done[locale].replace('{s}', ((Date.now() - began) / 1000).toFixed(0)) : steps.failed[locale].replace('{status}', String(status)));
  return status;
}

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

/** Builds the web console with Vite (`force`, or when src/web or vite.config.ts is newer than dist/web). */
export function buildWeb(locale = 'zh-CN', force = true) {
  if (!fs.existsSync(webSources)) return 0;
  const newest = Math.max(newestSource(webSources, /\.(tsx?|css|html|svg|png|ico|json)$/, null), fs.statSync(path.join(repoRoot, 'vite.config.ts')).mtimeMs);
  if (!force && fs.existsSync(webEntry) && newest <= fs.statSync(webEntry).mtimeMs) return 0;
  return step('web', locale, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
}

/** Compiles the server and CLI with tsc (`force`, or when src is newer than dist/cli/main.js). */
export function buildServer(locale = 'zh-CN', force = true) {
  const stale = !fs.existsSync(cliEntry) || newestSource(path.join(repoRoot, 'src')) > fs.statSync(cliEntry).mtimeMs;
  if (!force && !stale) return 0;
  const status = step('server', locale, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', path.join(repoRoot, 'tsconfig.build.json')]);
  // tsc leaves older outputs untouched when unchanged; touch the entry so staleness is judged once.
  if (status === 0) fs.utimesSync(cliEntry, new Date(), new Date());
  return status;
}

/** Returns the first failing build's exit status (0 when nothing needed building or all built). */
export function buildIfStale(argv = []) {
  const locale = localeOf(argv);
  const server = buildServer(locale, false);
  const web = buildWeb(locale, false);
  return server !== 0 ? server : web;
}

/** `npm run build`: both steps, always. */
export function buildAll(argv = []) {
  const locale = localeOf(argv);
  const server = buildServer(locale, true);
  return server !== 0 ? server : buildWeb(locale, true);
}
