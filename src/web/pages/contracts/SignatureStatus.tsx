import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/use-i18n';

/** A party's signature over the agreement hash: signed or not, the compact JWS when asked for. */
export function SignatureStatus({ party, jws }: { party: 'provider' | 'consumer'; jws: string | undefined }) {
  const { t } = useI18n();
  return (
    <div className="signature" data-signature={party} data-signed={jws ? 'true' : 'false'}>
      <StatusTag tone={jws ? 'green' : 'orange'}>{t(jws ? 'contracts.agreement.signed' : 'contracts.agreement.unsigned')}</StatusTag>
      {jws && (
        <details className="decoded">
          <summary>{t('contracts.agreement.showJws')}</summary>
          <code className="mono mono-wrap small jws">{jws}</code>
        </details>
      )}
    </div>
  );
}
