import { Type } from 'typebox';
import { productVersion } from '../core/version.js';
import type { App } from './build-server.js';

const ConsoleInfo = Type.Object({
  node: Type.Union([Type.Literal('operator'), Type.Literal('connector')]),
  name: Type.String(),
  origin: Type.String({ description: 'The space this node belongs to' }),
  version: Type.String(),
});

/** What the console needs before login: which node it is on, to pick its navigation. */
export function registerConsoleInfo(app: App, info: { node: 'operator' | 'connector'; name: string; origin: string }): void {
  app.get('/api/v1/console', {
    config: { access: 'public' },
    schema: { tags: ['console'], summary: 'Which node this is (for the web console)', response: { 200: ConsoleInfo } },
  }, async () => ({ ...info, version: productVersion }));
}
