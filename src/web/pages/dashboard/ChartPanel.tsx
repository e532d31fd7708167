import type { EChartsCoreOption } from 'echarts/core';
import { useI18n } from '../../i18n/use-i18n';
import { EChart } from './EChart';

/** A titled chart, or a short note when the period has nothing to draw. */
export function ChartPanel({ title, option, empty, testId, height }: { title: string; option: EChartsCoreOption; empty: boolean; testId: string; height?: number }) {
  const { t } = useI18n();
  return (
    <figure className="dashboard-panel" data-panel={testId}>
      <figcaption className="dashboard-panel-title">{title}</figcaption>
      {empty ? <p className="muted dashboard-panel-empty" data-testid={testId} data-empty="true">{t('dashboard.chart.empty')}</p> : <EChart option={option} label={title} testId={testId} {...(height ? { height } : {})} />}
    </figure>
  );
}
