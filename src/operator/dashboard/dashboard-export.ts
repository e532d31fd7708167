import type { DashboardPeriod } from '../../core/metrics/dashboard-period.js';
import type { Locale } from '../../core/i18n/locale.js';
import { csvTable } from './csv-table.js';
import type { Dashboard, ExportSection } from './dashboard-schemas.js';
import type { DashboardService } from './dashboard-service.js';

type Words = Record<Locale, string>;
const w = (zh: string, en: string): Words => ({ 'zh-CN': zh, en });

/** Header rows and dimension names of each section, in both languages. */
const headers: Record<ExportSection, Words[]> = {
  resources: [w('维度', 'Dimension'), w('取值', 'Value'), w('名称', 'Name'), w('数量', 'Count')],
  participants: [w('参与方标识', 'Participant ID'), w('参与方名称', 'Participant'), w('角色', 'Roles'), w('状态', 'Status'), w('期间存证条目数', 'Ledger entries in period')],
  activity: [w('日期', 'Date'), w('新增合约', 'Agreements'), w('数据传输', 'Transfers'), w('沙箱作业', 'Sandbox jobs'), w('沙箱运行时长（秒）', 'Sandbox running time (s)')],
  products: [w('排名', 'Rank'), w('资源标识', 'Resource ID'), w('资源名称', 'Resource'), w('数据提供方', 'Data provider'), w('合约数', 'Agreements'), w('传输数', 'Transfers'), w('沙箱作业数', 'Sandbox jobs')],
  ledger: [w('项目', 'Item'), w('值', 'Value')],
};

const dimensions = {
  kind: w('资源类型', 'Kind'),
  format: w('分发格式', 'Distribution format'),
  provider: w('数据提供方', 'Data provider'),
  industry: w('行业门类（GB/T 4754）', 'Industry section (GB/T 4754)'),
  accessMode: w('使用方式', 'Access mode'),
  offerAccessMode: w('报价·使用方式', 'Offers by access mode'),
  offerPriceModel: w('报价·计价模式', 'Offers by price model'),
} as const;

const ledgerItems = {
  size: w('账本条目总数', 'Ledger size'),
  projected: w('已计入统计的条目', 'Entries projected'),
  inPeriod: w('期间存证条目数', 'Entries in period'),
  rootHash: w('检查点根哈希', 'Checkpoint root hash'),
  checkpointSize: w('检查点大小', 'Checkpoint size'),
  signature: w('检查点签名', 'Checkpoint signature'),
  type: w('条目类型', 'Entry type'),
} as const;

function resourceRows(d: Dashboard, locale: Locale): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  const add = (dim: keyof typeof dimensions, items: Array<{ value: string; count: number; name?: string }>) => {
    for (const i of items) rows.push([dimensions[dim][locale], i.value, i.name ?? '', i.count]);
  };
  add('kind', d.resources.byKind);
  add('format', d.resources.byFormat);
  add('provider', d.resources.byProvider);
  add('industry', d.resources.byIndustry);
  add('accessMode', d.resources.byAccessMode);
  add('offerAccessMode', d.offers.byAccessMode);
  add('offerPriceModel', d.offers.byPriceModel);
  return rows;
}

function ledgerRows(d: Dashboard, locale: Locale): Array<Array<string | number>> {
  const cp = d.ledger.checkpoint;
  return [
    [ledgerItems.size[locale], d.ledger.size],
    [ledgerItems.projected[locale], d.ledger.projected],
    [ledgerItems.inPeriod[locale], d.ledger.entriesInPeriod],
    ...(cp ? [[ledgerItems.checkpointSize[locale], cp.size], [ledgerItems.rootHash[locale], `${cp.algorithm}:${cp.rootHash}`], [ledgerItems.signature[locale], cp.signature]] : []),
    ...d.ledger.byType.map((t) => [`${ledgerItems.type[locale]} ${t.value}`, t.count]),
  ];
}

/** One section of the dashboard as CSV, its header in `locale`; the file name says section and period. */
export async function exportSection(service: DashboardService, section: ExportSection, period: DashboardPeriod, locale: Locale): Promise<{ filename: string; csv: string }> {
  const header = headers[section].map((h) => h[locale]);
  const filename = `dashboard-${section}-${period.from}-${period.to}.csv`;
  if (section === 'participants') {
    const rows = (await service.participantRows(period)).map((p) => [p.id, p.name, p.roles.join(' '), p.status, p.entries]);
    return { filename, csv: csvTable(header, rows) };
  }
  const d = await service.dashboard(period);
  const rows =
    section === 'resources'
      ? resourceRows(d, locale)
      : section === 'activity'
        ? d.agreements.perDay.map((a, i) => [a.day, a.count, d.transfers.perDay[i]!.count, d.sandboxJobs.perDay[i]!.count, Math.round(d.sandboxJobs.utilization[i]!.runMs / 1000)])
        : section === 'products'
          ? d.topProducts.map((p, i) => [i + 1, p.id, p.title[locale], p.provider.name, p.agreements, p.transfers, p.sandboxJobs])
          : ledgerRows(d, locale);
  return { filename, csv: csvTable(header, rows) };
}
