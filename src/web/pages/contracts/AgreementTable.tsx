import type { AgreementView } from '../../api/contract-types';
import { DatasetName } from '../../components/DatasetName';
import { NamedId } from '../../components/NamedId';
import { usePurposeLabel } from '../../names/purpose-label';
import { roleLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { ContractStateTag } from './ContractStateTag';

/** Agreements: id, our role, the counterpart by name, the resource by title, purpose, status, uses, when in force. */
export function AgreementTable({ items }: { items: AgreementView[] }) {
  const { t, locale, formatDateTime, formatNumber } = useI18n();
  const purposeLabel = usePurposeLabel();
  const label = useLabel();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="agreements">
        <thead>
          <tr>
            <th>{t('contracts.agreements.id')}</th>
            <th>{t('contracts.role')}</th>
            <th>{t('contracts.agreements.counterpart')}</th>
            <th>{t('contracts.dataset')}</th>
            <th>{t('contracts.purpose')}</th>
            <th>{t('contracts.agreement.status')}</th>
            <th className="num">{t('contracts.agreements.uses')}</th>
            <th>{t('contracts.agreement.finalizedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} data-agreement={a.id}>
              <td><Link to={paths.agreement(a.id)} className="mono" title={a.id}>{a.id.replace(/^urn:uuid:/, '').slice(0, 8)}</Link></td>
              <td className="nowrap">{label(roleLabels, a.role)}</td>
              <td data-testid="agreement-counterpart"><NamedId id={a.role === 'provider' ? a.consumerDid : a.providerDid} /></td>
              <td className="cell-wrap" data-testid="agreement-dataset"><DatasetName id={a.datasetId} /></td>
              <td>{purposeLabel(a.purpose, locale) ?? '—'}</td>
              <td><ContractStateTag kind="agreement" value={a.status} /></td>
              <td className="num">{formatNumber(a.uses)}</td>
              <td className="nowrap">{formatDateTime(a.finalizedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
