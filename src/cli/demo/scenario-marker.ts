import fs from 'node:fs';
import path from 'node:path';

/**
 * The record that the demo scenario ran on a data directory. The scenario writes real
 * agreements, downloads and sandbox jobs, so running it at every restart would grow the
 * dashboard's figures each time; it runs once per data directory unless asked again
 * (`tds demo --rerun-scenario`).
 */
export interface ScenarioRun {
  ranAt: string;
  ok: boolean;
  passed: number;
  steps: number;
}

const fileName = 'scenario-ran.json';

/** The last run recorded in `dir`, or undefined when the scenario never ran there. */
export function lastScenarioRun(dir: string): ScenarioRun | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, fileName), 'utf8')) as ScenarioRun;
  } catch {
    return undefined;
  }
}

/** Records a run in `dir`. */
export function recordScenarioRun(dir: string, run: ScenarioRun): void {
  fs.writeFileSync(path.join(dir, fileName), `${JSON.stringify(run, null, 2)}\n`);
}
