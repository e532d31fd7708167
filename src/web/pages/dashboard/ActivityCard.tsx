import { useMemo } from 'react';
import type { Dashboard, DashboardPeriod } from '../../api/dashboard-types';
import { Card } from '../../components/Card';
import { jobStateLabels } from '../../i18n/sandbox-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { ChartPanel } from './ChartPanel';
import { dailyOption, ringOption, utilizationOption } from './chart-options';
import { CsvButton } from './CsvButton';

/** 数据利用趋势: agreements, transfers and sandbox jobs per day, the sandbox's running time, its jobs by state. */
export function ActivityCard({ data, period }: { data: Dashboard; period: DashboardPeriod }) {
  const { t } = useI18n();
  const label = useLabel();
  const { agreements, transfers, sandboxJobs } = data;
  const charts = useMemo(() => {
    const days = agreements.perDay.map((d) => d.day);
    return {
      daily: dailyOption(days, [
        { name: t('dashboard.series.agreements'), data: agreements.perDay.map((d) => d.count) },
        { name: t('dashboard.series.transfers'), data: transfers.perDay.map((d) => d.count) },
        { name: t('dashboard.series.sandboxJobs'), data: sandboxJobs.perDay.map((d) => d.count) },
      ]),
      utilization: utilizationOption(days, sandboxJobs.utilization.map((u) => u.runMs / 1000), t('dashboard.series.runSeconds')),
      states: ringOption(sandboxJobs.byState.map((s) => ({ name: s.value === 'unknown' ? t('dashboard.sandboxState.unknown') : label(jobStateLabels, s.value), value: s.count }))),
    };
  }, [agreements, transfers, sandboxJobs, label, t]);
  return (
    <Card title={t('dashboard.section.activity')} extra={<CsvButton section="activity" period={period} />} className="dashboard-section">
      <div className="dashboard-grid" data-testid="dashboard-use">
        <div className="dashboard-panel-wide">
          <ChartPanel title={t('dashboard.chart.daily')} option={charts.daily} empty={false} testId="chart-daily" height={300} />
        </div>
        <ChartPanel title={t('dashboard.chart.utilization')} option={charts.utilization} empty={false} testId="chart-utilization" />
        <ChartPanel title={t('dashboard.chart.jobStates')} option={charts.states} empty={sandboxJobs.byState.length === 0} testId="chart-job-states" />
      </div>
    </Card>
  );
}
