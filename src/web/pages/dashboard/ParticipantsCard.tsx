import { useMemo } from 'react';
import type { Dashboard, DashboardPeriod } from '../../api/dashboard-types';
import { Card } from '../../components/Card';
import { roleLabels, statusLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { ChartPanel } from './ChartPanel';
import { barsOption, ringOption } from './chart-options';
import { CsvButton } from './CsvButton';

const ACTIVITY_ROWS = 10;

/** 参与方: admitted participants by role, all by status, and who recorded most evidence in the period. */
export function ParticipantsCard({ data, period }: { data: Dashboard; period: DashboardPeriod }) {
  const { t, formatNumber } = useI18n();
  const label = useLabel();
  const { participants } = data;
  const charts = useMemo(() => ({
    role: ringOption(participants.byRole.map((c) => ({ name: label(roleLabels, c.value), value: c.count }))),
    status: barsOption(participants.byStatus.map((c) => ({ name: label(statusLabels, c.value), value: c.count })), t('dashboard.series.count')),
  }), [participants, label, t]);
  return (
    <Card title={t('dashboard.section.participants')} extra={<CsvButton section="participants" period={period} />} className="dashboard-section">
      <div className="dashboard-grid" data-testid="dashboard-participants">
        <ChartPanel title={t('dashboard.chart.byRole')} option={charts.role} empty={participants.byRole.length === 0} testId="chart-participants-role" />
        <ChartPanel title={t('dashboard.chart.byStatus')} option={charts.status} empty={participants.byStatus.length === 0} testId="chart-participants-status" />
        <figure className="dashboard-panel dashboard-panel-wide">
          <figcaption className="dashboard-panel-title">{t('dashboard.activity.title')}</figcaption>
          {participants.activity.length === 0 ? (
            <p className="muted">{t('dashboard.activity.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="dashboard-activity">
                <thead>
                  <tr><th>{t('dashboard.activity.participant')}</th><th>{t('dashboard.activity.roles')}</th><th className="num">{t('dashboard.activity.entries')}</th></tr>
                </thead>
                <tbody>
                  {participants.activity.slice(0, ACTIVITY_ROWS).map((p) => (
                    <tr key={p.participantId} data-participant={p.participantId}>
                      <td>{p.name}</td>
                      <td>{p.roles.map((r) => label(roleLabels, r)).join('、')}</td>
                      <td className="num">{formatNumber(p.entries)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted">{t('dashboard.activity.operator', { count: formatNumber(participants.operatorEntries) })}</p>
        </figure>
      </div>
    </Card>
  );
}
