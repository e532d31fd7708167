import { useAgreements } from '../../api/agreements-api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/use-i18n';
import { usePurposeLabel } from '../../names/purpose-label';
import { useDatasetTitles } from '../../names/use-dataset-titles';
import { useNames } from '../../names/use-names';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';

const shortId = (id: string) => id.replace(/^urn:uuid:/, '').slice(0, 8);

/**
 * Our agreements in force as consumer, one to work under. Whether it allows the sandbox is the
 * provider's to say: the workbench asks for its schema once one is chosen.
 */
export function AgreementPicker({ value, onChange }: { value: string; onChange(agreementId: string): void }) {
  const { t, locale } = useI18n();
  const purposeLabel = usePurposeLabel();
  const query = useAgreements({ role: 'consumer', state: 'active', limit: 200, offset: 0 });
  // Options are text: the resource's title and the provider's name, the agreement's id after them.
  const titleOf = useDatasetTitles(query.data?.items.map((a) => a.datasetId) ?? []);
  const nameOf = useNames();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.items;
  if (items.length === 0 && !value) return <EmptyState title={t('sandbox.agreement.none')} hint={t('sandbox.agreement.noneHint')} />;
  return (
    <div className="agreement-picker">
      <label className="filter filter-grow">
        <span>{t('sandbox.agreement.label')}</span>
        <select id="sandbox-agreement" name="agreement" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('sandbox.agreement.choose')}</option>
          {items.map((a) => (
            <option key={a.id} value={a.id}>
              {[titleOf(a.datasetId) ?? a.datasetId, nameOf(a.providerDid)?.name, purposeLabel(a.purpose, locale), shortId(a.id)].filter(Boolean).join(' · ')}
            </option>
          ))}
          {value && !items.some((a) => a.id === value) && <option value={value}>{value}</option>}
        </select>
      </label>
      {value && <Link to={paths.agreement(value)} className="small">{t('sandbox.agreement.open')}</Link>}
    </div>
  );
}
