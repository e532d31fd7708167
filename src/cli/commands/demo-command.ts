import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locale } from '../../core/i18n/locale.js';
import { message } from '../cli-messages.js';
import { parsePort, UsageError } from '../cli-options.js';
import { closeOnSignal } from '../node-runner.js';
import { runDemoScenario } from '../demo/demo-scenario.js';
import { startDemoSpace } from '../demo/demo-space.js';
import { formatScenarioReport } from '../demo/scenario-runner.js';
import { lastScenarioRun, recordScenarioRun } from '../demo/scenario-marker.js';

export interface DemoArgs {
  dir?: string;
  port?: string;
  host?: string;
  database?: string;
  /** 'true' for `--scenario-only`. */
  'scenario-only'?: string;
  /** 'true' for `--rerun-scenario`: run the scenario again on a data directory where it ran. */
  'rerun-scenario'?: string;
}

/**
 * `tds demo`: starts the demo space, runs the scenario (公共数据赋能普惠金融) against it and
 * leaves it running to explore. With `--scenario-only` it runs the scenario headless, prints the
 * summary and exits 0 only if every step passed; without `--dir` it then works in a temporary
 * directory it removes afterwards. The scenario runs once per data directory: a restart on the
 * same directory skips it (its agreements and downloads would otherwise add up on the dashboard),
 * unless `--rerun-scenario` asks for it.
 */
export async function demoCommand(args: DemoArgs, locale: Locale): Promise<number | void> {
  const scenarioOnly = args['scenario-only'] === 'true';
  const port = parsePort(args.port, 7070);
  if (args.database !== undefined && !/^postgres(ql)?:\/\//.test(args.database)) {
    throw new UsageError(`--database ${args.database}: a postgres:// URL (without it the demo keeps its data in embedded SQLite under --dir)`);
  }
  const temporary = scenarioOnly && args.dir === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'tds-scenario-')) : undefined;
  try {
    console.log(message(locale, 'demoStarting'));
    const began = performance.now();
    const dir = args.dir ?? temporary ?? '.tds-demo';
    const space = await startDemoSpace({ dir, host: args.host ?? '127.0.0.1', port, ...(args.database ? { databaseUrl: args.database } : {}) });
    console.log(message(locale, 'demoSetUp', { seconds: ((performance.now() - began) / 1000).toFixed(1) }));
    const previous = lastScenarioRun(dir);
    if (previous && !scenarioOnly && args['rerun-scenario'] !== 'true') {
      console.log(message(locale, 'demoScenarioSkipped', { ranAt: previous.ranAt }));
    } else {
      let report;
      try {
        report = await runDemoScenario(space);
      } catch (error) {
        await space.close();
        throw error;
      }
      recordScenarioRun(dir, { ranAt: new Date().toISOString(), ok: report.ok, passed: report.steps.filter((s) => s.status === 'passed').length, steps: report.steps.length });
      console.log(formatScenarioReport(report, locale));
      if (scenarioOnly) {
        await space.close();
        return report.ok ? 0 : 1;
      }
    }
    const { operator, connectors } = space.endpoints;
    console.log(
      message(locale, 'demoReady', {
        operator: operator.url,
        connectors: connectors.map((c) => `${c.name} ${c.url}`).join(', '),
        endpoints: space.endpointsFile,
        key: operator.ledgerVerifierKey,
        // From a checkout there is no `tds` on the PATH: `npm start` says how to run it there.
        tds: process.env.TDS_COMMAND ?? 'tds',
      }),
    );
    closeOnSignal([space], () => console.error(message(locale, 'stopping')));
  } finally {
    if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
  }
}
