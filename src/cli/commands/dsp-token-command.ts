import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../core/i18n/locale.js';
import { message } from '../cli-messages.js';
import { required, UsageError } from '../cli-options.js';
import type { DemoEndpoints } from '../demo/demo-space.js';

export interface DspTokenArgs {
  dir?: string;
  as?: string;
  audience?: string;
  ttl?: string;
}

/** The longest a reusable identity token may live, and the default here: one test session. */
const maxTtlSeconds = 3600;

function parseTtl(value: string | undefined): number {
  if (value === undefined) return maxTtlSeconds;
  const ttl = Number(value);
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > maxTtlSeconds) throw new UsageError(`--ttl ${value}: seconds, 1-${maxTtlSeconds}`);
  return ttl;
}

type Connector = DemoEndpoints['connectors'][number];

/** The demo's connectors from DIR/endpoints.json; undefined (after saying why) when unreadable. */
function readConnectors(file: string, locale: Locale): Connector[] | undefined {
  try {
    const endpoints = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DemoEndpoints>;
    if (!Array.isArray(endpoints.connectors)) throw new Error('no "connectors" list');
    return endpoints.connectors;
  } catch (error) {
    console.error(message(locale, 'dspEndpointsUnreadable', { file, reason: (error as Error).message }));
    return undefined;
  }
}

/** A problem+json answer in one line: its detail, or its title, with its code. */
function problemText(status: number, body: string): string {
  try {
    const problem = JSON.parse(body) as { title?: string; detail?: string; code?: string; errors?: Array<{ pointer?: string; detail?: string }> };
    const fields = (problem.errors ?? []).map((e) => `${e.pointer ?? ''} ${e.detail ?? ''}`.trim()).join('; ');
    const text = [problem.detail ?? problem.title, fields].filter(Boolean).join(': ');
    return `${status}${problem.code ? ` ${problem.code}` : ''}${text ? ` — ${text}` : ''}`;
  } catch {
    return `${status} ${body.slice(0, 300)}`.trim();
  }
}

/** The `authorization` of a token answer, if it is one. */
function authorizationIn(body: string): string | undefined {
  try {
    const value = (JSON.parse(body) as { authorization?: unknown }).authorization;
    return typeof value === 'string' && value.startsWith('Bearer ') ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `tds dsp token`: prints the `Authorization` value (`Bearer <JWS>`) with which demo participant
 * `--as` calls the connector whose DID is `--audience`. The token is reusable for `--ttl` seconds
 * so another DSP implementation can be tested against a running space with it.
 * Exit 0 printed, 1 the connector refused or did not answer, 2 usage or unknown participant.
 */
export async function dspTokenCommand(args: DspTokenArgs, locale: Locale): Promise<number> {
  const name = required(args.as, '--as');
  const audience = required(args.audience, '--audience');
  const ttlSeconds = parseTtl(args.ttl);
  const file = path.join(args.dir ?? '.tds-demo', 'endpoints.json');
  const connectors = readConnectors(file, locale);
  if (!connectors) return 2;
  const connector = connectors.find((c) => c.name === name);
  if (!connector) {
    console.error(message(locale, 'dspUnknownConnector', { name, file, names: connectors.map((c) => c.name).join(', ') }));
    return 2;
  }
  const url = `${connector.url.replace(/\/+$/, '')}/api/v1/identity/tokens`;
  let answer: { status: number; ok: boolean; body: string };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${connector.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ audience, reusable: true, ttlSeconds }),
      signal: AbortSignal.timeout(15_000),
    });
    answer = { status: response.status, ok: response.ok, body: await response.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    console.error(message(locale, 'dspConnectorUnreachable', { name, url: connector.url, reason: cause?.code ?? cause?.message ?? (error as Error).message }));
    return 1;
  }
  const authorization = answer.ok ? authorizationIn(answer.body) : undefined;
  if (authorization === undefined) {
    console.error(message(locale, 'dspTokenRefused', { name, url: connector.url, problem: problemText(answer.status, answer.body) }));
    return 1;
  }
  console.log(authorization);
  return 0;
}
