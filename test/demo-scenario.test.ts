import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePortRange } from './support/free-port.js';
import { runCli } from './support/run-cli.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/test-databases.js';

const steps = ['Admission', 'Publication', 'Discovery', 'Negotiation', 'Sandbox', 'Usable, not visible', 'Metering', 'Open data', 'Evidence'];

describe.each(databaseKinds)('tds demo --scenario-only on %s', (kind) => {
  let database: TestDatabase | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-scenario-test-'));
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the whole scenario through the public APIs, prints every step and exits 0', async () => {
    if (kind === 'postgres') database = await createTestDatabase('postgres');
    const base = await freePortRange(3);
    const run = await runCli(['demo', '--scenario-only', '--dir', dir, '--port', String(base), '--lang', 'en', ...(database ? ['--database', database.url] : [])]);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/Space started and set up in \d+\.\d s/);
    steps.forEach((title, i) => expect(run.stdout).toContain(`✓ ${i + 1}. ${title}`));
    expect(run.stdout).toContain(`${steps.length}/${steps.length} steps passed`);
    expect(run.stdout).toMatch(/(\d+) of 200 applicants scored/);
    expect(run.stdout).toMatch(/SELECT \* was refused \(sandbox\.star, ε 0 spent\)/);
    // The flagship sandbox agreement is under differential privacy; the summary says what each step spent.
    expect(run.stdout).toMatch(/released under differential privacy \(\d+ groups of at least 10 enterprises; ε 1 spent, 9 of 10 left; 95% error: enterprise-months ±\d+, average consumption ±\d+ kWh\)/);
    expect(run.stdout).toMatch(/\d+ jobs, ε 0 spent: a registered algorithm/);
    expect(run.stdout).toMatch(/each inclusion proof checks against the signed checkpoint of size \d+/);
    // The nodes stopped: nothing listens on the ports any more.
    await expect(new Promise((resolve) => net.connect(base, '127.0.0.1').once('connect', () => resolve('open')).once('error', () => resolve('closed')))).resolves.toBe('closed');
  }, 240_000);

  it('leaves the bank with scores only: one row per applicant, no month of consumption', () => {
    const endpoints = JSON.parse(fs.readFileSync(path.join(dir, 'endpoints.json'), 'utf8'));
    expect(endpoints.scenario).toMatchObject({ algorithm: { name: 'credit-score', version: 3 }, openOffer: { entryId: expect.stringMatching(/^urn:tds:/), offerId: expect.stringMatching(/open-download$/) } });
    const [header, ...rows] = fs.readFileSync(endpoints.scenario.scoresFile, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\n');
    expect(header!.split(',')).toEqual(['申请编号', '统一社会信用代码', '申请金额（万元）', '申请日期', '月份数', '用电波动系数', '月均变化率', '稳定性评分', '评分等级']);
    expect(rows).toHaveLength(200);
    const grades = rows.map((r) => r.split(',').at(-1));
    expect(grades.filter((g) => g === '无用电记录').length).toBeGreaterThan(0);
    expect(new Set(grades.filter((g) => g !== '无用电记录'))).toEqual(new Set(['A', 'B', 'C', 'D']));
    expect(fs.readFileSync(endpoints.scenario.applicantsFile, 'utf8').split('\n')[1]).toMatch(/^CB202600001,[0-9A-Z]{18},\d+,2026-11-\d\d$/);
  });
});

describe('tds demo --scenario-only when it cannot run', () => {
  it('exits non-zero, saying why, when its ports are taken', async () => {
    const base = await freePortRange(3);
    const taken = net.createServer().listen(base, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    try {
      const run = await runCli(['demo', '--scenario-only', '--port', String(base), '--lang', 'en']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('EADDRINUSE');
    } finally {
      taken.close();
    }
  }, 60_000);

  it('refuses a database that is not PostgreSQL as a usage error', async () => {
    const run = await runCli(['demo', '--scenario-only', '--database', 'sqlite:/tmp/x.db', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--database sqlite:/tmp/x.db: a postgres:// URL');
  });
});
