import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCsvWatermarker, watermarkBytes } from '../../core/watermark/index.js';
import { aCsv, aPayload, companyRows } from '../../core/watermark/fixtures/tabular-fixtures.js';
import { UsageError } from '../cli-options.js';
import { traceCommand } from './trace-command.js';

describe('tds trace', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const file = (name: string, bytes: Uint8Array | string): string => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, bytes);
    return at;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-trace-'));
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the agreement and consumer of a marked file and exits 0', async () => {
    const marked = watermarkBytes(createCsvWatermarker(aPayload()), new TextEncoder().encode(aCsv(companyRows(8))));
    const at = file('leak.csv', marked);
    expect(await traceCommand({}, 'en', [at])).toBe(0);
    expect(out.join('\n')).toContain(`Agreement: ${aPayload().agreementId}`);
    expect(out.join('\n')).toContain(`Consumer:  ${aPayload().consumer}`);
    expect(await traceCommand({}, 'zh-CN', [at])).toBe(0);
    expect(out.at(-1)).toContain(`使用方： ${aPayload().consumer}`);
  });

  it('says so and exits 1 when the file has no mark', async () => {
    expect(await traceCommand({}, 'en', [file('plain.csv', aCsv(companyRows(8)))])).toBe(1);
    expect(out.join('\n')).toContain('No valid watermark');
  });

  it('exits 2 on a file it cannot read, and refuses a missing operand', async () => {
    expect(await traceCommand({}, 'en', [path.join(dir, 'absent.csv')])).toBe(2);
    expect(err.join('\n')).toContain('Cannot read');
    await expect(traceCommand({}, 'en', [])).rejects.toThrow(UsageError);
  });
});
