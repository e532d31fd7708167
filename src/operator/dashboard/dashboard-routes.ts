import { negotiateLocale } from '../../core/i18n/locale.js';
import type { App } from '../../server/build-server.js';
import { grants, staff } from '../accounts/account-roles.js';
import { exportSection } from './dashboard-export.js';
import { DashboardQuery, DashboardSchema, ExportQuery } from './dashboard-schemas.js';
import type { DashboardService } from './dashboard-service.js';

const tags = ['dashboard'];

/** The operator's staff and regulators (监管方, read-only): the space's effectiveness is oversight data. */
export const dashboardReaders = [...staff, grants.regulator];

/** The effectiveness dashboard (应用成效) and its CSV exports. */
export function registerDashboardRoutes(app: App, deps: { service: DashboardService }): void {
  const { service } = deps;
  app.get('/api/v1/dashboard', {
    config: { access: dashboardReaders },
    schema: {
      tags,
      summary: 'The effectiveness dashboard (应用成效) for a period of days: resource richness, participants and their activity, offers, agreements, transfers, sandbox jobs and their utilization, top products, the ledger',
      querystring: DashboardQuery,
      response: { 200: DashboardSchema },
    },
  }, async (request) => service.dashboard(service.period(request.query)));

  app.get('/api/v1/dashboard/export.csv', {
    config: { access: dashboardReaders },
    schema: {
      tags,
      summary: 'One section of the dashboard as CSV (UTF-8 with a byte order mark; header row in the Accept-Language, zh-CN by default)',
      querystring: ExportQuery,
      produces: ['text/csv'],
      response: { 200: { type: 'string' } },
    },
  }, async (request, reply) => {
    const { section, ...range } = request.query;
    const locale = negotiateLocale(request.headers['accept-language']);
    const { filename, csv } = await exportSection(service, section, service.period(range), locale);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-language', locale)
      .header('vary', 'accept-language')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(csv);
  });
}
