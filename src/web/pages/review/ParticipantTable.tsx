import type { Participant } from '../../api/api-types';
import { StatusTag } from '../../components/StatusTag';
import { roleLabels, statusLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';

export function ParticipantTable({ items }: { items: Participant[] }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{t('participant.name')}</th>
            <th>{t('participant.uscc')}</th>
            <th>{t('participant.roles')}</th>
            <th>{t('participant.region')}</th>
            <th>{t('participant.status')}</th>
            <th>{t('participant.updatedAt')}</th>
            <th className="col-actions">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} data-participant={p.id}>
              <td>
                <Link to={paths.participant(p.id)} className="strong-link">{p.name}</Link>
              </td>
              <td><code className="mono">{p.uscc}</code></td>
              <td>{p.roles.map((r) => label(roleLabels, r)).join(t('common.listSeparator'))}</td>
              <td>{p.region}</td>
              <td><StatusTag value={p.status}>{label(statusLabels, p.status)}</StatusTag></td>
              <td className="nowrap">{formatDateTime(p.updatedAt)}</td>
              <td className="col-actions">
                <Link to={paths.participant(p.id)}>{t('review.open')}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
