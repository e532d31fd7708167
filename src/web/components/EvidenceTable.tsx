import { useConnectorIdentity } from '../api/identity-api';
import { useI18n } from '../i18n/use-i18n';
import { HashText } from './HashText';

export interface EvidenceRow {
  type: string;
  /** Where the operator's ledger put it; absent until the operator acknowledged the entry. */
  ledgerIndex?: number | undefined;
  at: string;
  leafHash: string;
}

/**
 * Entries in the operator's evidence ledger (存证): each links to the operator console's ledger
 * page, which recomputes the inclusion proof in the browser, and to the public entry itself.
 * Links, not fetches: the operator's ledger is another origin.
 */
export function EvidenceTable({ rows, typeLabel, pending }: { rows: EvidenceRow[]; typeLabel: (type: string) => string; pending?: string }) {
  const { t, formatDateTime } = useI18n();
  const operatorUrl = useConnectorIdentity().data?.operatorUrl?.replace(/\/+$/, '');
  return (
    <div className="table-wrap">
      <table className="table table-compact">
        <thead>
          <tr>
            <th>{t('contracts.evidence.type')}</th>
            <th className="num">{t('contracts.evidence.index')}</th>
            <th>{t('contracts.evidence.at')}</th>
            <th>{t('contracts.evidence.leafHash')}</th>
            <th>{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={`${e.type}:${e.leafHash}`} data-receipt={e.type} data-ledger-index={e.ledgerIndex}>
              <td>
                {typeLabel(e.type)}
                <div className="small muted mono">{e.type}</div>
              </td>
              <td className="num">{e.ledgerIndex ?? <span className="muted" title={pending}>…</span>}</td>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td><HashText value={e.leafHash} /></td>
              <td className="col-actions">
                {operatorUrl && e.ledgerIndex !== undefined ? (
                  <>
                    <a href={`${operatorUrl}/evidence?entry=${e.ledgerIndex}`} target="_blank" rel="noopener noreferrer">{t('contracts.evidence.verify')}</a>
                    {' · '}
                    <a href={`${operatorUrl}/ledger/entries/${e.ledgerIndex}`} target="_blank" rel="noopener noreferrer">{t('contracts.evidence.raw')}</a>
                  </>
                ) : (
                  pending && <span className="muted small">{pending}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
