import { useMemo } from 'react';
import type { Count, Dashboard, DashboardPeriod } from '../../api/dashboard-types';
import { Card } from '../../components/Card';
import { accessModeLabels, industryLabels, kindLabels, priceModelLabels } from '../../i18n/catalog-labels';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { ChartPanel } from './ChartPanel';
import { barsOption, ringOption, type Slice } from './chart-options';
import { CsvButton } from './CsvButton';

/** 资源丰富度: the published catalog by kind, format, provider's industry, access mode, and its offers. */
export function ResourcesCard({ data, period }: { data: Dashboard; period: DashboardPeriod }) {
  const { t } = useI18n();
  const label = useLabel();
  const { resources, offers } = data;
  const charts = useMemo(() => {
    const slices = (counts: Count[], table?: Record<string, MessageKey>): Slice[] => counts.map((c) => ({ name: table ? label(table, c.value) : c.value, value: c.count }));
    return {
      kind: ringOption(slices(resources.byKind, kindLabels)),
      format: barsOption(slices(resources.byFormat), t('dashboard.series.count')),
      industry: barsOption(resources.byIndustry.map((c) => ({ name: `${c.value} ${label(industryLabels, c.value)}`, value: c.count })), t('dashboard.series.count')),
      accessMode: barsOption(slices(resources.byAccessMode, accessModeLabels), t('dashboard.series.count')),
      provider: barsOption(resources.byProvider.map((p) => ({ name: p.name, value: p.count })), t('dashboard.series.count')),
      priceModel: ringOption(slices(offers.byPriceModel, priceModelLabels)),
    };
  }, [resources, offers, label, t]);
  return (
    <Card title={t('dashboard.section.resources')} extra={<CsvButton section="resources" period={period} />} className="dashboard-section" >
      <div className="dashboard-grid" data-testid="dashboard-resources">
        <ChartPanel title={t('dashboard.chart.byKind')} option={charts.kind} empty={resources.byKind.length === 0} testId="chart-resources-kind" />
        <ChartPanel title={t('dashboard.chart.byFormat')} option={charts.format} empty={resources.byFormat.length === 0} testId="chart-resources-format" />
        <ChartPanel title={t('dashboard.chart.byIndustry')} option={charts.industry} empty={resources.byIndustry.length === 0} testId="chart-resources-industry" />
        <ChartPanel title={t('dashboard.chart.byAccessMode')} option={charts.accessMode} empty={resources.byAccessMode.length === 0} testId="chart-resources-access" />
        <ChartPanel title={t('dashboard.chart.byProvider')} option={charts.provider} empty={resources.byProvider.length === 0} testId="chart-resources-provider" />
        <ChartPanel title={t('dashboard.chart.offers', { count: offers.total })} option={charts.priceModel} empty={offers.byPriceModel.length === 0} testId="chart-offers-price" />
      </div>
    </Card>
  );
}
