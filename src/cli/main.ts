#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { isLocale, negotiateLocale, type Locale } from '../core/i18n/locale.js';
import { productVersion } from '../core/version.js';
import { message, type MessageKey } from './cli-messages.js';
import { UsageError } from './cli-options.js';
import { operatorCommand } from './commands/operator-command.js';
import { connectorCommand } from './commands/connector-command.js';
import { demoCommand } from './commands/demo-command.js';
import { ledgerVerifyCommand } from './commands/ledger-verify-command.js';
import { traceCommand } from './commands/trace-command.js';
import { dspTokenCommand } from './commands/dsp-token-command.js';

const text = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

/** Each command: its options, its help text, whether it takes operands (`trace FILE`) and what it runs (resolving to an exit status or staying up). */
const commands: Record<string, { options: Record<string, typeof text | typeof flag>; usage: MessageKey; operands?: true; run: (values: Record<string, string | undefined>, locale: Locale, operands: string[]) => Promise<number | void> }> = {
  demo: { options: { dir: text, port: text, host: text, database: text, 'scenario-only': flag, 'rerun-scenario': flag }, usage: 'demoUsage', run: demoCommand },
  operator: { options: { dir: text, port: text, host: text, database: text, origin: text, hash: text, 'public-url': text, 'issuer-alg': text, 'catalog-review': text, 'trust-proxy': text }, usage: 'operatorUsage', run: operatorCommand },
  connector: { options: { name: text, operator: text, dir: text, port: text, host: text, database: text, 'key-alg': text, 'public-url': text, 'source-dir': text, 'sandbox-timeout': text, 'sandbox-memory': text, 'sandbox-threads': text, 'sandbox-max-jobs': text, 'trust-proxy': text }, usage: 'connectorUsage', run: connectorCommand },
  'ledger verify': {
    options: { url: text, key: text, 'from-checkpoint': text, 'save-checkpoint': text, hash: text },
    usage: 'verifyUsage',
    run: ledgerVerifyCommand,
  },
  trace: { options: {}, usage: 'traceUsage', operands: true, run: traceCommand },
  'dsp token': { options: { dir: text, as: text, audience: text, ttl: text }, usage: 'dspTokenUsage', run: dspTokenCommand },
};

/** First words of two-word commands (`ledger verify`, `dsp token`): they take the next word too. */
const commandGroups = new Set(Object.keys(commands).flatMap((name) => (name.includes(' ') ? [name.split(' ')[0]!] : [])));

function pickLocale(argv: string[]): Locale {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? process.env.TDS_LANG : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  if (isLocale(value)) return value;
  return value ? negotiateLocale(value) : 'zh-CN';
}

/** Every option any command takes, so that option values are never mistaken for command words. */
const allOptions = Object.assign({ lang: text, help: { type: 'boolean' as const }, version: { type: 'boolean' as const } }, ...Object.values(commands).map((c) => c.options));

/** The command words: positionals before any option, e.g. `ledger verify`, `dsp token`. */
function commandWords(argv: string[]): { name: string | undefined; rest: string[] } {
  const { tokens } = parseArgs({ args: argv, options: allOptions, strict: false, allowPositionals: true, tokens: true });
  const words = tokens.filter((t) => t.kind === 'positional').map((t) => ({ value: t.value, index: t.index }));
  const take = commandGroups.has(words[0]?.value ?? '') ? 2 : 1;
  const used = words.slice(0, take);
  const name = used.map((w) => w.value).join(' ') || undefined;
  const skip = new Set(used.map((w) => w.index));
  return { name, rest: argv.filter((_, i) => !skip.has(i)) };
}

export async function main(argv: string[]): Promise<number | undefined> {
  const locale = pickLocale(argv);
  const { name, rest } = commandWords(argv);
  const command = name ? commands[name] : undefined;
  if (!name || argv.includes('--version')) {
    if (argv.includes('--version')) console.log(productVersion);
    else console.log(message(locale, 'usage', { version: productVersion }));
    return 0;
  }
  if (!command) {
    console.error(message(locale, 'unknownCommand', { command: name }));
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, lang: text, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: command.operands === true,
    });
    if (values.help) {
      console.log(message(locale, command.usage));
      return 0;
    }
    // Flags arrive as the string 'true', so that every command reads options of one shape.
    const given = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === true ? 'true' : v === false ? undefined : v]));
    const status = await command.run(given as Record<string, string | undefined>, locale, positionals);
    return status ?? undefined;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(message(locale, 'badOption', { detail: (error as Error).message }));
      console.error(message(locale, command.usage));
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (status) => {
    // undefined: a server command that stays up until a signal.
    if (status !== undefined) process.exitCode = status;
  },
  (error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  },
);
