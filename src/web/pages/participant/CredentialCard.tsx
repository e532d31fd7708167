import type { Credential } from '../../api/api-types';
import { DescriptionList } from '../../components/DescriptionList';
import { HashText } from '../../components/HashText';
import { JsonBlock } from '../../components/JsonBlock';
import { StatusTag } from '../../components/StatusTag';
import { decodeJwt, summarizeCredential } from '../../credentials/jwt-parts';
import { credentialStatusLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** One credential: what its JWT says (decoded here, not verified), and its status at the operator. */
export function CredentialCard({ credential }: { credential: Credential }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  const decoded = decodeJwt(credential.jwt);
  const summary = decoded ? summarizeCredential(decoded) : undefined;
  const expired = summary?.validUntil ? Date.parse(summary.validUntil) < Date.now() : false;
  return (
    <article className="card credential" data-credential-type={credential.type}>
      <header className="card-header">
        <h2 className="card-title">{credential.type}</h2>
        <div className="card-extra">
          {credential.status && <StatusTag value={credential.status}>{label(credentialStatusLabels, credential.status)}</StatusTag>}
          {expired && <StatusTag tone="red">{t('credentials.expired')}</StatusTag>}
        </div>
      </header>
      <div className="card-body">
        <DescriptionList
          items={[
            { label: t('credentials.types'), value: summary?.types.join(', ') || credential.type, wide: true },
            { label: t('credentials.issuer'), value: summary?.issuer ? <HashText value={summary.issuer} full /> : '—', wide: true },
            { label: t('credentials.subject'), value: summary?.subject ? <HashText value={summary.subject} full /> : '—', wide: true },
            { label: t('credentials.validFrom'), value: formatDateTime(summary?.validFrom ?? credential.issuedAt) },
            { label: t('credentials.validUntil'), value: formatDateTime(summary?.validUntil ?? credential.validUntil) },
            { label: t('credentials.algorithm'), value: summary?.algorithm ?? '—' },
            { label: t('credentials.id'), value: <code className="mono small">{credential.id}</code> },
            ...(credential.receivedAt ? [{ label: t('credentials.receivedAt'), value: formatDateTime(credential.receivedAt), wide: true }] : []),
          ]}
        />
        {decoded ? (
          <details className="decoded">
            <summary>{t('credentials.decoded')}</summary>
            <p className="muted small">{t('credentials.notVerified')}</p>
            <div className="grid-2 tight">
              <div>
                <h3 className="subheading">{t('credentials.header')}</h3>
                <JsonBlock value={decoded.header} label="JWT header" />
              </div>
              <div>
                <h3 className="subheading">{t('credentials.payload')}</h3>
                <JsonBlock value={decoded.payload} label="JWT payload" />
              </div>
            </div>
          </details>
        ) : (
          <p className="field-error">{t('credentials.undecodable')}</p>
        )}
      </div>
    </article>
  );
}
