#!/usr/bin/env node
// `npm run build`: compiles the server and CLI, then bundles the console, saying each step.
import { buildAll } from './build-if-stale.mjs';

process.exit(buildAll(process.argv.slice(2)));
