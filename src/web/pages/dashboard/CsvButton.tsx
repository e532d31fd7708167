import { useState } from 'react';
import { fetchDashboardCsv } from '../../api/dashboard-api';
import type { DashboardPeriod, DashboardSection } from '../../api/dashboard-types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { saveBlob } from '../../format/save-blob';
import { useI18n } from '../../i18n/use-i18n';

/** Downloads one section as CSV, fetched with the session's token, its header in the console's language. */
export function CsvButton({ section, period }: { section: DashboardSection; period: DashboardPeriod }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      saveBlob(await fetchDashboardCsv(section, period), `dashboard-${section}-${period.from}-${period.to}.csv`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-small" data-csv={section} disabled={busy} title={t('dashboard.csvOf', { section: t(`dashboard.section.${section}`) })} onClick={() => void download()}>
        {t('dashboard.csv')}
      </button>
      {Boolean(error) && <ErrorBanner error={error} />}
    </>
  );
}
