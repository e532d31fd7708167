import { useDashboard } from '../../api/dashboard-api';
import type { DashboardPeriod } from '../../api/dashboard-types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';
import { useLocation } from '../../router/use-location';
import { ActivityCard } from './ActivityCard';
import { periodSearch, readPeriod } from './dashboard-period';
import { KpiCards } from './KpiCards';
import { LedgerCard } from './LedgerCard';
import { ParticipantsCard } from './ParticipantsCard';
import { PeriodPicker } from './PeriodPicker';
import { ResourcesCard } from './ResourcesCard';
import { TopProductsCard } from './TopProductsCard';
import './dashboard.css';

/** 应用成效: the space's effectiveness for the operator's staff and regulators, for a period kept in the address. */
export function DashboardPage() {
  const { t, formatDateTime } = useI18n();
  const { search } = useLocation();
  const asked = readPeriod(search);
  const query = useDashboard(asked);
  const data = query.data;
  // The server fills a missing end (the last 30 days by default); the page shows what it answered.
  const period: DashboardPeriod | undefined = data ? { from: data.period.from, to: data.period.to } : undefined;
  const choose = (next: DashboardPeriod) => navigate(`${paths.dashboard}${periodSearch(next)}`);

  return (
    <div className="dashboard" data-testid="dashboard" data-loaded={data ? 'true' : 'false'}>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      {period && <PeriodPicker value={period} onChange={choose} />}
      {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Loading />}
      {data && period && (
        <>
          <p className="muted dashboard-period-shown" data-testid="dashboard-period-shown">
            {t('dashboard.period.shown', { from: data.period.from, to: data.period.to, days: data.period.days })} · {t('dashboard.generatedAt', { at: formatDateTime(data.generatedAt) })}
          </p>
          <KpiCards data={data} />
          <ResourcesCard data={data} period={period} />
          <ParticipantsCard data={data} period={period} />
          <ActivityCard data={data} period={period} />
          <TopProductsCard data={data} period={period} />
          <LedgerCard data={data} period={period} />
        </>
      )}
    </div>
  );
}
