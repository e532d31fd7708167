import type { Dashboard } from '../../api/dashboard-types';
import { HashText } from '../../components/HashText';
import { useI18n } from '../../i18n/use-i18n';
import { durationText } from './duration';

function Kpi({ id, label, value, hint }: { id: string; label: string; value: string; hint: React.ReactNode }) {
  return (
    <div className="dashboard-kpi" data-kpi={id}>
      <div className="dashboard-kpi-label">{label}</div>
      <div className="dashboard-kpi-value" data-testid={`kpi-${id}`}>{value}</div>
      <div className="dashboard-kpi-hint">{hint}</div>
    </div>
  );
}

/** The headline figures of the period, one card each. */
export function KpiCards({ data }: { data: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const n = formatNumber;
  return (
    <div className="dashboard-kpis" data-testid="dashboard-kpis">
      <Kpi id="resources" label={t('dashboard.kpi.resources')} value={n(data.resources.published)} hint={t('dashboard.kpi.resourcesHint', { count: n(data.resources.publishedInPeriod) })} />
      <Kpi id="participants" label={t('dashboard.kpi.participants')} value={n(data.participants.total)} hint={t('dashboard.kpi.participantsHint', { count: n(data.participants.approved) })} />
      <Kpi id="agreements" label={t('dashboard.kpi.agreements')} value={n(data.agreements.total)} hint={t('dashboard.kpi.agreementsHint')} />
      <Kpi id="transfers" label={t('dashboard.kpi.transfers')} value={n(data.transfers.total)} hint={t('dashboard.kpi.transfersHint', { started: n(data.transfers.started), completed: n(data.transfers.completed) })} />
      <Kpi id="sandboxJobs" label={t('dashboard.kpi.sandboxJobs')} value={n(data.sandboxJobs.total)} hint={t('dashboard.kpi.sandboxJobsHint', { duration: durationText(data.sandboxJobs.runMs, t, n) })} />
      <Kpi
        id="ledger"
        label={t('dashboard.kpi.ledger')}
        value={n(data.ledger.size)}
        hint={
          <>
            {t('dashboard.kpi.ledgerHint', { count: n(data.ledger.entriesInPeriod) })}
            {data.ledger.checkpoint && (
              <span className="dashboard-kpi-checkpoint" data-testid="kpi-checkpoint"> · <HashText value={`${data.ledger.checkpoint.algorithm}:${data.ledger.checkpoint.rootHash}`} /></span>
            )}
          </>
        }
      />
    </div>
  );
}
