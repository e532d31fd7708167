import type { NegotiationView } from '../../api/contract-types';
import { DatasetName } from '../../components/DatasetName';
import { NamedId } from '../../components/NamedId';
import { usePurposeLabel } from '../../names/purpose-label';
import { roleLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { ContractStateTag } from './ContractStateTag';

/** Negotiations, most recently changed first: id, role, counterpart, entry, purpose, state. */
export function NegotiationTable({ items }: { items: NegotiationView[] }) {
  const { t, locale, formatDateTime } = useI18n();
  const purposeLabel = usePurposeLabel();
  const label = useLabel();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="negotiations">
        <thead>
          <tr>
            <th>{t('contracts.negotiations.id')}</th>
            <th>{t('contracts.role')}</th>
            <th>{t('contracts.peer')}</th>
            <th>{t('contracts.dataset')}</th>
            <th>{t('contracts.purpose')}</th>
            <th>{t('contracts.filter.state')}</th>
            <th>{t('contracts.updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id} data-negotiation={n.id}>
              <td><Link to={paths.negotiation(n.id)} className="mono" title={n.id}>{n.id.replace(/^urn:uuid:/, '').slice(0, 8)}</Link></td>
              <td className="nowrap">{label(roleLabels, n.role)}</td>
              <td><NamedId id={n.peerDid} /></td>
              <td className="cell-wrap"><DatasetName id={n.datasetId} /></td>
              <td>{purposeLabel(n.purpose, locale) ?? '—'}</td>
              <td><ContractStateTag kind="negotiation" value={n.state} /></td>
              <td className="nowrap">{formatDateTime(n.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
