import type { ProcessReason } from '../../api/contract-types';
import { JsonBlock } from '../../components/JsonBlock';
import { useI18n } from '../../i18n/use-i18n';
import { reasonParts } from './process-reason';

/**
 * Why a negotiation or transfer ended or stalls: the peer's reasons as it wrote them (the
 * provider's come in Chinese and English), the DSP code, a failed delivery.
 */
export function ProcessReasonView({ reason }: { reason: ProcessReason }) {
  const { t } = useI18n();
  const parts = reasonParts(reason);
  if (!parts) return null;
  return (
    <div className="process-reason" data-testid="process-reason">
      {parts.reasons.length > 0 && (
        <ul className="reason-list">
          {parts.reasons.map((r, i) => <li key={i}>{r}</li>)}
        </ul>
      )}
      {parts.refused && <p>{t('contracts.reason.refused', { message: parts.refused.message, status: parts.refused.status })}</p>}
      {parts.lastError && <p>{t('contracts.reason.lastError', { error: parts.lastError })}</p>}
      {parts.gaveUp && <p>{t('contracts.reason.gaveUp')}</p>}
      {parts.code && <p className="small muted mono">{t('contracts.reason.code', { code: parts.code })}</p>}
      {parts.other !== undefined && <JsonBlock value={parts.other} />}
    </div>
  );
}
