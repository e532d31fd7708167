import { useMemo } from 'react';
import type { Dashboard, DashboardPeriod } from '../../api/dashboard-types';
import { Card } from '../../components/Card';
import { DescriptionList } from '../../components/DescriptionList';
import { HashText } from '../../components/HashText';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { ChartPanel } from './ChartPanel';
import { barsOption } from './chart-options';
import { CsvButton } from './CsvButton';

const TYPES_SHOWN = 12;

/** 存证账本: its size, the latest signed checkpoint, and the period's entries by type. */
export function LedgerCard({ data, period }: { data: Dashboard; period: DashboardPeriod }) {
  const { t, formatNumber } = useI18n();
  const { ledger } = data;
  const byType = useMemo(() => barsOption(ledger.byType.slice(0, TYPES_SHOWN).map((c) => ({ name: c.value, value: c.count })), t('dashboard.series.count')), [ledger, t]);
  const cp = ledger.checkpoint;
  return (
    <Card title={t('dashboard.section.ledger')} extra={<CsvButton section="ledger" period={period} />} className="dashboard-section">
      <div className="dashboard-grid" data-testid="dashboard-ledger">
        <div className="dashboard-panel dashboard-panel-wide">
          <DescriptionList
            items={[
              { label: t('dashboard.ledger.size'), value: <span data-testid="ledger-size">{formatNumber(ledger.size)}</span>, wide: true },
              { label: t('dashboard.ledger.projected'), value: formatNumber(ledger.projected), wide: true },
              ...(cp
                ? [
                    { label: t('dashboard.ledger.checkpointSize'), value: <span data-testid="checkpoint-size">{formatNumber(cp.size)}</span>, wide: true },
                    { label: t('dashboard.ledger.rootHash'), value: <HashText value={`${cp.algorithm}:${cp.rootHash}`} full />, wide: true },
                    { label: t('dashboard.ledger.signature'), value: <code className="mono mono-wrap" data-testid="checkpoint-signature">{cp.signature}</code>, wide: true },
                  ]
                : []),
            ]}
          />
          {cp ? (
            <details className="dashboard-checkpoint">
              <summary>{t('dashboard.ledger.checkpoint')}</summary>
              <pre className="mono mono-wrap" data-testid="checkpoint-text">{cp.text}</pre>
            </details>
          ) : (
            <p className="muted">{t('dashboard.ledger.noCheckpoint')}</p>
          )}
          <p><Link to={paths.evidence}>{t('dashboard.ledger.open')}</Link></p>
        </div>
        <div className="dashboard-panel-wide">
          <ChartPanel title={t('dashboard.chart.byType')} option={byType} empty={ledger.byType.length === 0} testId="chart-ledger-types" height={360} />
        </div>
      </div>
    </Card>
  );
}
