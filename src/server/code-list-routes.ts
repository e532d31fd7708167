import { Type } from 'typebox';
import { industryDivisions, industrySections, regionChoices } from '../core/identity-codes/index.js';
import type { App } from './build-server.js';

const Choice = Type.Object({ code: Type.String(), name: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }), parent: Type.Optional(Type.String()) });
const ChoiceList = Type.Object({ items: Type.Array(Choice) });

/**
 * The national code lists a form picks from by name, on both nodes: GB/T 2260 regions (every
 * province; Henan's prefectures and Zhengzhou's districts, the demo's, by name) and GB/T 4754
 * sections and divisions. Public reference data: the registration form needs it before anyone
 * has an account, and it holds nothing about any participant.
 */
export function registerCodeListRoutes(app: App): void {
  const regions = { items: regionChoices.map((r) => ({ ...r })) };
  const industries = {
    items: [...industrySections.map((s) => ({ code: s.section, name: s.name })), ...industryDivisions.map((d) => ({ code: d.code, name: d.name, parent: d.section }))],
  };
  app.get('/api/v1/code-lists/regions', {
    config: { access: 'public' },
    schema: { tags: ['code-lists'], summary: 'GB/T 2260 regions by name (provinces; the prefectures and districts named so far)', response: { 200: ChoiceList } },
  }, async () => regions);
  app.get('/api/v1/code-lists/industries', {
    config: { access: 'public' },
    schema: { tags: ['code-lists'], summary: 'GB/T 4754-2017 sections (门类) and divisions (大类) by name', response: { 200: ChoiceList } },
  }, async () => industries);
}
