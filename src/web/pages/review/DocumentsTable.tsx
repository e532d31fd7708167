import type { ParticipantDocument } from '../../api/api-types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { formatBytes } from '../../format/format-bytes';
import { documentKindLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** Submitted documents by name, size and SHA-256 (the content itself stays on the server). */
export function DocumentsTable({ documents }: { documents: ParticipantDocument[] }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <Card title={t('documents.title')}>
      {documents.length === 0 ? (
        <EmptyState title={t('documents.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('documents.name')}</th>
                <th>{t('documents.kind')}</th>
                <th>{t('documents.mediaType')}</th>
                <th className="num">{t('documents.size')}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.sha256 + d.name}>
                  <td>
                    <div className="nowrap">{d.name}</div>
                    <div className="doc-hash small muted">SHA-256 <code className="mono mono-wrap">{d.sha256}</code></div>
                  </td>
                  <td className="nowrap">{label(documentKindLabels, d.kind)}</td>
                  <td>{d.mediaType}</td>
                  <td className="num nowrap">{formatBytes(d.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
