#!/usr/bin/env node
// `npm run tds -- ARGS` from a checkout: builds when the source is newer than the build, then runs.
import { spawnSync } from 'node:child_process';
import { buildIfStale, cliEntry } from './build-if-stale.mjs';

const status = buildIfStale();
if (status !== 0) process.exit(status);
const run = spawnSync(process.execPath, [cliEntry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? (run.signal ? 128 : 1));
