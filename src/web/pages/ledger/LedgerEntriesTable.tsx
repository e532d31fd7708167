import type { LedgerEntry } from '../../api/api-types';
import type { CheckpointNote } from '../../ledger/checkpoint-note';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { EventType, EvidenceParty } from './EvidenceParty';
import { ProofCheckCell } from './ProofCheckCell';

export function LedgerEntriesTable({ entries, checkpoint }: { entries: LedgerEntry[]; checkpoint: CheckpointNote }) {
  const { t, formatDateTime } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th className="num">{t('ledger.index')}</th>
            <th>{t('ledger.type')}</th>
            <th>{t('ledger.subject')}</th>
            <th>{t('ledger.actor')}</th>
            <th>{t('ledger.at')}</th>
            <th>{t('ledger.proof')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.index} data-entry-index={e.index}>
              <td className="num"><Link to={paths.evidenceEntry(e.index)}>#{e.index}</Link></td>
              <td>{e.entry ? <EventType type={e.entry.type} /> : t('ledger.undecodable')}</td>
              <td className="cell-wrap" data-testid="ledger-subject">{e.entry ? <EvidenceParty id={e.entry.subject} /> : '—'}</td>
              <td className="cell-wrap" data-testid="ledger-actor">{e.entry ? <EvidenceParty id={e.entry.actor} /> : '—'}</td>
              <td className="nowrap">{formatDateTime(e.entry?.at)}</td>
              <td><ProofCheckCell index={e.index} checkpoint={checkpoint} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
