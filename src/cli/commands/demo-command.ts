import type { Locale } from '../../core/i18n/locale.js';
import { message } from '../cli-messages.js';
import { parsePort } from '../cli-options.js';
import { closeOnSignal } from '../node-runner.js';
import { startDemoSpace } from './demo-space.js';

export interface DemoArgs {
  dir?: string;
  port?: string;
  host?: string;
}

export async function demoCommand(args: DemoArgs, locale: Locale): Promise<void> {
  const space = await startDemoSpace({
    dir: args.dir ?? '.tds-demo',
    host: args.host ?? '127.0.0.1',
    port: parsePort(args.port, 7070),
  });
  const { operator, connectors } = space.endpoints;
  console.log(
    message(locale, 'demoReady', {
      operator: operator.url,
      connectors: connectors.map((c) => `${c.name} ${c.url}`).join(', '),
      endpoints: space.endpointsFile,
      key: operator.ledgerVerifierKey,
    }),
  );
  closeOnSignal([space], () => console.error(message(locale, 'stopping')));
}
