import type { TransferView } from '../../api/contract-types';
import { useI18n } from '../../i18n/use-i18n';
import { ContractStateTag } from './ContractStateTag';
import { ProcessReasonView } from './ProcessReasonView';
import { TransferActions } from './TransferActions';

/** One transfer under the agreement: id, format, state (and why it ended), its actions. */
export function TransferRow({ transfer, purpose }: { transfer: TransferView; purpose: string | undefined }) {
  const { formatDateTime } = useI18n();
  return (
    <tr data-transfer={transfer.id} data-state={transfer.state ?? 'starting'}>
      <td>
        <code className="mono" title={transfer.id}>{transfer.id.replace(/^urn:uuid:/, '').slice(0, 8)}</code>
        <div className="small muted nowrap">{formatDateTime(transfer.createdAt)}</div>
      </td>
      <td className="nowrap">{transfer.format}</td>
      <td>
        <ContractStateTag kind="transfer" value={transfer.state} />
        {transfer.state === 'TERMINATED' && <ProcessReasonView reason={transfer.reason} />}
      </td>
      <td><TransferActions transfer={transfer} purpose={purpose} /></td>
    </tr>
  );
}
